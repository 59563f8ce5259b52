package org.unrest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.unrest.model.Event;

/**
 * One line of a gold file: an event in the contract's format plus the matching fields the spec adds
 * ({@code required}, {@code date_range}, {@code admin1_any}, {@code country_any}, {@code sub_event_type_any})
 * and the report it belongs to.
 */
public record GoldEvent(Event event, String reportId, boolean required, LocalDate firstDate, LocalDate lastDate,
                        List<String> admin1Any, List<String> countryAny, List<String> subEventTypeAny, String gist) {

    public static GoldEvent fromJson(JsonNode o) {
        Event e = EventJson.fromJson(o);
        LocalDate first = e.eventDate();
        LocalDate last = e.eventDate();
        JsonNode range = o.get("date_range");
        if (range != null && range.isArray() && range.size() == 2) {
            first = LocalDate.parse(range.get(0).asText());
            last = LocalDate.parse(range.get(1).asText());
        }
        String report = EventJson.text(o, "report_id");
        if (report == null && !e.sources().isEmpty()) {
            report = e.sources().get(0).reportId();
        }
        return new GoldEvent(e, report, o.path("required").asBoolean(true), first, last,
                EventJson.strings(o.get("admin1_any")), EventJson.strings(o.get("country_any")),
                EventJson.strings(o.get("sub_event_type_any")), EventJson.text(o, "gist"));
    }

    /** Reads a gold file; a line that is not a gold event fails with its file and line number. */
    public static List<GoldEvent> read(Path file) {
        List<GoldEvent> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    out.add(fromJson(EventJson.MAPPER.readTree(line)));
                } catch (IOException | RuntimeException ex) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a gold event: " + ex.getMessage(), ex);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
        }
        return out;
    }
}
