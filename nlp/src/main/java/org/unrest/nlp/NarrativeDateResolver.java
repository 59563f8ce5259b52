package org.unrest.nlp;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unrest.model.Document;
import org.unrest.model.Sentence;
import org.unrest.model.Span;
import org.unrest.model.TimeExpression;
import org.unrest.pipeline.DateResolver;

/**
 * Resolves time expressions the way a careful coder reads a story: explicit dates set the story's current time;
 * relative expressions ("next day", "that night", "ten years later", "на следующий день") move it from there;
 * dates without a year take the year that puts them nearest the story's current time, and never after the
 * publication date. Publication-relative words ("yesterday", "вчера", "last week") use the publication date.
 * Bare years ("in 1997", "the Constitution of 1993") are marked as background and never move the story.
 */
public final class NarrativeDateResolver implements DateResolver {

    private static final String EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.";
    private static final String RU_MONTHS = "январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]";
    private static final String PART = "(?<part>(?:the )?(?:early |late )?(?:night|evening|morning|afternoon|early morning hours|early hours|small hours|nightfall|dawn)(?: (?:of|on))? |nightfall on |dawn on |midnight on )?";
    private static final String ORD = "(?:st|nd|rd|th)?";
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("twenty", 20),
            Map.entry("thirty", 30));
    private static final String NUM = "(?<n>\\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)";

    /** One kind of expression: its pattern and how it resolves. */
    private enum Kind {
        RANGE_DAYS("(?:from |between )?(?<d1>\\d{1,2})" + ORD + "(?: (?<m1>" + EN_MONTHS + "))?(?: to | and |[-–—])(?<d2>\\d{1,2})" + ORD + " (?<m>" + EN_MONTHS + ")(?:,? (?<y>\\d{4}))?"),
        DAY_MONTH(PART + "(?:the )?(?<d>\\d{1,2})" + ORD + " (?:of )?(?<m>" + EN_MONTHS + ")(?:,? (?<y>(?:19|20)\\d\\d))?"),
        MONTH_DAY(PART + "(?<m>" + EN_MONTHS + ") (?<d>\\d{1,2})" + ORD + "(?:,? (?<y>(?:19|20)\\d\\d))?\\b"),
        DAY_OF_CURRENT_MONTH(PART + "the (?<d>\\d{1,2})(?:st|nd|rd|th)\\b"),
        PART_OF_MONTH("(?<q>early|late|mid-?|the (?:first|second|last) week of|the end of|the beginning of|the start of) (?<m>" + EN_MONTHS + ")(?: (?<y>(?:19|20)\\d\\d))?"),
        MONTH_YEAR("(?<m>" + EN_MONTHS + ") (?<y>(?:19|20)\\d\\d)"),
        MONTH("(?:(?:in|since|during|by|until|through|throughout|last|this|of|early|late|mid) )(?<m>" + EN_MONTHS + ")\\b(?! \\d)"),
        NEW_YEAR("New Year[’']s (?<ny>Day|Eve)"),
        YEARS_LATER(NUM + " years? (?<dir>later|after|earlier|before|ago)"),
        DAYS_LATER(NUM + " (?<unit>days?|weeks?|months?) (?<dir>later|after(?:wards)?|earlier|before|ago)"),
        NEXT_DAY("(?:the )?(?:next|following) (?<p>day|morning|evening|night|afternoon)|the day after|(?:the )?(?:next|following) week"),
        PREVIOUS_DAY("the (?<p>night|day|evening|morning) before|the previous (?<p2>day|night|evening|morning)|the eve\\b"),
        SAME_DAY("(?:that|the same|later that|earlier that|over the course of the) (?<p>night|evening|morning|afternoon|day)|(?:in|during) the (?<p2>evening|morning|afternoon|night)|at (?<p3>night|nightfall|dawn|midnight)|overnight"),
        CLOCK("(?:about|around|at|by|until|after|before) (?<h>\\d{1,2})(?:[:.](?<min>\\d\\d))? ?(?<ap>a\\.?m\\.?|p\\.?m\\.?)|(?:at|by|about|around) (?<h2>\\d{1,2}):(?<min2>\\d\\d)\\b"),
        PUBLICATION_RELATIVE("(?<w>yesterday|today|tonight|last night|this (?:morning|evening|afternoon|week)|last (?:week|weekend|month)|over the weekend|earlier this (?:week|month))"),
        WEEKDAY("(?:on |last |this )(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?<p>night|morning|evening|afternoon))?"),
        YEAR("(?:in|of|since|by|until|from|before|after) (?<y>(?:1[89]|20)\\d\\d)\\b"),
        RU_NIGHT("в ночь (?:с (?<d1>\\d{1,2}) )?на (?<d>\\d{1,2}) (?<m>" + RU_MONTHS + ")(?: (?<y>\\d{4}) (?:года|г\\.?))?"),
        RU_DAY_MONTH("(?<d>\\d{1,2}) (?<m>" + RU_MONTHS + ")(?: (?<y>\\d{4})(?: года| г\\.?)?)?"),
        RU_MONTH("(?:в|с|до|к|к концу) (?<m>" + RU_MONTHS + ")(?: (?<y>\\d{4}) года)?"),
        RU_NEXT_DAY("на следующий день|наутро|на другой день"),
        RU_SAME_DAY("(?<p>вечером|утром|днём|днем|ночью|в тот же день|в тот день|в ту ночь|тем же вечером)"),
        RU_PUBLICATION_RELATIVE("(?<w>вчера|сегодня|позавчера|на прошлой неделе|в минувшие выходные)"),
        RU_WEEKDAY("(?:в|во) (?<wd>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)");

        final Pattern pattern;

        Kind(String regex) {
            pattern = Pattern.compile("(?<![\\p{L}\\d])(?:" + regex + ")(?![\\p{L}\\d])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }

    @Override
    public String name() {
        return "narrative";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<TimeExpression> resolve(Document document) {
        String text = document.text();
        LocalDate published = document.report().metadata().published();
        Timeline timeline = new Timeline(published);
        List<TimeExpression> out = new ArrayList<>();
        for (Sentence sentence : document.sentences()) {
            for (Found f : find(text, sentence.span())) {
                TimeExpression te = resolveOne(f, text, timeline);
                if (te != null) {
                    out.add(te);
                    if (!te.background() && te.value() != null && !timeline.isFlashback(te)) {
                        timeline.moveTo(te);
                    }
                }
            }
        }
        return out;
    }

    /** The story's current time as the reading moves on. */
    private static final class Timeline {
        final LocalDate published;
        LocalDate current;
        String currentText;
        int currentPrecision = 1;

        Timeline(LocalDate published) {
            this.published = published;
        }

        /** A relative expression that points back ("the night before") does not move the story back. */
        boolean isFlashback(TimeExpression te) {
            return current != null && te.anchor().startsWith("story time") && te.value().isBefore(current);
        }

        void moveTo(TimeExpression te) {
            boolean statedRange = te.endValue() != null && te.precision() == 2 && te.text().matches("(?s).*\\d.*(to|and|[-–—]).*\\d.*");
            current = statedRange ? te.endValue() : te.value();
            currentText = te.text();
            currentPrecision = te.precision();
        }

        /** The reference for a date with no year: the story's time, else the publication date. */
        LocalDate reference() {
            return current != null ? current : published;
        }

        String describe() {
            if (current != null) {
                return "story time " + current + " (\"" + currentText + "\")";
            }
            return published != null ? "publication date " + published : "no anchor";
        }
    }

    private record Found(Kind kind, Matcher m, Span span) {
    }

    /** Every expression in the sentence, longest first where they overlap. */
    private static List<Found> find(String text, Span sentence) {
        String s = sentence.of(text);
        List<Found> all = new ArrayList<>();
        for (Kind k : Kind.values()) {
            Matcher m = k.pattern.matcher(s);
            while (m.find()) {
                if (k == Kind.MONTH || k == Kind.MONTH_DAY || k == Kind.PART_OF_MONTH || k == Kind.MONTH_YEAR) {
                    String month = m.group("m");
                    if (!Character.isUpperCase(month.charAt(0))) {
                        continue; // "may", "march" as words
                    }
                }
                all.add(new Found(k, copy(k, s, m.start()),
                        new Span(sentence.start() + m.start(), sentence.start() + m.end())));
            }
        }
        all.sort(Comparator.comparingInt((Found f) -> f.span.start()).thenComparingInt(f -> -f.span.length()));
        List<Found> kept = new ArrayList<>();
        for (Found f : all) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).span.overlaps(f.span)) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static Matcher copy(Kind k, String s, int start) {
        Matcher m = k.pattern.matcher(s);
        m.find(start);
        return m;
    }

    private TimeExpression resolveOne(Found f, String text, Timeline t) {
        Matcher m = f.m;
        String expr = f.span.of(text);
        LocalDate ref = t.reference();
        switch (f.kind) {
            case DAY_MONTH, MONTH_DAY, RU_DAY_MONTH, RU_NIGHT -> {
                int month = month(m.group("m"));
                int day = Integer.parseInt(m.group("d"));
                String y = group(m, "y");
                String tod = f.kind == Kind.RU_NIGHT ? "night" : partOfDay(group(m, "part"));
                if (f.kind == Kind.RU_NIGHT) {
                    // "в ночь на 5 января" is the night of 4 to 5 January: dated 4 January, at night
                    day = group(m, "d1") != null ? Integer.parseInt(group(m, "d1")) : day - 1;
                }
                LocalDate d = dayDate(y, month, Math.max(day, 1), t);
                if (d == null) {
                    return null;
                }
                if (f.kind == Kind.RU_NIGHT && group(m, "d1") == null && Integer.parseInt(m.group("d")) == 1) {
                    d = d.minusDays(1);
                }
                return new TimeExpression(f.span, expr, d, null, tod, 1, y != null ? "explicit" : yearAnchor(t), false);
            }
            case RANGE_DAYS -> {
                int month = month(m.group("m"));
                int month1 = group(m, "m1") != null ? month(m.group("m1")) : month;
                String y = group(m, "y");
                LocalDate end = dayDate(y, month, Integer.parseInt(m.group("d2")), t);
                LocalDate start = end == null ? null : safeDate(end.getYear() - (month1 > month ? 1 : 0), month1,
                        Integer.parseInt(m.group("d1")));
                if (start == null || start.isAfter(end)) {
                    return null;
                }
                return new TimeExpression(f.span, expr, start, end, null, 2, y != null ? "explicit" : yearAnchor(t), false);
            }
            case DAY_OF_CURRENT_MONTH -> {
                if (ref == null) {
                    return null;
                }
                LocalDate d = safeDate(ref.getYear(), ref.getMonthValue(), Integer.parseInt(m.group("d")));
                if (d == null) {
                    return null;
                }
                return new TimeExpression(f.span, expr, d, null, partOfDay(group(m, "part")), 1, t.describe(), false);
            }
            case PART_OF_MONTH -> {
                int month = month(m.group("m"));
                String y = group(m, "y");
                LocalDate first = monthDate(y, month, t);
                if (first == null) {
                    return null;
                }
                String q = m.group("q").toLowerCase(Locale.ROOT);
                LocalDate from;
                LocalDate to;
                if (q.startsWith("early") || q.contains("beginning") || q.contains("start")) {
                    from = first;
                    to = first.plusDays(9);
                } else if (q.contains("first week")) {
                    from = first;
                    to = first.plusDays(6);
                } else if (q.contains("second week")) {
                    from = first.plusDays(7);
                    to = first.plusDays(13);
                } else if (q.startsWith("mid")) {
                    from = first.plusDays(10);
                    to = first.plusDays(19);
                } else {
                    to = first.with(TemporalAdjusters.lastDayOfMonth());
                    from = q.contains("last week") ? to.minusDays(6) : first.plusDays(20);
                }
                return new TimeExpression(f.span, expr, from, to, null, 2, y != null ? "explicit" : yearAnchor(t), false);
            }
            case MONTH_YEAR -> {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group("y")), month(m.group("m")), 1);
                return new TimeExpression(f.span, expr, d, d.with(TemporalAdjusters.lastDayOfMonth()), null, 3,
                        "explicit", false);
            }
            case MONTH, RU_MONTH -> {
                LocalDate d = monthDate(group(m, "y"), month(m.group("m")), t);
                if (d == null) {
                    return null;
                }
                return new TimeExpression(f.span, expr, d, d.with(TemporalAdjusters.lastDayOfMonth()), null, 3,
                        yearAnchor(t), false);
            }
            case NEW_YEAR -> {
                boolean eve = m.group("ny").equalsIgnoreCase("Eve");
                LocalDate d = dayDate(null, eve ? 12 : 1, eve ? 31 : 1, t);
                return d == null ? null : new TimeExpression(f.span, expr, d, null, null, 1, yearAnchor(t), false);
            }
            case YEARS_LATER -> {
                int n = number(m.group("n"));
                String dir = m.group("dir").toLowerCase(Locale.ROOT);
                if (dir.equals("ago")) {
                    if (t.published == null) {
                        return null;
                    }
                    LocalDate d = t.published.minusYears(n).withDayOfMonth(1);
                    return new TimeExpression(f.span, expr, d, null, null, 3, "publication date " + t.published, true);
                }
                if (ref == null) {
                    return null;
                }
                int sign = dir.equals("later") || dir.equals("after") ? 1 : -1;
                LocalDate d = ref.plusYears((long) sign * n).withDayOfMonth(1);
                if (t.published != null && d.isAfter(t.published)) {
                    d = t.published.withDayOfMonth(1);
                }
                return new TimeExpression(f.span, expr, d, d.with(TemporalAdjusters.lastDayOfMonth()), null, 3,
                        t.describe(), false);
            }
            case DAYS_LATER -> {
                int n = number(m.group("n"));
                String unit = m.group("unit").toLowerCase(Locale.ROOT);
                String dir = m.group("dir").toLowerCase(Locale.ROOT);
                LocalDate base = dir.equals("ago") ? t.published : ref;
                if (base == null) {
                    return null;
                }
                int sign = dir.startsWith("later") || dir.startsWith("after") ? 1 : -1;
                LocalDate d = unit.startsWith("day") ? base.plusDays((long) sign * n)
                        : unit.startsWith("week") ? base.plusWeeks((long) sign * n) : base.plusMonths((long) sign * n);
                int precision = unit.startsWith("day") ? 1 : unit.startsWith("week") ? 2 : 3;
                return new TimeExpression(f.span, expr, d, null, null, precision,
                        dir.equals("ago") ? "publication date " + t.published : t.describe(), false);
            }
            case NEXT_DAY -> {
                if (ref == null) {
                    return null;
                }
                String p = group(m, "p");
                if (expr.toLowerCase(Locale.ROOT).endsWith("week")) {
                    return new TimeExpression(f.span, expr, ref.plusDays(7), ref.plusDays(13), null, 2, t.describe(), false);
                }
                return new TimeExpression(f.span, expr, ref.plusDays(1), null, p == null ? null : partOfDay(p), 1,
                        t.describe(), false);
            }
            case PREVIOUS_DAY -> {
                if (ref == null) {
                    return null;
                }
                String p = group(m, "p") != null ? group(m, "p") : group(m, "p2");
                String tod = p == null || p.equalsIgnoreCase("day") ? (expr.toLowerCase(Locale.ROOT).contains("eve") ? "evening" : null) : partOfDay(p);
                return new TimeExpression(f.span, expr, ref.minusDays(1), null, tod, 1, t.describe(), false);
            }
            case SAME_DAY, RU_SAME_DAY -> {
                if (ref == null || t.currentPrecision != 1) {
                    return null;
                }
                String p = group(m, "p") != null ? group(m, "p") : group(m, "p2") != null ? group(m, "p2") : group(m, "p3");
                String tod = p == null ? "night" : partOfDay(p);
                return new TimeExpression(f.span, expr, ref, null, tod, 1, t.describe(), false);
            }
            case CLOCK -> {
                if (ref == null || t.currentPrecision != 1) {
                    return null;
                }
                String h = group(m, "h") != null ? group(m, "h") : group(m, "h2");
                String min = group(m, "min") != null ? group(m, "min") : group(m, "min2");
                int hour = Integer.parseInt(h);
                String ap = group(m, "ap");
                if (ap != null && ap.toLowerCase(Locale.ROOT).startsWith("p") && hour < 12) {
                    hour += 12;
                }
                if (ap != null && ap.toLowerCase(Locale.ROOT).startsWith("a") && hour == 12) {
                    hour = 0;
                }
                if (hour > 23) {
                    return null;
                }
                String tod = String.format(Locale.ROOT, "%02d:%s", hour, min == null ? "00" : min);
                return new TimeExpression(f.span, expr, ref, null, tod, 1, t.describe(), false);
            }
            case PUBLICATION_RELATIVE, RU_PUBLICATION_RELATIVE -> {
                if (t.published == null) {
                    return null;
                }
                String w = m.group("w").toLowerCase(Locale.ROOT);
                String anchor = "publication date " + t.published;
                LocalDate p = t.published;
                return switch (w) {
                    case "yesterday", "вчера" -> new TimeExpression(f.span, expr, p.minusDays(1), null, null, 1, anchor, false);
                    case "позавчера" -> new TimeExpression(f.span, expr, p.minusDays(2), null, null, 1, anchor, false);
                    case "today", "сегодня" -> new TimeExpression(f.span, expr, p, null, null, 1, anchor, false);
                    case "tonight" -> new TimeExpression(f.span, expr, p, null, "night", 1, anchor, false);
                    case "last night" -> new TimeExpression(f.span, expr, p.minusDays(1), null, "night", 1, anchor, false);
                    case "this morning" -> new TimeExpression(f.span, expr, p, null, "morning", 1, anchor, false);
                    case "this evening" -> new TimeExpression(f.span, expr, p, null, "evening", 1, anchor, false);
                    case "this afternoon" -> new TimeExpression(f.span, expr, p, null, "afternoon", 1, anchor, false);
                    case "last month" -> {
                        LocalDate d = p.minusMonths(1).withDayOfMonth(1);
                        yield new TimeExpression(f.span, expr, d, d.with(TemporalAdjusters.lastDayOfMonth()), null, 3, anchor, false);
                    }
                    case "over the weekend", "last weekend", "в минувшие выходные" -> {
                        LocalDate sat = p.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
                        yield new TimeExpression(f.span, expr, sat, sat.plusDays(1), null, 2, anchor, false);
                    }
                    default -> { // this week, last week, earlier this week/month, на прошлой неделе
                        boolean last = w.startsWith("last") || w.contains("прошлой");
                        LocalDate monday = p.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(last ? 1 : 0);
                        yield new TimeExpression(f.span, expr, monday, last ? monday.plusDays(6) : p, null, 2, anchor, false);
                    }
                };
            }
            case WEEKDAY, RU_WEEKDAY -> {
                if (ref == null) {
                    return null;
                }
                DayOfWeek dow = weekday(m.group("wd"));
                LocalDate d = t.current != null ? t.current.with(TemporalAdjusters.nextOrSame(dow))
                        : ref.with(TemporalAdjusters.previousOrSame(dow));
                if (t.published != null && d.isAfter(t.published)) {
                    d = d.minusWeeks(1);
                }
                return new TimeExpression(f.span, expr, d, null, partOfDay(group(m, "p")), 1, t.describe(), false);
            }
            case YEAR -> {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group("y")), 1, 1);
                return new TimeExpression(f.span, expr, d, LocalDate.of(d.getYear(), 12, 31), null, 3, "explicit", true);
            }
            case RU_NEXT_DAY -> {
                return ref == null ? null : new TimeExpression(f.span, expr, ref.plusDays(1), null,
                        expr.equalsIgnoreCase("наутро") ? "morning" : null, 1, t.describe(), false);
            }
            default -> {
                return null;
            }
        }
    }

    private static String yearAnchor(Timeline t) {
        return "year from " + t.describe();
    }

    /** A day with no year in the text takes the year nearest the story's time, never after publication. */
    private static LocalDate dayDate(String year, int month, int day, Timeline t) {
        if (year != null) {
            return safeDate(Integer.parseInt(year), month, day);
        }
        LocalDate ref = t.reference();
        if (ref == null) {
            return null;
        }
        LocalDate best = null;
        for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
            LocalDate d = safeDate(y, month, day);
            if (d == null || (t.published != null && d.isAfter(t.published))) {
                continue;
            }
            if (best == null || Math.abs(d.toEpochDay() - ref.toEpochDay()) < Math.abs(best.toEpochDay() - ref.toEpochDay())) {
                best = d;
            }
        }
        return best;
    }

    private static LocalDate monthDate(String year, int month, Timeline t) {
        if (year != null) {
            return LocalDate.of(Integer.parseInt(year), month, 1);
        }
        return dayDate(null, month, 1, t);
    }

    private static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String partOfDay(String part) {
        if (part == null) {
            return null;
        }
        String p = part.toLowerCase(Locale.ROOT);
        if (p.contains("night") || p.contains("midnight") || p.contains("ночь")) {
            return p.contains("nightfall") ? "evening" : "night";
        }
        if (p.contains("evening") || p.contains("вечер")) {
            return "evening";
        }
        if (p.contains("morning") || p.contains("dawn") || p.contains("early hours") || p.contains("small hours") || p.contains("утр")) {
            return "morning";
        }
        if (p.contains("afternoon") || p.contains("днём") || p.contains("днем")) {
            return "afternoon";
        }
        return null;
    }

    private static int number(String n) {
        Integer w = NUMBER_WORDS.get(n.toLowerCase(Locale.ROOT));
        return w != null ? w : Integer.parseInt(n);
    }

    static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String[] en = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        String[] ru = {"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"};
        for (int i = 0; i < 12; i++) {
            if (n.startsWith(en[i])) {
                return i + 1;
            }
        }
        for (int i = 0; i < 12; i++) {
            if (i != 4 && n.startsWith(ru[i])) {
                return i + 1;
            }
        }
        if (n.startsWith("ма")) {
            return 5;
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private static DayOfWeek weekday(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n.substring(0, 2)) {
            case "mo", "по" -> DayOfWeek.MONDAY;
            case "tu", "вт" -> DayOfWeek.TUESDAY;
            case "we", "ср" -> DayOfWeek.WEDNESDAY;
            case "th", "че" -> DayOfWeek.THURSDAY;
            case "fr", "пя" -> DayOfWeek.FRIDAY;
            case "sa", "су" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }
}
