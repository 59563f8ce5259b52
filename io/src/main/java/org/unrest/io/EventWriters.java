package org.unrest.io;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Event writers by stable format name: {@code jsonl}, {@code acled-csv} (aliases {@code csv}, {@code acled}), {@code geojson}. */
public final class EventWriters {
    public static final List<String> FORMATS = List.of("jsonl", "acled-csv", "csv", "acled", "geojson");

    private EventWriters() {
    }

    /** A writer for {@code format}; unknown names are refused with the list of known ones. */
    public static EventWriter create(String format, OutputStream out, Instant exportTime) throws IOException {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "jsonl" -> new JsonlEventWriter(out);
            case "acled-csv", "csv", "acled" -> new AcledCsvWriter(out, exportTime);
            case "geojson" -> new GeoJsonWriter(out);
            default -> throw new IllegalArgumentException("unknown export format '" + format + "'; known: "
                    + String.join(", ", FORMATS));
        };
    }

    public static EventWriter create(String format, OutputStream out) throws IOException {
        return create(format, out, Instant.now());
    }
}
