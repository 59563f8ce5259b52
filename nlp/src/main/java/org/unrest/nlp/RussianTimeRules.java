package org.unrest.nlp;

import static org.unrest.nlp.TimeWords.RU_MONTH;
import static org.unrest.nlp.TimeWords.RU_NUMBER;
import static org.unrest.nlp.TimeWords.RU_WEEKDAY;
import static org.unrest.nlp.TimeWords.YEAR;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import org.unrest.model.TimeExpression;
import org.unrest.nlp.TimeRule.Match;
import org.unrest.nlp.TimeRule.Role;

/**
 * Russian time expressions: "5 января", "в ночь на 5 января", "в ночь с 4 на 5 января", "на следующий день",
 * "вечером", "вчера", "2 января 2022 года", "в среду", month names in every case, "в 1997 году" as background;
 * numeric dates ("05.01.2022") are in {@link EnglishTimeRules}, where sentences without Cyrillic find them too.
 */
final class RussianTimeRules {
    private RussianTimeRules() {
    }

    private static final String M = "(?<m>" + RU_MONTH + ")";
    private static final String GENITIVE = "(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)я|марта|августа|мая";
    private static final String Y = "(?: (?<y>" + YEAR + ")(?: года| г\\.?| год)?)?";
    private static final String DAY = "(?<d>\\d{1,2})(?:-?го|-е)?";
    private static final String PART = "утром|вечером|днём|днем|ночью";
    private static final String DAYS = "дн(?:я|ей)|день|сутки|суток";
    private static final String UNITS = DAYS + "|недел(?:ю|и|ь)|месяц(?:а|ев)?|год(?:а)?|лет";

    static final List<TimeRule> RULES = List.of(
            TimeRule.of("range ru from-to", "(?:с|со) (?<d1>\\d{1,2})(?:-го)?(?: (?<m1>" + RU_MONTH + "))?(?: (?<y1>" + YEAR + ")(?: года)?)?"
                    + " (?:по|до) (?<d2>\\d{1,2})(?:-е|-го)? " + M + Y, Role.OTHER, EnglishTimeRules::dayRange),
            TimeRule.of("range ru dash", "(?:между )?(?<d1>\\d{1,2})(?: ?[-–—] ?| и )(?<d2>\\d{1,2}) " + M + Y, Role.OTHER,
                    EnglishTimeRules::dayRange).accepting(m -> !m.text().contains(" и ") || m.lower().startsWith("между")),
            TimeRule.of("since ru", "(?:с|со|начиная с) " + DAY + " " + M + Y, Role.OTHER,
                    m -> EnglishTimeRules.since(m, m.dayOf(m.g("y"), TimeWords.month(m.g("m")), m.integer("d")), m.yearAnchor(m.g("y")))),
            TimeRule.of("since month ru", "(?:с|со|начиная с) (?<m>" + GENITIVE + ")" + Y, Role.OTHER, m -> {
                int month = TimeWords.month(m.g("m"));
                LocalDate first = m.has("y") ? LocalDate.of(m.integer("y"), month, 1) : m.timeline().yearless(month, 1);
                return EnglishTimeRules.since(m, first, m.yearAnchor(m.g("y")));
            }),
            TimeRule.of("night ru", "в ночь (?:с (?<d1>\\d{1,2}) )?на " + DAY + " " + M + Y, Role.DAY, m -> {
                LocalDate d = m.dayOf(m.g("y"), TimeWords.month(m.g("m")), m.integer("d"));
                return d == null ? null : m.day(d.minusDays(1), "night", m.yearAnchor(m.g("y")));
            }).accepting(m -> !m.has("d1") || m.integer("d1") + 1 == m.integer("d") || m.integer("d") == 1),
            TimeRule.of("night ru weekday", "в ночь (?:с (?:понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья) )?на (?<wd>" + RU_WEEKDAY + ")",
                    Role.DAY, m -> {
                        TimeExpression wd = EnglishTimeRules.weekday(m, null, m.g("wd"), null);
                        return wd == null ? null : m.day(wd.value().minusDays(1), "night", wd.anchor());
                    }),
            TimeRule.of("day month ru", "(?:(?:(?:в|во) )?(?<wd>" + RU_WEEKDAY + "),? )?" + DAY + " " + M + Y, Role.DAY,
                    m -> m.day(m.dayOf(m.g("y"), TimeWords.month(m.g("m")), m.integer("d")), null, m.yearAnchor(m.g("y")))),
            TimeRule.of("part of month ru", "в (?<q>начале|середине|конце|первых числах|последних числах|первую неделю"
                    + "|первой половине|второй половине|последнюю неделю|последние дни) (?<m>" + GENITIVE + ")"
                    + "(?: (?<y>" + YEAR + ")(?: года| г\\.?)?| (?<rel>прошлого|этого|текущего|нынешнего) года)?", Role.OTHER, m -> {
                        LocalDate first = monthOf(m);
                        return first == null ? null : EnglishTimeRules.partOfMonth(m, first, m.g("q"), monthAnchor(m));
                    }),
            TimeRule.of("month year ru", "(?:(?:в|во|с|до|к|по|за) )?(?<x>" + M + " (?<y>" + YEAR + ")(?: года| г\\.?| год)?)", Role.OTHER,
                    m -> m.month(LocalDate.of(m.integer("y"), TimeWords.month(m.g("m")), 1), "explicit")),
            TimeRule.of("month ru", "(?:в|во|до|к|по|за|к концу) (?<x>" + M + "(?: (?<rel>прошлого|этого|текущего|нынешнего) года)?)",
                    Role.OTHER, m -> m.month(monthOf(m), monthAnchor(m))),
            TimeRule.of("next day ru", "на (?:следующ(?:ий|ее|ую)|другой|другое|второй) (?<p>день|утро|ночь|вечер)|наутро"
                    + "|следующ(?:им|ей) (?<p2>утром|днём|днем|вечером|ночью)|через день"
                    + "|на следующей (?<w>неделе)|на следующих (?<we>выходных)", Role.DAY, m -> {
                        Timeline t = m.timeline();
                        LocalDate day = t.day();
                        if (day == null) {
                            return null;
                        }
                        if (m.has("w")) {
                            LocalDate monday = day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                            return m.range(monday, monday.plusDays(6), 2, t.storyAnchor());
                        }
                        if (m.has("we")) {
                            LocalDate saturday = day.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
                            return m.range(saturday, saturday.plusDays(1), 2, t.storyAnchor());
                        }
                        String p = m.has("p") ? m.g("p") : m.has("p2") ? m.g("p2") : m.lower().equals("наутро") ? "утро" : null;
                        return m.day(day.plusDays(1), TimeWords.partOfDay(p), t.storyAnchor());
                    }),
            TimeRule.of("day before ru", "накануне(?: (?<p>" + PART + "))?|(?:днём|днем|сутками) (?:ранее|раньше)|за день до этого"
                    + "|предыдущ(?:ей|им) (?<p2>ночью|вечером|утром|днём|днем)|в предыдущий день|(?<w>неделей (?:ранее|раньше)|за неделю до этого)",
                    Role.DAY, m -> {
                        Timeline t = m.timeline();
                        LocalDate day = t.day();
                        if (day == null) {
                            return null;
                        }
                        if (m.has("w")) {
                            return m.range(day.minusDays(7), day.minusDays(1), 2, t.storyAnchor());
                        }
                        return m.day(day.minusDays(1), TimeWords.partOfDay(m.has("p") ? m.g("p") : m.g("p2")), t.storyAnchor());
                    }),
            TimeRule.of("later ru", "(?<fwd>через|спустя) (?:(?<n>" + RU_NUMBER + ") )?(?<unit>" + UNITS + ")"
                    + "|(?<n2>" + RU_NUMBER + ") (?<unit2>" + UNITS + ") (?<dir2>спустя|назад|тому назад)"
                    + "|(?<n3>" + RU_NUMBER + ") (?<unit3>днями|сутками|неделями|месяцами|годами) (?<dir3>позже|позднее|ранее|раньше)"
                    + "|за (?<n4>" + RU_NUMBER + ") (?<unit4>" + UNITS + ") до (?:этого|того)", Role.OTHER, RussianTimeRules::later),
            TimeRule.timeOfDay("same day ru", "(?<p>(?:поздно |рано |поздним |ранним )?(?:" + PART + ")|в тот же (?:день|вечер)|в тот день"
                    + "|в ту (?:же )?ночь|в тот вечер|тем же (?:вечером|утром|днём|днем)|той же ночью|в то же утро"
                    + "|(?:позже|позднее) в тот же день|в течение (?:дня|ночи)|к вечеру|к утру|под утро|на рассвете|в полночь"
                    + "|около полуночи|в полдень)", m -> TimeWords.partOfDay(m.g("p"))),
            TimeRule.timeOfDay("clock ru", "(?:около|примерно в|примерно к|приблизительно в|ровно в|в|к|после|до|с) (?<h>\\d{1,2})"
                    + "(?:[:.](?<min>\\d\\d))?(?<hw> час(?:а|ов)?| ч\\.?)?(?: (?<mw>\\d\\d) минут[ыу]?)?(?: (?<ap>утра|дня|вечера|ночи))?"
                    + "(?: по местному времени)?", RussianTimeRules::clock)
                    .accepting(m -> (m.has("min") || m.has("hw") || m.has("ap")) && clock(m) != null),
            TimeRule.of("yesterday ru", "(?<w>позавчера|вчера|сегодня)(?: (?<p>" + PART + "))?|(?<w2>прошлой|этой|сегодняшней) ночью",
                    Role.DAY, m -> {
                        Timeline t = m.timeline();
                        LocalDate p = t.published();
                        if (p == null) {
                            return null;
                        }
                        if (m.has("w2")) {
                            return m.day(p.minusDays(1), "night", t.publicationAnchor());
                        }
                        String w = m.g("w").toLowerCase(Locale.ROOT);
                        LocalDate d = w.equals("позавчера") ? p.minusDays(2) : w.equals("вчера") ? p.minusDays(1) : p;
                        String part = m.g("p");
                        if (part != null && part.equalsIgnoreCase("ночью") && w.equals("сегодня")) {
                            d = p.minusDays(1);
                        }
                        return m.day(d, TimeWords.partOfDay(part), t.publicationAnchor());
                    }),
            TimeRule.of("week ru", "на (?<w>прошлой|этой|текущей|позапрошлой) неделе"
                    + "|(?<we>в минувшие|в прошлые|на прошлых|в эти|на этих|в|на) выходн(?:ые|ых)", Role.OTHER, m -> {
                        if (m.has("w")) {
                            String w = m.g("w").toLowerCase(Locale.ROOT);
                            if (w.equals("позапрошлой")) {
                                TimeExpression last = EnglishTimeRules.week(m, "last", null);
                                return last == null ? null : m.range(last.value().minusWeeks(1), last.endValue().minusWeeks(1), 2, last.anchor());
                            }
                            return EnglishTimeRules.week(m, w.equals("прошлой") ? "last" : "this", null);
                        }
                        String we = m.g("we").toLowerCase(Locale.ROOT);
                        return EnglishTimeRules.week(m, null, we.contains("минувш") || we.contains("прошл") ? "last" : "over the");
                    }),
            TimeRule.of("weekday ru", "(?:в|во) (?:(?<q>прошл(?:ый|ую|ое)|минувш(?:ий|ую|ее)|эт(?:от|у|о)|следующ(?:ий|ую|ее)) )?"
                    + "(?<wd>" + RU_WEEKDAY + ")(?: (?<p>" + PART + "))?", Role.DAY, m -> {
                        String q = m.g("q");
                        String qualifier = q == null ? null : q.startsWith("прошл") || q.startsWith("минувш") ? "last"
                                : q.startsWith("следующ") ? "next" : "this";
                        return EnglishTimeRules.weekday(m, qualifier, m.g("wd"), m.g("p"));
                    }),
            TimeRule.of("since weekday ru", "(?:с|со|начиная с) (?<wd>понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья)",
                    Role.OTHER, m -> {
                        TimeExpression d = EnglishTimeRules.weekday(m, null, m.g("wd"), null);
                        return d == null ? null : EnglishTimeRules.since(m, d.value(), d.anchor());
                    }),
            TimeRule.of("year ru", "(?:(?:в|с|до|к|после|от|около|в конце|в начале|в середине|с конца|с начала) )?"
                    + "(?<x>(?<y>" + YEAR + ") (?:год(?:а|у|ом)?|г\\.?))", Role.OTHER,
                    m -> m.background(LocalDate.of(m.integer("y"), 1, 1), LocalDate.of(m.integer("y"), 12, 31), "explicit")),
            TimeRule.of("decade ru", "(?:в )?(?<x>(?<y>(?:1[89]|20)\\d0)-(?:х|е)(?: год(?:ах|ы|ов))?)", Role.OTHER,
                    m -> m.background(LocalDate.of(m.integer("y"), 1, 1), LocalDate.of(m.integer("y") + 9, 12, 31), "explicit")),
            TimeRule.of("year relative ru", "в (?<w>прошлом|этом|текущем|позапрошлом) году", Role.OTHER, m -> {
                Timeline.Base base = m.timeline().dayOrPublished();
                if (base == null) {
                    return null;
                }
                String w = m.g("w").toLowerCase(Locale.ROOT);
                int y = base.day().getYear() - (w.equals("прошлом") ? 1 : w.equals("позапрошлом") ? 2 : 0);
                return m.background(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), base.anchor());
            }));

    /** A month without a day: its year from the text, "прошлого года", or the timeline. */
    private static LocalDate monthOf(Match m) {
        int month = TimeWords.month(m.g("m"));
        if (m.has("y")) {
            return LocalDate.of(m.integer("y"), month, 1);
        }
        if (m.has("rel")) {
            Timeline.Base base = m.timeline().dayOrPublished();
            if (base == null) {
                return null;
            }
            int year = base.day().getYear() - (m.g("rel").toLowerCase(Locale.ROOT).startsWith("прошл") ? 1 : 0);
            return LocalDate.of(year, month, 1);
        }
        return m.timeline().yearless(month, 1);
    }

    private static String monthAnchor(Match m) {
        if (m.has("y")) {
            return "explicit";
        }
        if (m.has("rel")) {
            Timeline.Base base = m.timeline().dayOrPublished();
            return base == null ? null : base.anchor();
        }
        return m.timeline().yearAnchor();
    }

    private static TimeExpression later(Match m) {
        String n;
        String unit;
        int sign = 1;
        boolean ago = false;
        if (m.has("fwd")) {
            n = m.g("n");
            unit = m.g("unit");
        } else if (m.has("dir2")) {
            n = m.g("n2");
            unit = m.g("unit2");
            ago = !m.g("dir2").equalsIgnoreCase("спустя");
        } else if (m.has("dir3")) {
            n = m.g("n3");
            unit = m.g("unit3");
            sign = m.g("dir3").toLowerCase(Locale.ROOT).startsWith("поз") ? 1 : -1;
        } else {
            n = m.g("n4");
            unit = m.g("unit4");
            sign = -1;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        String normal = u.startsWith("дн") || u.startsWith("ден") || u.startsWith("сут") ? "day"
                : u.startsWith("недел") ? "week" : u.startsWith("месяц") ? "month" : "year";
        return EnglishTimeRules.shift(m, n, normal, sign, ago);
    }

    private static String clock(Match m) {
        int hour = m.integer("h");
        String min = m.has("min") ? m.g("min") : m.g("mw");
        int minute = min == null ? 0 : Integer.parseInt(min);
        String ap = m.g("ap");
        if (ap != null) {
            if (hour > 12) {
                return null;
            }
            String a = ap.toLowerCase(Locale.ROOT);
            if (a.equals("утра")) {
                hour = hour == 12 ? 0 : hour;
            } else if (a.equals("ночи")) {
                hour = hour == 12 ? 0 : hour >= 6 ? hour + 12 : hour;
            } else if (hour < 12) {
                hour += 12;
            }
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        return String.format(Locale.ROOT, "%02d:%02d", hour, minute);
    }
}
