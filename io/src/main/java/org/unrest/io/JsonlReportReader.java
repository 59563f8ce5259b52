package org.unrest.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.unrest.model.Diagnostic;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;

/**
 * A JSON Lines corpus: one report per line, {@code {"id","text","published","url","publisher","language","title"}};
 * other fields go to {@code metadata.extra} (strings as they are, anything else as JSON text). Streamed byte by
 * byte, so the size limit applies to each line and a corpus may be any size. A bad line is one diagnostic
 * ({@code file:line: reason}); the other lines still go in. Blank lines are skipped.
 */
final class JsonlReportReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> KNOWN = Set.of("id", "text", "published", "url", "publisher", "language", "title");

    private JsonlReportReader() {
    }

    static void read(Path file, ReadOptions options, ReportSink sink) throws IOException {
        String path = file.toString();
        String stem = Inputs.stem(file);
        Map<String, Long> seenIds = new HashMap<>();
        long lineNo = 0;
        long offset = 0;
        long reports = 0;
        boolean any = false;
        try (InputStream head = Files.newInputStream(file)) {
            byte[] b = head.readNBytes(4096);
            String binary = Inputs.binaryReason(b, 0, b.length);
            if (binary != null) {
                sink.diagnostic(Diagnostic.error(path, binary));
                return;
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            LineBuffer line = new LineBuffer(options.maxBytes());
            while (line.next(in)) {
                lineNo++;
                long lineStart = offset;
                offset += line.consumed;
                String origin = path + ":" + lineNo;
                if (line.tooLong) {
                    sink.diagnostic(Diagnostic.error(origin, "line longer than the limit of " + options.maxBytes()
                            + " bytes, skipped"));
                    any = true;
                    continue;
                }
                byte[] b = line.bytes();
                int from = lineNo == 1 && Inputs.hasBom(b, 0) ? 3 : 0;
                int to = b.length;
                if (to > from && b[to - 1] == '\r') {
                    to--;
                }
                if (isBlank(b, from, to)) {
                    continue;
                }
                any = true;
                try {
                    String binary = Inputs.binaryReason(b, from, to);
                    if (binary != null) {
                        throw new Inputs.BadInput(binary);
                    }
                    String json = Inputs.decodeUtf8(b, from, to, lineStart);
                    Report r = parse(json, stem, origin);
                    Long first = seenIds.putIfAbsent(r.id(), lineNo);
                    if (first != null) {
                        sink.diagnostic(Diagnostic.warning(origin, "duplicate id '" + r.id() + "' (first on line "
                                + first + ")"));
                    }
                    sink.report(r);
                    reports++;
                } catch (Inputs.BadInput e) {
                    sink.diagnostic(Diagnostic.error(origin, e.getMessage()));
                }
            }
        }
        if (!any) {
            sink.diagnostic(Diagnostic.error(path, offset == 0 ? "empty file" : "empty file (only whitespace)"));
        } else if (reports == 0) {
            sink.diagnostic(Diagnostic.error(path, "no report could be read from " + lineNo + " lines"));
        }
    }

    static Report parse(String json, String stem, String origin) throws Inputs.BadInput {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new Inputs.BadInput("not JSON: " + Inputs.oneLine(e.getOriginalMessage()));
        }
        if (o == null || !o.isObject()) {
            throw new Inputs.BadInput("not a JSON object");
        }
        JsonNode textNode = o.get("text");
        if (textNode == null || textNode.isNull()) {
            throw new Inputs.BadInput("no \"text\" field");
        }
        if (!textNode.isTextual()) {
            throw new Inputs.BadInput("\"text\" is not a string");
        }
        String text = Inputs.normaliseNewlines(textNode.asText());
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new Inputs.BadInput("\"text\" is empty");
        }
        LocalDate published = null;
        String rawDate = string(o, "published");
        if (rawDate != null) {
            try {
                published = Dates.parse(rawDate);
            } catch (DateTimeParseException e) {
                throw new Inputs.BadInput("bad \"published\" date '" + Inputs.oneLine(rawDate) + "'");
            }
        }
        String url = string(o, "url");
        Map<String, String> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!KNOWN.contains(f.getKey()) && !f.getValue().isNull()) {
                extra.put(f.getKey(), f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString());
            }
        }
        ReportMetadata meta = new ReportMetadata(url, string(o, "publisher"), published,
                Inputs.language(string(o, "language")), string(o, "title"), extra);
        String id = string(o, "id");
        if (id == null) {
            id = stem + "-" + Inputs.shortHash(url != null ? url : text);
        }
        return new Report(id, text, meta, origin);
    }

    /** A field as a string: text as is, numbers as written; null, blank or absent gives null. */
    private static String string(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s.strip();
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Reads one line at a time from a stream through its own buffer, keeping at most {@code limit} bytes of it. */
    private static final class LineBuffer {
        private final long limit;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
        private final byte[] chunk = new byte[1 << 16];
        private int pos;
        private int len;
        boolean tooLong;
        long consumed;

        LineBuffer(long limit) {
            this.limit = limit;
        }

        /** Reads the next line (without its LF); false at end of input. */
        boolean next(InputStream in) throws IOException {
            buf.reset();
            tooLong = false;
            consumed = 0;
            while (true) {
                if (pos == len) {
                    len = in.read(chunk);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return consumed > 0;
                    }
                }
                int start = pos;
                while (pos < len && chunk[pos] != '\n') {
                    pos++;
                }
                int n = pos - start;
                consumed += n;
                if (!tooLong) {
                    if (buf.size() + (long) n > limit) {
                        tooLong = true;
                        buf.reset();
                    } else {
                        buf.write(chunk, start, n);
                    }
                }
                if (pos < len) {
                    pos++;
                    consumed++;
                    return true;
                }
            }
        }

        byte[] bytes() {
            return buf.toByteArray();
        }
    }
}
