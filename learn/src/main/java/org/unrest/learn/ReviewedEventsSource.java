package org.unrest.learn;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.unrest.contract.EventJson;
import org.unrest.model.Vocabulary;

/**
 * Events people reviewed, as JSON Lines in the event data contract ({@code unrest export --format jsonl} writes it),
 * each line with one more field, {@code text}: the words the coding rests on (the event's source sentences). Lines
 * without {@code text} fall back to {@code notes}. Used: events of type Protests or Riots (or without a type) whose
 * {@code review_state}, where given, is {@code accepted} or {@code corrected}. Labels: the {@code mm_category} of
 * each demand, the {@code state_responses}, and protester violence from an optional boolean
 * {@code protester_violence}, else from the type (Riots: yes, Protests: no). All of them go into training (none is
 * held out: the reported scores stay those on the MM held-out part). A line that is not such an event is an error
 * naming the line.
 */
public record ReviewedEventsSource(Path jsonl) implements TrainingSource {
    @Override
    public String describe() {
        return "reviewed events " + jsonl.getFileName();
    }

    @Override
    public boolean split() {
        return false;
    }

    @Override
    public List<MmRecord> records() throws IOException {
        List<MmRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String where = jsonl + " line " + n;
                JsonNode o;
                try {
                    o = EventJson.MAPPER.readTree(line);
                } catch (IOException e) {
                    throw new IOException(where + ": not JSON (" + e.getMessage() + ")");
                }
                MmRecord rec = record(o, where);
                if (rec != null) {
                    out.add(rec);
                }
            }
        }
        return out;
    }

    /** The labelled text of one reviewed event, or null when it is not used. */
    public static MmRecord record(JsonNode o, String where) throws IOException {
        if (!o.isObject()) {
            throw new IOException(where + ": not a JSON object");
        }
        String state = o.path("review_state").asText("accepted").toLowerCase(Locale.ROOT);
        if (!state.equals("accepted") && !state.equals("corrected")) {
            return null;
        }
        String type = o.path("event_type").asText("");
        if (!type.isEmpty() && !type.equals(Vocabulary.PROTESTS) && !type.equals(Vocabulary.RIOTS)) {
            return null;
        }
        String text = o.path("text").asText("");
        if (text.isBlank()) {
            text = o.path("notes").asText("");
        }
        if (text.isBlank()) {
            throw new IOException(where + ": neither text nor notes");
        }
        Set<String> demands = new LinkedHashSet<>();
        for (JsonNode d : o.path("demands")) {
            String mm = d.path("mm_category").asText("");
            if (mm.isEmpty() && Vocabulary.DEMAND_CATEGORIES.containsKey(d.path("category").asText(""))) {
                mm = Vocabulary.DEMAND_CATEGORIES.get(d.path("category").asText()).get(0);
            }
            if (!Vocabulary.MM_DEMANDS.contains(mm)) {
                throw new IOException(where + ": demand without a Mass Mobilization category: " + d);
            }
            demands.add(mm);
        }
        Set<String> responses = new LinkedHashSet<>();
        for (JsonNode s : o.path("state_responses")) {
            if (!Vocabulary.STATE_RESPONSES.contains(s.asText())) {
                throw new IOException(where + ": unknown state response '" + s.asText() + "'");
            }
            responses.add(s.asText());
        }
        Boolean violent = o.hasNonNull("protester_violence") ? o.get("protester_violence").asBoolean()
                : type.equals(Vocabulary.RIOTS) ? Boolean.TRUE : type.equals(Vocabulary.PROTESTS) ? Boolean.FALSE : null;
        return new MmRecord("reviewed:" + o.path("event_id").asText("line " + where), text, demands, responses, violent);
    }
}
