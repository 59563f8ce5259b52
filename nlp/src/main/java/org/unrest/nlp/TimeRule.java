package org.unrest.nlp;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unrest.model.Span;
import org.unrest.model.TimeExpression;

/**
 * One pattern of time expression and how it resolves against the story's {@link Timeline}. Patterns are matched
 * case-insensitively between word boundaries; English month names must still be capitalised ("may", "march" as
 * verbs are not months). {@link Role} says how an expression combines with its neighbour: a day and a time of day
 * written side by side ("5 January at about 10am", "вечером 4 января") are one expression.
 */
record TimeRule(String name, Pattern pattern, Set<String> groups, Role role, Predicate<Match> accept,
                Function<Match, TimeExpression> resolver, Function<Match, String> timeOfDay) {

    /** How an expression combines with an adjacent one. */
    enum Role {
        /** names a day ("5 January", "next day", "on Wednesday"). */
        DAY,
        /** names a part of the current day or a clock time ("in the evening", "about 10am", "вечером"). */
        TIME_OF_DAY,
        /** everything else: ranges, months, years, weeks. */
        OTHER
    }

    static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    static TimeRule of(String name, String regex, Role role, Function<Match, TimeExpression> resolver) {
        return new TimeRule(name, compile(regex), groupsOf(regex), role, m -> true, resolver, m -> null);
    }

    /** True where the pattern holds Cyrillic letters: it is tried only on sentences that have them. */
    boolean cyrillic() {
        return CYRILLIC.matcher(pattern.pattern()).find();
    }

    TimeRule accepting(Predicate<Match> test) {
        return new TimeRule(name, pattern, groups, role, test, resolver, timeOfDay);
    }

    /** A time-of-day rule: resolves to the story's current day at that time, and can join an adjacent day. */
    static TimeRule timeOfDay(String name, String regex, Function<Match, String> tod) {
        return new TimeRule(name, compile(regex), groupsOf(regex), Role.TIME_OF_DAY, m -> true, m -> {
            Timeline t = m.timeline();
            String time = tod.apply(m);
            LocalDate day = t.dayOf(time);
            return day == null ? null : m.day(day, time, t.storyAnchor());
        }, tod);
    }

    private static Pattern compile(String regex) {
        // Unicode case folding is slow; only patterns with Cyrillic letters need it.
        int flags = CYRILLIC.matcher(regex).find() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : Pattern.CASE_INSENSITIVE;
        return Pattern.compile("(?<![\\p{L}\\d])(?:" + regex + ")(?![\\p{L}\\d])", flags);
    }

    private static Set<String> groupsOf(String regex) {
        Set<String> names = new HashSet<>();
        Matcher m = GROUP.matcher(regex);
        while (m.find()) {
            names.add(m.group(1));
        }
        return Set.copyOf(names);
    }

    /** One match of a rule in a sentence, with the timeline it resolves against and builders for the result. */
    record Match(TimeRule rule, Matcher matcher, Span span, String text, String before, Timeline timeline) {

        /** A named group's text, or null where the rule has no such group or it did not take part. */
        String g(String group) {
            return rule.groups.contains(group) ? matcher.group(group) : null;
        }

        boolean has(String group) {
            return g(group) != null;
        }

        int integer(String group) {
            return Integer.parseInt(g(group));
        }

        String lower() {
            return text.toLowerCase(java.util.Locale.ROOT);
        }

        TimeExpression day(LocalDate d, String tod, String anchor) {
            return d == null ? null : new TimeExpression(span, text, d, null, tod, 1, anchor, false);
        }

        TimeExpression range(LocalDate from, LocalDate to, int precision, String anchor) {
            if (from == null || to == null || to.isBefore(from)) {
                return null;
            }
            return new TimeExpression(span, text, from, to, null, precision, anchor, false);
        }

        TimeExpression month(LocalDate first, String anchor) {
            return first == null ? null : new TimeExpression(span, text, first,
                    first.with(TemporalAdjusters.lastDayOfMonth()), null, 3, anchor, false);
        }

        TimeExpression background(LocalDate from, LocalDate to, String anchor) {
            return new TimeExpression(span, text, from, to, null, 3, anchor, true);
        }

        /** A day of a month, with or without a year in the text. */
        LocalDate dayOf(String year, int month, int day) {
            return year != null ? Timeline.date(Integer.parseInt(year), month, day) : timeline.yearless(month, day);
        }

        String yearAnchor(String year) {
            return year != null ? "explicit" : timeline.yearAnchor();
        }
    }
}
