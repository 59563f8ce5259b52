package org.unrest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unrest.model.Event;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.model.Vocabulary;

/**
 * Event types against the hand-labelled test sets in {@code nlp/src/test/resources/org/unrest/nlp/} (short reports
 * covering every ACLED sub-event type, plus out-of-scope news that must yield no event), coded by the standard
 * pipeline with each report's publication date and language. A report is right when the set of sub-event types
 * coded equals the expected set (the empty set for out-of-scope news).
 *
 * <p>Each held-out set was written and committed before the rules were ever run on it, scored once (that first score
 * is the honest estimate, recorded below and in nlp/README.md), and only then read for errors and fixed; after that
 * it is development data like the others. The floors are this version's measured accuracy on every set (a fit, not
 * an estimate), so a regression fails the build. The bar is 0.90.
 */
class EventTypeAccuracyTest {
    static final Path DIR = Path.of("../nlp/src/test/resources/org/unrest/nlp");
    /** Measured with this version of the rule stages on every set. */
    static final double FLOOR = 1.0;

    record Case(String id, LocalDate published, String language, String text, Set<String> expected) {
    }

    record Outcome(Case c, Set<String> predicted, List<Event> events) {
        boolean right() {
            return predicted.equals(c.expected);
        }
    }

    static List<Case> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            Set<String> expected = new TreeSet<>();
            for (JsonNode e : n.get("expected")) {
                String type = e.get("event_type").asText();
                String sub = e.get("sub_event_type").asText();
                assertEquals(type, Vocabulary.typeOf(sub), n.get("id").asText() + ": " + sub + " is not under " + type);
                expected.add(sub);
            }
            cases.add(new Case(n.get("id").asText(), LocalDate.parse(n.get("published").asText()),
                    n.hasNonNull("language") ? n.get("language").asText() : "en", n.get("text").asText(), expected));
        }
        return cases;
    }

    static List<Outcome> code(List<Case> cases) {
        List<Outcome> out = new ArrayList<>();
        for (Case c : cases) {
            Report r = new Report(c.id, c.text, new ReportMetadata(null, null, c.published, c.language, null, null), "test");
            List<Event> events = Pipelines.standard().process(r).events();
            Set<String> predicted = new TreeSet<>();
            events.forEach(e -> predicted.add(e.subEventType()));
            out.add(new Outcome(c, predicted, events));
        }
        return out;
    }

    /** Accuracy, with a per-type summary (reports where the type was expected and found, missed, or wrongly coded). */
    static double report(String title, List<Outcome> outcomes) {
        Map<String, int[]> perType = new TreeMap<>();
        for (String sub : Vocabulary.SUB_EVENT_TYPES.values().stream().flatMap(List::stream).toList()) {
            perType.put(sub, new int[3]);
        }
        perType.put("(none: out of scope)", new int[3]);
        int right = 0;
        StringBuilder failures = new StringBuilder();
        for (Outcome o : outcomes) {
            if (o.right()) {
                right++;
            } else {
                failures.append(String.format("  %-38s expected %s, coded %s%n", o.c.id, o.c.expected, o.predicted));
                for (Event e : o.events) {
                    failures.append(String.format("      %s / %s %s actor1=%s: %s%n", e.eventType(), e.subEventType(),
                            e.forms(), e.actor1() == null ? null : e.actor1().name(), e.notes()));
                }
            }
            for (String sub : o.c.expected) {
                perType.get(sub)[o.predicted.contains(sub) ? 0 : 1]++;
            }
            for (String sub : o.predicted) {
                if (!o.c.expected.contains(sub)) {
                    perType.get(sub)[2]++;
                }
            }
            if (o.c.expected.isEmpty()) {
                perType.get("(none: out of scope)")[o.predicted.isEmpty() ? 0 : 1]++;
            }
        }
        double accuracy = outcomes.isEmpty() ? 0 : (double) right / outcomes.size();
        StringBuilder s = new StringBuilder();
        s.append(String.format("%s: %d reports, %d right, sub-event-type accuracy %.3f%n", title, outcomes.size(), right, accuracy));
        s.append(String.format("  %-38s %6s %6s %6s%n", "sub-event type", "found", "missed", "wrong"));
        perType.forEach((k, v) -> {
            if (v[0] + v[1] + v[2] > 0) {
                s.append(String.format("  %-38s %6d %6d %6d%n", k, v[0], v[1], v[2]));
            }
        });
        s.append("failures:\n").append(failures);
        System.out.println(s);
        return accuracy;
    }

    /**
     * Every set: its file, how many reports it has, and its first score (the honest estimate of the rules as they
     * were when it was written: session 1 for the first held-out set, session 3 for the others, each after the
     * fixes for the sets before it).
     */
    @ParameterizedTest(name = "{0} (first scored {2})")
    @CsvSource({
            "event-types.jsonl, 182, 0.335 (version 1; the development set)",
            "event-types-holdout.jsonl, 20, 0.700",
            "event-types-holdout-2.jsonl, 70, 0.786",
            "event-types-holdout-3.jsonl, 51, 0.863",
            "event-types-holdout-4.jsonl, 52, 0.750",
            "event-types-holdout-5.jsonl, 50, 0.800"})
    void subEventTypeAccuracy(String file, int reports, String firstScore) throws IOException {
        List<Case> cases = read(DIR.resolve(file));
        assertEquals(reports, cases.size(), file);
        String title = file + " (first scored " + firstScore + ")";
        double accuracy = report(title, code(cases));
        assertTrue(accuracy >= FLOOR, title + ": sub-event-type accuracy " + accuracy + " < " + FLOOR);
    }

    /**
     * The sealed set: written after the fixes for the five sets above and scored, but its errors are not printed
     * and have not been read, so that its score stays an estimate for new text. Its floor is that first score; read
     * its errors (and fix them) only once a new sealed set has been written.
     */
    static final String SEALED = "event-types-holdout-6.jsonl";
    /** Measured once, session 3: 36 of 50. */
    static final double SEALED_FLOOR = 0.72;

    @Test
    void sealedHeldOutSetIsScoredWithoutShowingItsErrors() throws IOException {
        List<Case> cases = read(DIR.resolve(SEALED));
        assertEquals(50, cases.size(), SEALED);
        long right = code(cases).stream().filter(Outcome::right).count();
        double accuracy = (double) right / cases.size();
        System.out.printf("%s (sealed: errors not shown): %d reports, %d right, sub-event-type accuracy %.3f%n",
                SEALED, cases.size(), right, accuracy);
        assertTrue(accuracy >= SEALED_FLOOR, SEALED + ": sub-event-type accuracy " + accuracy + " < " + SEALED_FLOOR);
    }
}
