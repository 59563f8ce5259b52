package org.unrest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.unrest.model.Event;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.model.Vocabulary;
import org.unrest.pipeline.Pipeline;

/**
 * Scores what happened against short reports with expected event types (JSON Lines, one report per line:
 * {@code {"id", "published", "language" (default en), "text", "expected": [{"event_type", "sub_event_type"}, ...]}},
 * an empty list for news that is no event). Each report is coded by the pipeline with its own publication date and
 * language; it is right when the set of sub-event types coded equals the expected set. This is how the event-type
 * test sets in {@code nlp/src/test/resources/org/unrest/nlp/} are scored ({@code unrest evaluate-types}).
 */
public final class EventTypeEvaluation {
    /** One labelled report. */
    public record Case(String id, LocalDate published, String language, String text, Set<String> expected) {
    }

    /** What the pipeline coded for a case. */
    public record Outcome(Case c, Set<String> coded, List<Event> events) {
        public boolean right() {
            return coded.equals(c.expected());
        }
    }

    /** The outcomes of a set of cases. */
    public record Result(List<Outcome> outcomes) {
        public long right() {
            return outcomes.stream().filter(Outcome::right).count();
        }

        public double accuracy() {
            return outcomes.isEmpty() ? 0 : (double) right() / outcomes.size();
        }

        /**
         * The accuracy, a table per sub-event type (reports where it was expected and found, expected and missed,
         * coded though not expected), and, with {@code failures}, each report coded wrong with its events.
         */
        public String summary(String title, boolean failures) {
            Map<String, int[]> perType = new TreeMap<>();
            for (String sub : Vocabulary.SUB_EVENT_TYPES.values().stream().flatMap(List::stream).toList()) {
                perType.put(sub, new int[3]);
            }
            String none = "(none: out of scope)";
            perType.put(none, new int[3]);
            StringBuilder wrong = new StringBuilder();
            for (Outcome o : outcomes) {
                if (!o.right()) {
                    wrong.append(String.format("  %-38s expected %s, coded %s%n", o.c().id(), o.c().expected(), o.coded()));
                    for (Event e : o.events()) {
                        wrong.append(String.format("      %s / %s %s actor1=%s: %s%n", e.eventType(), e.subEventType(),
                                e.forms(), e.actor1() == null ? null : e.actor1().name(), e.notes()));
                    }
                }
                for (String sub : o.c().expected()) {
                    perType.get(sub)[o.coded().contains(sub) ? 0 : 1]++;
                }
                for (String sub : o.coded()) {
                    if (!o.c().expected().contains(sub)) {
                        perType.get(sub)[2]++;
                    }
                }
                if (o.c().expected().isEmpty()) {
                    perType.get(none)[o.coded().isEmpty() ? 0 : 1]++;
                }
            }
            StringBuilder s = new StringBuilder();
            s.append(String.format("%s: %d reports, %d right, sub-event-type accuracy %.3f%n", title, outcomes.size(),
                    right(), accuracy()));
            if (!failures) {
                return s.toString();
            }
            s.append(String.format("  %-38s %6s %6s %6s%n", "sub-event type", "found", "missed", "wrong"));
            perType.forEach((k, v) -> {
                if (v[0] + v[1] + v[2] > 0) {
                    s.append(String.format("  %-38s %6d %6d %6d%n", k, v[0], v[1], v[2]));
                }
            });
            return s.append("failures:\n").append(wrong).toString();
        }
    }

    private final Pipeline pipeline;

    public EventTypeEvaluation(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Reads a file of cases; a line that is not a case is an error naming the file, the line and the problem. */
    public static List<Case> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String where = file + " line " + lineNumber;
            try {
                JsonNode n = json.readTree(line);
                Set<String> expected = new TreeSet<>();
                for (JsonNode e : required(n, "expected", where)) {
                    String type = required(e, "event_type", where).asText();
                    String sub = required(e, "sub_event_type", where).asText();
                    if (!type.equals(Vocabulary.typeOf(sub))) {
                        throw new IOException(where + ": '" + sub + "' is not a sub-event type of '" + type + "'");
                    }
                    expected.add(sub);
                }
                cases.add(new Case(required(n, "id", where).asText(),
                        LocalDate.parse(required(n, "published", where).asText()),
                        n.hasNonNull("language") ? n.get("language").asText() : "en",
                        required(n, "text", where).asText(), expected));
            } catch (DateTimeParseException e) {
                throw new IOException(where + ": 'published' is not a date YYYY-MM-DD: " + e.getParsedString(), e);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException(where + ": not JSON: " + e.getOriginalMessage(), e);
            }
        }
        return cases;
    }

    private static JsonNode required(JsonNode n, String field, String where) throws IOException {
        if (n == null || !n.hasNonNull(field)) {
            throw new IOException(where + ": no '" + field + "'");
        }
        return n.get(field);
    }

    public Result evaluate(List<Case> cases) {
        List<Outcome> out = new ArrayList<>(cases.size());
        for (Case c : cases) {
            Report r = new Report(c.id(), c.text(),
                    new ReportMetadata(null, null, c.published(), c.language(), null, null), "evaluate-types");
            List<Event> events = pipeline.process(r).events();
            Set<String> coded = new TreeSet<>();
            events.forEach(e -> coded.add(e.subEventType()));
            out.add(new Outcome(c, coded, events));
        }
        return new Result(out);
    }
}
