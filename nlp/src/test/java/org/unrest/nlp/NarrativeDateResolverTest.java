package org.unrest.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.unrest.model.Document;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.model.Span;
import org.unrest.model.TimeExpression;

/**
 * Narratives written for this test (English and Russian, in {@code dates/}), with every time expression marked up
 * where it stands and what it must resolve to (see {@code dates/README.md}). One test per expression, one per
 * narrative that nothing unmarked is found, and a floor on how many expressions the suite checks.
 */
class NarrativeDateResolverTest {
    static final List<String> NARRATIVES = List.of("en-retrospective", "en-anchoring", "en-ranges", "en-news",
            "en-no-false-dates", "en-no-publication", "en-history", "ru-kazakhstan", "ru-cases", "ru-news", "ru-protest-wave");
    private static final Pattern MARK = Pattern.compile("\\[([^\\[\\]]+)]\\{([^{}]*)}");

    /** One marked expression: where it is in the clean text and what it must resolve to ({@code negative}: nothing). */
    record Expected(Span span, String text, boolean negative, LocalDate value, LocalDate end, String timeOfDay,
                    int precision, boolean background, String anchor) {
    }

    /** A narrative with its markup removed. */
    record Narrative(String name, String text, LocalDate published, String language, List<Expected> expected) {
        List<TimeExpression> resolve() {
            Report r = new Report(name, text, new ReportMetadata(null, null, published, language, null, null), null);
            return new NarrativeDateResolver().resolve(new Document(r, new RuleSegmenter().segment(r)));
        }
    }

    static Narrative load(String name) {
        String raw;
        try (InputStream in = NarrativeDateResolverTest.class.getResourceAsStream("dates/" + name + ".txt")) {
            raw = new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        LocalDate published = null;
        String language = "en";
        StringBuilder body = new StringBuilder();
        for (String line : raw.split("\n", -1)) {
            if (line.startsWith("# published:")) {
                published = LocalDate.parse(line.substring(12).trim());
            } else if (line.startsWith("# language:")) {
                language = line.substring(11).trim();
            } else if (!line.startsWith("#")) {
                body.append(line).append('\n');
            }
        }
        StringBuilder text = new StringBuilder();
        List<Expected> expected = new ArrayList<>();
        Matcher m = MARK.matcher(body);
        int last = 0;
        while (m.find()) {
            text.append(body, last, m.start());
            int start = text.length();
            text.append(m.group(1));
            expected.add(parse(new Span(start, text.length()), m.group(1), m.group(2)));
            last = m.end();
        }
        text.append(body.substring(last));
        return new Narrative(name, text.toString().strip(), published, language, expected);
    }

    private static Expected parse(Span span, String text, String spec) {
        boolean negative = false;
        LocalDate value = null;
        LocalDate end = null;
        String tod = null;
        int precision = 1;
        boolean background = false;
        String anchor = null;
        for (String token : spec.trim().split("\\s+")) {
            if (token.equals("-")) {
                negative = true;
            } else if (token.matches("\\d{4}-\\d\\d-\\d\\d(\\.\\.\\d{4}-\\d\\d-\\d\\d)?")) {
                String[] parts = token.split("\\.\\.");
                value = LocalDate.parse(parts[0]);
                end = parts.length > 1 ? LocalDate.parse(parts[1]) : null;
            } else if (token.matches("night|morning|afternoon|evening|\\d\\d:\\d\\d")) {
                tod = token;
            } else if (token.matches("p[123]")) {
                precision = token.charAt(1) - '0';
            } else if (token.equals("bg")) {
                background = true;
            } else if (token.matches("@(story|publication|explicit|year)")) {
                anchor = token.substring(1);
            } else {
                throw new IllegalArgumentException("bad token '" + token + "' in {" + spec + "}");
            }
        }
        if (!negative && value == null) {
            throw new IllegalArgumentException("no value in {" + spec + "} for " + text);
        }
        return new Expected(span, text, negative, value, end, tod, precision, background, anchor);
    }

    @TestFactory
    Stream<DynamicContainer> everyMarkedExpressionResolvesAsMarked() {
        return NARRATIVES.stream().map(name -> {
            Narrative n = load(name);
            List<TimeExpression> found = n.resolve();
            Stream<DynamicTest> each = n.expected().stream().map(e -> DynamicTest.dynamicTest(
                    (e.negative() ? "not a date: " : "") + e.text() + " @" + e.span().start(), () -> check(n, e, found)));
            Stream<DynamicTest> nothingElse = Stream.of(DynamicTest.dynamicTest("nothing unmarked", () -> {
                List<String> extra = found.stream()
                        .filter(t -> n.expected().stream().noneMatch(e -> !e.negative() && e.span().equals(t.span())))
                        .map(NarrativeDateResolverTest::describe).collect(Collectors.toList());
                assertTrue(extra.isEmpty(), "found but not marked in " + name + ":\n" + String.join("\n", extra));
            }));
            return DynamicContainer.dynamicContainer(name, Stream.concat(each, nothingElse));
        });
    }

    private static void check(Narrative n, Expected e, List<TimeExpression> found) {
        if (e.negative()) {
            List<TimeExpression> overlapping = found.stream().filter(t -> t.span().overlaps(e.span())).toList();
            assertTrue(overlapping.isEmpty(), "'" + e.text() + "' is not a date, found " + overlapping);
            return;
        }
        TimeExpression t = found.stream().filter(x -> x.span().equals(e.span())).findFirst().orElse(null);
        if (t == null) {
            fail("'" + e.text() + "' at " + e.span() + " not found; found near it: " + found.stream()
                    .filter(x -> Math.abs(x.span().start() - e.span().start()) < 40).map(NarrativeDateResolverTest::describe).toList());
        }
        String what = describe(t);
        assertEquals(e.text(), t.text(), what);
        assertEquals(e.value(), t.value(), "value of " + what);
        assertEquals(e.end(), t.endValue(), "end value of " + what);
        assertEquals(e.timeOfDay(), t.timeOfDay(), "time of day of " + what);
        assertEquals(e.precision(), t.precision(), "precision of " + what);
        assertEquals(e.background(), t.background(), "background of " + what);
        if (e.anchor() != null) {
            assertNotNull(t.anchor(), what);
            boolean ok = switch (e.anchor()) {
                case "story" -> t.anchor().startsWith("story time");
                case "publication" -> t.anchor().startsWith("publication date");
                case "explicit" -> t.anchor().equals("explicit");
                default -> t.anchor().startsWith("year from");
            };
            assertTrue(ok, "anchor of " + what + " should be " + e.anchor());
        }
    }

    static String describe(TimeExpression t) {
        return "'" + t.text() + "' " + t.span() + " = " + t.value() + (t.endValue() == null ? "" : ".." + t.endValue())
                + (t.timeOfDay() == null ? "" : " " + t.timeOfDay()) + " p" + t.precision() + (t.background() ? " bg" : "")
                + " [" + t.anchor() + "]";
    }

    @Test
    void theSuiteChecksAtLeast150ExpressionsInBothLanguages() {
        long english = NARRATIVES.stream().filter(n -> n.startsWith("en")).map(NarrativeDateResolverTest::load)
                .flatMap(n -> n.expected().stream()).filter(e -> !e.negative()).count();
        long russian = NARRATIVES.stream().filter(n -> n.startsWith("ru")).map(NarrativeDateResolverTest::load)
                .flatMap(n -> n.expected().stream()).filter(e -> !e.negative()).count();
        assertTrue(english + russian >= 150, "only " + (english + russian) + " time expressions");
        assertTrue(russian >= 50, "only " + russian + " Russian time expressions");
    }
}
