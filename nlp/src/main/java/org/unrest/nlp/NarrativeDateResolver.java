package org.unrest.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.unrest.model.Document;
import org.unrest.model.Sentence;
import org.unrest.model.Span;
import org.unrest.model.TimeExpression;
import org.unrest.pipeline.DateResolver;

/**
 * Resolves time expressions the way a careful coder reads a story. Explicit dates set the story's current time;
 * relative expressions ("next day", "that night", "two days later", "ten years later", "на следующий день") count
 * from it and move it on, except flashbacks ("the day before"), which point back without moving it. A date
 * without a year takes the year nearest the story's time and never after publication; the publication date
 * anchors only what nothing better does, and words that point at the moment of writing ("yesterday", "вчера").
 * Bare years ("in 1997", "the Constitution of 1993") are background and never move the story. Every expression
 * says in {@link TimeExpression#anchor()} what it was resolved against. The patterns are in
 * {@link EnglishTimeRules} and {@link RussianTimeRules}; the story's time in {@link Timeline}.
 */
public final class NarrativeDateResolver implements DateResolver {
    private static final List<TimeRule> RULES = Stream.concat(EnglishTimeRules.RULES.stream(),
            RussianTimeRules.RULES.stream()).toList();
    /** Which rules hold Cyrillic: skipped on sentences without Cyrillic letters. */
    private static final boolean[] CYRILLIC_RULE = cyrillicRules();
    /** What may stand between a day and its time of day for the two to be one expression. */
    private static final Pattern JOIN = Pattern.compile("[\\s,]*(?:(?:at|on|in|by|around|about|около|в|к)\\s+)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LATIN_LOWER = Pattern.compile("^[a-z]");

    @Override
    public String name() {
        return "narrative";
    }

    @Override
    public String version() {
        return "2";
    }

    @Override
    public List<TimeExpression> resolve(Document document) {
        String text = document.text();
        Timeline timeline = new Timeline(document.report().metadata().published());
        List<TimeExpression> out = new ArrayList<>();
        int previousEnd = -1;
        for (Sentence sentence : document.sentences()) {
            if (previousEnd >= 0 && text.substring(previousEnd, sentence.span().start()).indexOf('\n') >= 0) {
                timeline.newParagraph();
            }
            previousEnd = sentence.span().end();
            List<Found> found = find(text, sentence.span());
            for (int i = 0; i < found.size(); i++) {
                Found f = found.get(i);
                Found next = i + 1 < found.size() ? found.get(i + 1) : null;
                TimeExpression te;
                if (next != null && joinable(f, next, text)) {
                    te = join(f, next, text, timeline);
                    i++;
                } else {
                    te = resolve(f, text, timeline);
                }
                if (te != null && te.value() != null && beyondPublication(te, timeline)) {
                    te = null;
                }
                if (te != null) {
                    out.add(te.withStoryDate(timeline.moveTo(te, f.rule.name().startsWith("range"))));
                }
            }
        }
        return out;
    }

    /**
     * Nothing a report tells happened after it was published. One day of grace: publication dates are often given
     * in UTC, and the local date of the events can be a day ahead ("the next day" in a Hong Kong report).
     */
    private static boolean beyondPublication(TimeExpression te, Timeline timeline) {
        return timeline.published() != null && te.value().isAfter(timeline.published().plusDays(1));
    }

    /** A match: its rule, where the whole match lies (for overlaps), and the expression's own span. */
    record Found(TimeRule rule, int localStart, int start, int end, Span span, String sentenceText) {
        int length() {
            return end - start;
        }
    }

    /** Every expression in the sentence, the longest where they overlap, in text order. */
    private static List<Found> find(String text, Span sentence) {
        return find(text, sentence, true);
    }

    /**
     * {@code gated}: skip a rule whose {@link RequiredWords required words} the sentence lacks (each match of the rule
     * contains one of them, so the rule could not match); {@code false} only to check that the gates skip nothing.
     */
    static List<Found> find(String text, Span sentence, boolean gated) {
        String s = sentence.of(text);
        List<Found> all = new ArrayList<>();
        boolean cyrillic = TimeRule.CYRILLIC.matcher(s).find();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        for (int r = 0; r < RULES.size(); r++) {
            if (CYRILLIC_RULE[r] && !cyrillic || gated && !GATES[r].mayMatch(lower)) {
                continue;
            }
            TimeRule rule = RULES.get(r);
            Matcher m = rule.pattern().matcher(s);
            while (m.find()) {
                TimeRule.Match match = new TimeRule.Match(rule, m, null, m.group(), s.substring(0, m.start()), null);
                if (!properNames(match) || !rule.accept().test(match)) {
                    continue;
                }
                int from = rule.groups().contains("x") && m.group("x") != null ? m.start("x") : m.start();
                int to = rule.groups().contains("x") && m.group("x") != null ? m.end("x") : m.end();
                all.add(new Found(rule, m.start(), sentence.start() + m.start(), sentence.start() + m.end(),
                        new Span(sentence.start() + from, sentence.start() + to), s));
            }
        }
        all.sort(Comparator.comparingInt(Found::length).reversed().thenComparingInt(Found::start));
        List<Found> kept = new ArrayList<>();
        for (Found f : all) {
            if (kept.stream().noneMatch(k -> k.start < f.end && f.start < k.end)) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(Found::start));
        return kept;
    }

    /** Each rule's gate: its required words (lower case), or none where it may match without any. */
    private static final LiteralGate[] GATES = RULES.stream()
            .map(r -> LiteralGate.ofRequiredWords(r.pattern().pattern())).toArray(LiteralGate[]::new);

    private static boolean[] cyrillicRules() {
        boolean[] c = new boolean[RULES.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = RULES.get(i).cyrillic();
        }
        return c;
    }

    /** English month and weekday names must be capitalised: "may" and "march" are verbs. */
    private static boolean properNames(TimeRule.Match m) {
        for (String g : new String[] {"m", "m1", "wd"}) {
            String v = m.g(g);
            if (v != null && LATIN_LOWER.matcher(v).find()) {
                return false;
            }
        }
        return true;
    }

    private static boolean joinable(Found a, Found b, String text) {
        boolean dayThenTime = a.rule.role() == TimeRule.Role.DAY && b.rule.role() == TimeRule.Role.TIME_OF_DAY;
        boolean timeThenDay = a.rule.role() == TimeRule.Role.TIME_OF_DAY && b.rule.role() == TimeRule.Role.DAY;
        return (dayThenTime || timeThenDay) && a.end <= b.start
                && JOIN.matcher(text.substring(a.end, b.start)).matches();
    }

    /** A day and its time of day side by side ("5 January at about 10am", "вечером 4 января") are one expression. */
    private static TimeExpression join(Found a, Found b, String text, Timeline timeline) {
        Found day = a.rule.role() == TimeRule.Role.DAY ? a : b;
        Found time = day == a ? b : a;
        TimeExpression d = resolve(day, text, timeline);
        if (d == null) {
            return resolve(time, text, timeline);
        }
        String tod = time.rule.timeOfDay().apply(match(time, text, timeline));
        Span span = new Span(Math.min(a.span.start(), b.span.start()), Math.max(a.span.end(), b.span.end()));
        return new TimeExpression(span, span.of(text), d.value(), d.endValue(), tod != null ? tod : d.timeOfDay(),
                d.precision(), d.anchor(), d.background());
    }

    private static TimeExpression resolve(Found f, String text, Timeline timeline) {
        return f.rule.resolver().apply(match(f, text, timeline));
    }

    private static TimeRule.Match match(Found f, String text, Timeline timeline) {
        Matcher m = f.rule.pattern().matcher(f.sentenceText);
        if (!m.find(f.localStart)) {
            throw new IllegalStateException("rule " + f.rule.name() + " no longer matches at " + f.start);
        }
        return new TimeRule.Match(f.rule, m, f.span, f.span.of(text), f.sentenceText.substring(0, f.localStart), timeline);
    }
}
