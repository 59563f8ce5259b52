package org.unrest.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.unrest.model.Diagnostic;
import org.unrest.model.ReportMetadata;

/**
 * Metadata for a single-report file kept beside it as {@code NAME.meta.json} (for {@code NAME.txt} or
 * {@code NAME.html}): {@code {"published", "url", "publisher", "language", "title"}}. Its fields win over what the
 * file itself says; other fields are ignored. A sidecar that cannot be read is a warning, and the file still goes in.
 */
final class SidecarMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SidecarMetadata() {
    }

    static Path of(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(stem + ".meta.json");
    }

    static Optional<ReportMetadata> read(Path file, ReportSink sink) {
        Path sidecar = of(file);
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(sidecar.toFile());
            if (n == null || !n.isObject()) {
                sink.diagnostic(Diagnostic.warning(sidecar.toString(), "not a JSON object; ignored"));
                return Optional.empty();
            }
            String published = text(n, "published");
            return Optional.of(new ReportMetadata(text(n, "url"), text(n, "publisher"),
                    published == null ? null : Dates.parse(published), text(n, "language"), text(n, "title"), null));
        } catch (IOException | DateTimeParseException e) {
            sink.diagnostic(Diagnostic.warning(sidecar.toString(), "unreadable metadata, ignored: "
                    + Inputs.oneLine(String.valueOf(e.getMessage()))));
            return Optional.empty();
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
