package org.unrest.nlp;

import static org.unrest.nlp.TimeWords.EN_MONTH;
import static org.unrest.nlp.TimeWords.EN_NUMBER;
import static org.unrest.nlp.TimeWords.EN_WEEKDAY;
import static org.unrest.nlp.TimeWords.ORDINAL;
import static org.unrest.nlp.TimeWords.YEAR;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import org.unrest.model.TimeExpression;
import org.unrest.nlp.TimeRule.Match;
import org.unrest.nlp.TimeRule.Role;

/** English time expressions, from "2 January" and "the night of 4 January" to "two days later" and "in 1997". */
final class EnglishTimeRules {
    private EnglishTimeRules() {
    }

    private static final String M = "(?<m>" + EN_MONTH + ")";
    private static final String Y = "(?<y>" + YEAR + ")";
    /** A part of the day before a date: "the night of", "the early morning hours of", "nightfall on". */
    private static final String PART = "(?<part>(?:(?:the|that) )?(?:(?:early|late) )?(?:night|evening|morning|afternoon"
            + "|morning hours|evening hours|hours|small hours)(?: (?:of|on))? "
            + "|(?:nightfall|dawn|dusk|midnight|noon|midday|daybreak|sunset|sunrise|late|early) on )?";
    /** "after" and "before" count from the story's time only when no event follows them ("two days after the vote"). */
    private static final String NO_OBJECT = "(?=\\s*[,.;:)–—]|\\s*$)";
    private static final String WEEKDAY_PREFIX = "(?:(?<wd>" + EN_WEEKDAY + "),? (?:the )?)?";
    /** The story's current day at a part of the day: "that night", "in the evening", "at dawn", "overnight". */
    static final String SAME_DAY = "(?:that|the same|that same|later that|earlier that|later on that|late that|early that"
            + "|over the course of the|during the|throughout the|in the course of the|on the same|by that) (?:night|evening|morning|afternoon|day)"
            + "|(?:late |early )?in the (?:evening|morning|afternoon)|(?:late |early )?at (?:night|nightfall|dawn|midnight|noon|midday|daybreak|dusk|sunset|sunrise)"
            + "|overnight|by (?:nightfall|evening|the evening|midday|noon|dawn)|later (?:that|the same) day|later in the day|earlier in the day";

    static final List<TimeRule> RULES = List.of(
            TimeRule.of("range day-month", "(?<from>from |between )?(?:the )?(?<d1>\\d{1,2})" + ORDINAL
                    + "(?: (?:of )?(?<m1>" + EN_MONTH + "))?(?:,? (?<y1>" + YEAR + "))?"
                    + "(?<conn> (?:to|and|until|till|through) (?:the )?| ?[-–—] ?)(?<d2>\\d{1,2})" + ORDINAL
                    + " (?:of )?" + M + "(?:,? " + Y + ")?", Role.OTHER, EnglishTimeRules::dayRange)
                    .accepting(EnglishTimeRules::rangeConnector),
            TimeRule.of("range month-day", "(?<from>from |between )?(?<m1>" + EN_MONTH + ") (?<d1>\\d{1,2})" + ORDINAL
                    + "(?<conn> (?:to|and|until|till|through) | ?[-–—] ?)(?:(?<m>" + EN_MONTH + ") )?(?<d2>\\d{1,2})" + ORDINAL
                    + "(?:,? " + Y + ")?", Role.OTHER, EnglishTimeRules::dayRange)
                    .accepting(EnglishTimeRules::rangeConnector),
            TimeRule.of("since day", "since (?:the )?(?:(?<d>\\d{1,2})" + ORDINAL + " (?:of )?" + M + "|(?<m1>" + EN_MONTH
                    + ") (?<d1>\\d{1,2})" + ORDINAL + ")(?:,? " + Y + ")?", Role.OTHER, m -> {
                        boolean dm = m.has("d");
                        LocalDate from = m.dayOf(m.g("y"), TimeWords.month(m.g(dm ? "m" : "m1")), m.integer(dm ? "d" : "d1"));
                        return since(m, from, m.yearAnchor(m.g("y")));
                    }),
            TimeRule.of("since month", "since (?:(?<last>last) )?" + M + "(?:,? " + Y + ")?(?!,? \\d)", Role.OTHER, m -> {
                LocalDate first = monthOf(m);
                return since(m, first, m.g("y") != null ? "explicit" : m.timeline().yearAnchor());
            }),
            TimeRule.of("day month", PART + WEEKDAY_PREFIX + "(?:the )?(?<d>\\d{1,2})" + ORDINAL + " (?:of )?" + M
                    + "(?:,? " + Y + ")?", Role.DAY, m -> m.day(m.dayOf(m.g("y"), TimeWords.month(m.g("m")), m.integer("d")),
                    TimeWords.partOfDay(m.g("part")), m.yearAnchor(m.g("y")))),
            TimeRule.of("month day", PART + WEEKDAY_PREFIX + M + " (?<d>\\d{1,2})" + ORDINAL + "(?:,? " + Y + ")?",
                    Role.DAY, m -> m.day(m.dayOf(m.g("y"), TimeWords.month(m.g("m")), m.integer("d")),
                            TimeWords.partOfDay(m.g("part")), m.yearAnchor(m.g("y")))),
            TimeRule.of("numeric date", "(?<d>\\d{1,2})\\.(?<mo>\\d{1,2})\\.(?<y>" + YEAR + ")", Role.DAY,
                    m -> m.day(Timeline.date(m.integer("y"), m.integer("mo"), m.integer("d")), null, "explicit")),
            TimeRule.of("day of the current month", "(?:(?<prep>on|by|until|till|from|to|of) )?"
                    + "(?<x>" + PART + "the (?<d>\\d{1,2})(?:st|nd|rd|th))(?=\\s*(?:[.,;:!?)–—-]|$|(?:and|when|as|at|in|the|while|after|before|but|to|with)\\b))",
                    Role.DAY, m -> {
                        Timeline.Base base = m.timeline().dayOrPublished();
                        if (base == null) {
                            return null;
                        }
                        LocalDate d = Timeline.date(base.day().getYear(), base.day().getMonthValue(), m.integer("d"));
                        return m.day(d, TimeWords.partOfDay(m.g("part")), base.anchor());
                    }).accepting(m -> m.has("prep") || m.has("part")),
            TimeRule.of("part of month", "(?<q>early|late|mid|the (?:first|second|third|last|final) (?:week|days|half|ten days) of"
                    + "|the (?:end|beginning|start|middle|turn) of)[ -]" + M + "(?:,? " + Y + ")?", Role.OTHER, m -> {
                        LocalDate first = m.g("y") != null ? LocalDate.of(m.integer("y"), TimeWords.month(m.g("m")), 1)
                                : m.timeline().yearless(TimeWords.month(m.g("m")), 1);
                        return partOfMonth(m, first, m.g("q"), m.yearAnchor(m.g("y")));
                    }),
            TimeRule.of("month year", M + ",? " + Y, Role.OTHER,
                    m -> m.month(LocalDate.of(m.integer("y"), TimeWords.month(m.g("m")), 1), "explicit")),
            TimeRule.of("month", "(?:in|during|by|until|till|through|throughout|of|from|for) (?<x>" + M + ")(?!,? \\d)",
                    Role.OTHER, m -> m.month(monthOf(m), m.timeline().yearAnchor())),
            TimeRule.of("last month name", "(?:in )?(?<x>(?<last>last|this) " + M + ")(?!,? \\d)", Role.OTHER, m -> {
                Timeline.Base base = m.timeline().dayOrPublished();
                return base == null ? null : m.month(monthOf(m), base.anchor());
            }),
            TimeRule.of("new year", "New Year[’']s (?<ny>Day|Eve)", Role.DAY, m -> {
                boolean eve = m.g("ny").equalsIgnoreCase("eve");
                return m.day(m.timeline().yearless(eve ? 12 : 1, eve ? 31 : 1), eve ? "evening" : null, m.timeline().yearAnchor());
            }),
            TimeRule.of("years later", "(?<n>" + EN_NUMBER + "|a) (?<unit>years?|decades?) "
                    + "(?<dir>later|earlier|ago|on|(?:after|before)" + NO_OBJECT + ")", Role.OTHER, EnglishTimeRules::yearsLater),
            TimeRule.of("days later", "(?<n>" + EN_NUMBER + ") (?<unit>days?|nights?|weeks?|months?) "
                    + "(?<dir>later|earlier|ago|on|afterwards?|previously|beforehand|(?:after|before)" + NO_OBJECT + ")", Role.OTHER,
                    EnglishTimeRules::unitsLater),
            TimeRule.of("hours later", "(?:(?:a few|several|some|two|three|four|\\d{1,2}) )?(?:hours|minutes) later|(?:an|one) hour later"
                    + "|(?:shortly|soon|immediately) (?:afterwards?|thereafter)|moments later|within hours", Role.OTHER, m -> {
                        LocalDate day = m.timeline().day();
                        return day == null ? null : m.day(day, null, m.timeline().storyAnchor());
                    }),
            TimeRule.of("next day", "(?:the )?(?:next|following|subsequent) (?<p>day|morning|evening|night|afternoon)"
                    + "|the day after" + NO_OBJECT + "|(?:the )?(?:next|following) (?<w>week(?:end)?)", Role.DAY, m -> {
                        LocalDate day = m.timeline().day();
                        if (day == null) {
                            return null;
                        }
                        String anchor = m.timeline().storyAnchor();
                        if ("week".equalsIgnoreCase(m.g("w"))) {
                            LocalDate monday = day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                            return m.range(monday, monday.plusDays(6), 2, anchor);
                        }
                        if (m.has("w")) {
                            LocalDate saturday = day.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
                            return m.range(saturday, saturday.plusDays(1), 2, anchor);
                        }
                        return m.day(day.plusDays(1), TimeWords.partOfDay(m.g("p")), anchor);
                    }),
            TimeRule.of("day before", "the (?<p>night|day|evening|morning|afternoon) before" + NO_OBJECT + "|the (?:previous|preceding) (?<p2>day|night|evening|morning|afternoon)"
                    + "|the (?<w>week) before" + NO_OBJECT + "|the (?:previous|preceding) (?<w2>week)", Role.DAY, m -> {
                        LocalDate day = m.timeline().day();
                        if (day == null) {
                            return null;
                        }
                        String anchor = m.timeline().storyAnchor();
                        if (m.has("w") || m.has("w2")) {
                            return m.range(day.minusDays(7), day.minusDays(1), 2, anchor);
                        }
                        return m.day(day.minusDays(1), TimeWords.partOfDay(m.has("p") ? m.g("p") : m.g("p2")), anchor);
                    }),
            TimeRule.of("days before an event", "(?:the )?(?:last|final) (?<n>few|two|three|four|five|several|\\d) days "
                    + "(?:before|leading up to|preceding|ahead of) (?:the |that |this )?\\p{L}+"
                    + "|the (?<n2>few )?days (?:before|leading up to|preceding|ahead of) (?:the |that |this )?\\p{L}+", Role.OTHER, m -> {
                        LocalDate day = m.timeline().day();
                        if (day == null) {
                            return null;
                        }
                        String n = m.g("n");
                        int days = n == null || n.equalsIgnoreCase("few") || n.equalsIgnoreCase("several") ? 3 : TimeWords.number(n);
                        return m.range(day.minusDays(days - 1L), day, 2, m.timeline().storyAnchor());
                    }),
            TimeRule.timeOfDay("same day", "(?<p>" + SAME_DAY + ")", m -> TimeWords.partOfDay(m.g("p"))),
            TimeRule.timeOfDay("clock", "(?:(?:at|by|about|around|until|till|after|before|from|shortly after|shortly before"
                    + "|just after|just before|approximately|roughly) )?(?:about |around )?(?<h>\\d{1,2})(?:[:.](?<min>\\d\\d))? ?"
                    + "(?<ap>a\\.m\\.|p\\.m\\.|am|pm)|(?:at|by|about|around|until|till|after|before|from) (?<h2>\\d{1,2}):(?<min2>\\d\\d)"
                    + "(?: (?:hours|hrs|local time))?", EnglishTimeRules::clock).accepting(m -> clock(m) != null),
            TimeRule.of("yesterday", "(?<w>the day before yesterday|yesterday|today|tonight|last night|earlier today|this)"
                    + "(?: (?<p>morning|evening|afternoon|night))?", Role.DAY, m -> {
                        LocalDate p = m.timeline().published();
                        if (p == null) {
                            return null;
                        }
                        String w = m.g("w").toLowerCase(Locale.ROOT);
                        String part = m.g("p");
                        if (w.equals("tonight") || w.equals("last night")) {
                            part = "night";
                        }
                        LocalDate d = w.startsWith("the day before") ? p.minusDays(2)
                                : w.equals("yesterday") || w.equals("last night") ? p.minusDays(1) : p;
                        return m.day(d, TimeWords.partOfDay(part), m.timeline().publicationAnchor());
                    }).accepting(m -> !m.g("w").equalsIgnoreCase("this") || m.has("p")),
            TimeRule.of("week", "(?<w>last|this|earlier this|the past|later that) week"
                    + "|(?<we>over the|at the|during the|on the|this|last) weekend", Role.OTHER, m -> week(m, m.g("w"), m.g("we"))),
            TimeRule.of("month relative", "(?<w>last|this|earlier this) month", Role.OTHER, m -> {
                Timeline t = m.timeline();
                Timeline.Base base = m.g("w").equalsIgnoreCase("last") ? t.dayOrPublished()
                        : t.published() == null ? null : new Timeline.Base(t.published(), t.publicationAnchor(), false);
                if (base == null) {
                    return null;
                }
                LocalDate first = base.day().withDayOfMonth(1).minusMonths(m.g("w").equalsIgnoreCase("last") ? 1 : 0);
                return m.month(first, base.anchor());
            }),
            TimeRule.of("weekday", "(?:(?<q>last|this|on|by|until|till|from|since|early|late|next) )?(?<wd>" + EN_WEEKDAY + ")"
                    + "(?:,? (?<p>night|morning|evening|afternoon))?", Role.DAY, m -> weekday(m, m.g("q"), m.g("wd"), m.g("p"))),
            TimeRule.of("year", "(?:in|of|since|by|until|till|from|before|after|around|circa|during|the year|in early|in late|in mid-) "
                    + "(?<x>" + Y + ")(?![-–]\\d)(?!\\s*(?:%|percent|per\\b|people|persons|men|women|workers|protesters|troops"
                    + "|soldiers|police|tenge|rubles?|roubles?|dollars?|euros?|km|kilomet|miles?|metres?|meters?|tons?|tonnes|[a-z]+s\\b))",
                    Role.OTHER, m -> m.background(LocalDate.of(m.integer("y"), 1, 1), LocalDate.of(m.integer("y"), 12, 31), "explicit")),
            TimeRule.of("decade", "(?:in |during |since |through )?(?<x>the (?:early |late |mid-)?(?<y>(?:1[89]|20)\\d0)[’']?s)", Role.OTHER,
                    m -> m.background(LocalDate.of(m.integer("y"), 1, 1), LocalDate.of(m.integer("y") + 9, 12, 31), "explicit")),
            TimeRule.of("year relative", "(?<w>last|this|the previous|the past) year", Role.OTHER, m -> {
                Timeline.Base base = m.timeline().dayOrPublished();
                if (base == null) {
                    return null;
                }
                int y = base.day().getYear() - (m.g("w").equalsIgnoreCase("this") ? 0 : 1);
                return m.background(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), base.anchor());
            }));

    private static final java.util.regex.Pattern PAST_PERFECT = java.util.regex.Pattern.compile("\\bhad\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private static boolean rangeConnector(Match m) {
        String conn = m.g("conn").trim().toLowerCase(Locale.ROOT);
        String from = m.g("from");
        return !conn.startsWith("and") || (from != null && from.trim().equalsIgnoreCase("between"));
    }

    static TimeExpression dayRange(Match m) {
        int month = TimeWords.month(m.has("m") ? m.g("m") : m.g("m1"));
        int month1 = m.has("m1") ? TimeWords.month(m.g("m1")) : month;
        LocalDate end = m.dayOf(m.g("y"), month, m.integer("d2"));
        if (end == null) {
            return null;
        }
        int startYear = m.has("y1") ? m.integer("y1") : end.getYear() - (month1 > month ? 1 : 0);
        return m.range(Timeline.date(startYear, month1, m.integer("d1")), end, 2, m.yearAnchor(m.g("y")));
    }

    /**
     * "since 2 January": from that day to publication ("have been on strike since"), or to the story's day where
     * the sentence tells it in the past perfect ("had been on strike since").
     */
    static TimeExpression since(Match m, LocalDate from, String anchor) {
        if (from == null) {
            return null;
        }
        Timeline t = m.timeline();
        boolean pastPerfect = PAST_PERFECT.matcher(m.before()).find();
        LocalDate to = pastPerfect && t.day() != null && t.day().isAfter(from) ? t.day() : t.published();
        if (to == null || !to.isAfter(from)) {
            return m.day(from, null, anchor);
        }
        return m.range(from, to, 2, anchor);
    }

    /** A month named without a day: its year from the text, "last December", or the timeline. */
    private static LocalDate monthOf(Match m) {
        int month = TimeWords.month(m.g("m"));
        if (m.has("y")) {
            return LocalDate.of(m.integer("y"), month, 1);
        }
        String last = m.g("last");
        if (last != null) {
            Timeline.Base base = m.timeline().dayOrPublished();
            LocalDate ref = base == null ? m.timeline().current() : base.day();
            if (ref == null) {
                return null;
            }
            boolean previous = last.equalsIgnoreCase("last");
            int year = previous && month >= ref.getMonthValue() ? ref.getYear() - 1 : ref.getYear();
            return LocalDate.of(year, month, 1);
        }
        return m.timeline().yearless(month, 1);
    }

    static TimeExpression partOfMonth(Match m, LocalDate first, String q, String anchor) {
        if (first == null) {
            return null;
        }
        String p = q.toLowerCase(Locale.ROOT);
        LocalDate last = first.with(TemporalAdjusters.lastDayOfMonth());
        LocalDate from;
        LocalDate to;
        if (p.contains("first week") || p.contains("first days") || p.contains("первую неделю") || p.contains("первых числах")) {
            from = first;
            to = first.plusDays(6);
        } else if (p.contains("second week")) {
            from = first.plusDays(7);
            to = first.plusDays(13);
        } else if (p.contains("third week")) {
            from = first.plusDays(14);
            to = first.plusDays(20);
        } else if (p.contains("first half") || p.contains("первой половине")) {
            from = first;
            to = first.plusDays(14);
        } else if (p.contains("second half") || p.contains("второй половине")) {
            from = first.plusDays(15);
            to = last;
        } else if (p.contains("last week") || p.contains("final week") || p.contains("last days") || p.contains("final days")
                || p.contains("последн")) {
            from = last.minusDays(6);
            to = last;
        } else if (p.startsWith("early") || p.contains("beginning") || p.contains("start") || p.contains("first ten")
                || p.contains("turn") || p.contains("начале")) {
            from = first;
            to = first.plusDays(9);
        } else if (p.startsWith("mid") || p.contains("middle") || p.contains("середин")) {
            from = first.plusDays(10);
            to = first.plusDays(19);
        } else { // late, the end of, в конце
            from = first.plusDays(20);
            to = last;
        }
        return m.range(from, to, 2, anchor);
    }

    private static TimeExpression yearsLater(Match m) {
        String dir = m.g("dir").toLowerCase(Locale.ROOT);
        int sign = dir.equals("earlier") || dir.equals("before") ? -1 : 1;
        String unit = m.g("unit").toLowerCase(Locale.ROOT).startsWith("decade") ? "decade" : "year";
        return shift(m, m.g("n"), unit, sign, dir.equals("ago"));
    }

    private static TimeExpression unitsLater(Match m) {
        String dir = m.g("dir").toLowerCase(Locale.ROOT);
        int sign = dir.startsWith("earlier") || dir.startsWith("before") || dir.startsWith("previously") ? -1 : 1;
        String unit = m.g("unit").toLowerCase(Locale.ROOT).replaceAll("s$", "");
        return shift(m, m.g("n"), unit, sign, dir.equals("ago"));
    }

    /**
     * {@code n} units (day, night, week, month, year, decade) after ({@code sign} 1) or before (-1) the story's
     * time, or before publication ({@code ago}). Days need the story's day; weeks, months and years count from
     * whatever the story's time is ("ten years later" after "December 2011" is December 2021, month precision).
     * Vague counts ("a few days later") give a range.
     */
    static TimeExpression shift(Match m, String nText, String unit, int sign0, boolean ago) {
        Timeline t = m.timeline();
        int n = TimeWords.number(nText) * (unit.equals("decade") ? 10 : 1);
        boolean days = unit.equals("day") || unit.equals("night");
        LocalDate base = ago ? t.published() : days ? t.day() : t.current();
        if (base == null) {
            return null;
        }
        String anchor = ago ? t.publicationAnchor() : t.storyAnchor();
        int sign = ago ? -1 : sign0;
        if (days) {
            if (TimeWords.vague(nText)) {
                boolean few = !nText.toLowerCase(Locale.ROOT).matches("several|some|несколько");
                LocalDate a = base.plusDays((long) sign * (few ? 2 : 3));
                LocalDate b = base.plusDays((long) sign * (few ? 4 : 7));
                return sign > 0 ? m.range(a, b, 2, anchor) : m.range(b, a, 2, anchor);
            }
            LocalDate d = base.plusDays((long) sign * n);
            return t.afterPublication(d) ? null : m.day(d, unit.equals("night") ? "night" : null, anchor);
        }
        if (unit.equals("week")) {
            LocalDate d = base.plusWeeks((long) sign * n);
            return t.afterPublication(d) ? null : new TimeExpression(m.span(), m.text(), d, null, null, 2, anchor, false);
        }
        LocalDate d = (unit.equals("month") ? base.plusMonths((long) sign * n) : base.plusYears((long) sign * n)).withDayOfMonth(1);
        if (t.afterPublication(d)) {
            return null;
        }
        if (ago && !unit.equals("month")) {
            return m.background(d, d.with(TemporalAdjusters.lastDayOfMonth()), anchor);
        }
        return m.month(d, anchor);
    }

    private static String clock(Match m) {
        String h = m.has("h") ? m.g("h") : m.g("h2");
        String min = m.has("h") ? m.g("min") : m.g("min2");
        int hour = Integer.parseInt(h);
        int minute = min == null ? 0 : Integer.parseInt(min);
        String ap = m.g("ap");
        if (ap != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = ap.toLowerCase(Locale.ROOT).startsWith("p");
            hour = pm && hour < 12 ? hour + 12 : !pm && hour == 12 ? 0 : hour;
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        return String.format(Locale.ROOT, "%02d:%02d", hour, minute);
    }

    /**
     * A week ({@code w}: last, this, earlier this, the past, later that) or a weekend ({@code weekend}: last, or any
     * other word for the weekend the story is in or comes to next; before any date, the last one before publication).
     */
    static TimeExpression week(Match m, String w0, String weekend) {
        boolean deictic = w0 != null && w0.toLowerCase(Locale.ROOT).endsWith("this");
        Timeline t = m.timeline();
        Timeline.Base base = deictic ? (t.published() == null ? null : new Timeline.Base(t.published(), t.publicationAnchor(), false))
                : t.dayOrPublished();
        if (base == null) {
            return null;
        }
        LocalDate day = base.day();
        if (w0 != null) {
            String w = w0.toLowerCase(Locale.ROOT);
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return switch (w) {
                case "last" -> m.range(monday.minusWeeks(1), monday.minusDays(1), 2, base.anchor());
                case "the past" -> m.range(day.minusDays(6), day, 2, base.anchor());
                case "later that" -> base.story() ? m.range(day.plusDays(1), monday.plusDays(6), 2, base.anchor()) : null;
                default -> m.range(monday, w.equals("this") && base.story() ? monday.plusDays(6) : day, 2, base.anchor());
            };
        }
        String we = weekend.toLowerCase(Locale.ROOT);
        LocalDate saturday;
        if (we.equals("last")) {
            saturday = day.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        } else if (base.story()) {
            saturday = day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        } else {
            saturday = day.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        }
        LocalDate sunday = saturday.plusDays(1);
        if (m.timeline().afterPublication(saturday)) {
            return null;
        }
        if (m.timeline().afterPublication(sunday)) {
            sunday = saturday;
        }
        return m.range(saturday, sunday, 2, base.anchor());
    }

    /**
     * A weekday: in a story, the first such day on or after the story's day ("last" the one before it); before any
     * date, the last such day on or before publication.
     */
    static TimeExpression weekday(Match m, String qualifier, String weekday, String part) {
        Timeline t = m.timeline();
        Timeline.Base base = t.dayOrPublished();
        if (base == null) {
            return null;
        }
        DayOfWeek dow = TimeWords.weekday(weekday);
        String q = qualifier != null ? qualifier.toLowerCase(Locale.ROOT) : "on";
        LocalDate day = base.day();
        LocalDate d;
        if (q.equals("last")) {
            d = day.with(TemporalAdjusters.previous(dow));
        } else if (q.equals("next")) {
            d = day.with(TemporalAdjusters.next(dow));
        } else if (base.story()) {
            d = day.with(TemporalAdjusters.nextOrSame(dow));
            if (t.afterPublication(d)) {
                d = d.minusWeeks(1);
            }
        } else {
            d = day.with(TemporalAdjusters.previousOrSame(dow));
        }
        if (t.afterPublication(d)) {
            return null;
        }
        if (q.equals("since")) {
            return since(m, d, base.anchor());
        }
        return m.day(d, TimeWords.partOfDay(part), base.anchor());
    }
}
