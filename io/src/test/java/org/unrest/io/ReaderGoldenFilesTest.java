package org.unrest.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unrest.model.Diagnostic;
import org.unrest.model.Report;

/**
 * Golden files, one parameterised test per format (as JabRef pairs importer inputs with expected outputs):
 * each input under {@code src/test/resources/readers/<format>/} has a {@code <input>.expected.json} beside it with
 * the reports (id, origin suffix, text, metadata) and diagnostic lines (paths shown relative to the folder) it must
 * give. Every boilerplate element in the inputs carries the marker {@code BOILERPLATE}; no report text may contain it.
 *
 * <p>To rewrite the expected files after a deliberate change, run with {@code -Dunrest.golden.update=true} and review
 * the diff.
 */
class ReaderGoldenFilesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String EXPECTED = ".expected.json";

    static Stream<Path> text() throws Exception {
        return inputs("text");
    }

    static Stream<Path> html() throws Exception {
        return inputs("html");
    }

    static Stream<Path> jsonl() throws Exception {
        return inputs("jsonl");
    }

    static Stream<Path> feed() throws Exception {
        return inputs("feed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("text")
    void textFiles(Path input) throws IOException {
        check(input, InputFormat.TEXT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("html")
    void htmlFiles(Path input) throws IOException {
        check(input, InputFormat.HTML);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonl")
    void jsonLinesFiles(Path input) throws IOException {
        check(input, InputFormat.JSONL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feed")
    void feedFiles(Path input) throws IOException {
        check(input, InputFormat.FEED);
    }

    private static Stream<Path> inputs(String format) throws IOException, URISyntaxException {
        Path dir = Path.of(ReaderGoldenFilesTest.class.getResource("/readers/" + format).toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> !p.getFileName().toString().endsWith(EXPECTED)).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no golden inputs in " + dir);
        return files.stream();
    }

    private static void check(Path input, InputFormat expectedFormat) throws IOException {
        assertEquals(expectedFormat, ReportReaders.detect(input), "format detected for " + input.getFileName());
        ReadResult result = ReportReaders.read(input);
        for (Report r : result.reports()) {
            assertFalse(r.text().contains("BOILERPLATE"), () -> "boilerplate left in " + r.id() + ":\n" + r.text());
            assertFalse(r.text().contains("\r"), "line ends are LF");
            assertFalse(r.text().startsWith("\uFEFF"), "BOM dropped");
            assertTrue(r.origin().startsWith(input.toString()), r.origin());
        }
        for (Diagnostic d : result.diagnostics()) {
            assertFalse(d.line().contains("\n"), "one-line diagnostic: " + d.line());
            assertTrue(d.line().startsWith(input.toString()), "diagnostic names the file: " + d.line());
        }
        ObjectNode actual = describe(input, result);
        Path expectedFile = input.resolveSibling(input.getFileName() + EXPECTED);
        if (Boolean.getBoolean("unrest.golden.update")) {
            Path source = Path.of("src/test/resources/readers", input.getParent().getFileName().toString(),
                    expectedFile.getFileName().toString());
            Files.writeString(source, MAPPER.writeValueAsString(actual) + "\n");
            return;
        }
        assertTrue(Files.exists(expectedFile), "missing " + expectedFile.getFileName());
        JsonNode expected = MAPPER.readTree(expectedFile.toFile());
        assertEquals(MAPPER.writeValueAsString(expected), MAPPER.writeValueAsString(actual),
                "golden file " + expectedFile.getFileName());
    }

    private static ObjectNode describe(Path input, ReadResult result) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode reports = o.putArray("reports");
        for (Report r : result.reports()) {
            ObjectNode n = reports.addObject();
            n.put("id", r.id());
            n.put("origin_suffix", r.origin().substring(input.toString().length()));
            n.put("text", r.text());
            ObjectNode m = n.putObject("metadata");
            m.put("url", r.metadata().url());
            m.put("publisher", r.metadata().publisher());
            m.put("published", r.metadata().published() == null ? null : r.metadata().published().toString());
            m.put("language", r.metadata().language());
            m.put("title", r.metadata().title());
            ObjectNode extra = m.putObject("extra");
            r.metadata().extra().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> extra.put(e.getKey(), e.getValue()));
        }
        ArrayNode diags = o.putArray("diagnostics");
        String prefix = input.getParent().toString() + java.io.File.separator;
        for (Diagnostic d : result.diagnostics()) {
            diags.add(d.severity() + " " + d.line().replace(prefix, ""));
        }
        return o;
    }
}
