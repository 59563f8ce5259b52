package org.unrest.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrest.model.Diagnostic;
import org.unrest.model.Report;

/** Every kind of bad input gives one-line diagnostics naming the file and the reason, never an exception. */
class ReportReadersBadInputTest {
    @TempDir
    Path dir;

    /** Reads and checks the invariants every result must hold; returns it. */
    private static ReadResult read(Path file, ReadOptions options) {
        ReadResult r = ReportReaders.read(file, options);
        for (Diagnostic d : r.diagnostics()) {
            assertFalse(d.line().contains("\n") || d.line().contains("\r"), "one line: " + d.line());
            assertTrue(d.line().contains(file.getFileName().toString()), "names the file: " + d.line());
        }
        return r;
    }

    private static ReadResult read(Path file) {
        return read(file, ReadOptions.defaults());
    }

    private static void assertOnlyError(ReadResult r, String reason) {
        assertTrue(r.reports().isEmpty(), "no reports: " + r.reports());
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertTrue(d.message().contains(reason), "'" + d.line() + "' should say '" + reason + "'");
    }

    @Test
    void missingFile() {
        assertOnlyError(read(dir.resolve("nowhere.txt")), "no such file");
    }

    @Test
    void directory() throws IOException {
        Path d = Files.createDirectory(dir.resolve("folder.txt"));
        assertOnlyError(read(d), "is a directory");
    }

    @Test
    void emptyFiles() throws IOException {
        for (String name : new String[] {"empty.txt", "empty.html", "empty.jsonl", "empty.xml", "empty"}) {
            Path f = Files.write(dir.resolve(name), new byte[0]);
            assertOnlyError(read(f), "empty file");
        }
    }

    @Test
    void whitespaceOnlyFiles() throws IOException {
        for (String name : new String[] {"blank.txt", "blank.html", "blank.jsonl", "blank.rss", "blank"}) {
            Path f = Files.writeString(dir.resolve(name), "\uFEFF  \r\n\t\n   \n");
            assertOnlyError(read(f), "empty file");
        }
    }

    @Test
    void binaryFiles() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        for (String name : new String[] {"image.txt", "image.html", "image.jsonl", "image.xml", "image"}) {
            Path f = Files.write(dir.resolve(name), png);
            assertOnlyError(read(f), "binary content");
        }
        byte[] controls = new byte[200];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 2 == 0 ? 0x01 : 'a');
        }
        assertOnlyError(read(Files.write(dir.resolve("controls.txt"), controls)), "binary content");
    }

    @Test
    void invalidUtf8SaysWhere() throws IOException {
        byte[] latin1 = "Caf\u00e9 in Almaty".getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("latin1.txt"), latin1);
        assertOnlyError(read(f), "not valid UTF-8 (bad byte sequence at byte offset 3)");
        // after a BOM the offset still counts from the start of the file
        byte[] withBom = new byte[latin1.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(latin1, 0, withBom, 3, latin1.length);
        assertOnlyError(read(Files.write(dir.resolve("bom-latin1.txt"), withBom)), "at byte offset 6");
        assertOnlyError(read(Files.write(dir.resolve("latin1.html"), latin1)), "not valid UTF-8");
    }

    @Test
    void invalidUtf8InOneJsonlLineKeepsTheOthers() throws IOException {
        byte[] good = "{\"id\":\"a\",\"text\":\"good\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"id\":\"b\",\"text\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[good.length * 2 + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        System.arraycopy(good, 0, all, good.length + bad.length, good.length);
        Path f = Files.write(dir.resolve("mixed.jsonl"), all);
        ReadResult r = read(f);
        assertEquals(2, r.reports().size());
        assertEquals(f + ":3", r.reports().get(1).origin());
        Diagnostic d = r.diagnostics().stream().filter(x -> x.severity() == Diagnostic.Severity.ERROR)
                .findFirst().orElseThrow();
        int offset = good.length + 21; // the é, counted from the start of the file
        assertEquals(f + ":2: not valid UTF-8 (bad byte sequence at byte offset " + offset + ")", d.line());
        // the same id twice is a warning, both reports are kept
        assertTrue(r.diagnostics().stream().anyMatch(x -> x.message().contains("duplicate id 'a'")));
    }

    @Test
    void htmlThatYieldsNoText() throws IOException {
        Path f = Files.writeString(dir.resolve("scripts.html"),
                "<html><head><title>t</title><script>var a = 1;</script></head><body><nav>Menu</nav>"
                        + "<div class=\"cookie-banner\">Accept</div><footer>(c)</footer></body></html>");
        assertOnlyError(read(f), "HTML yields no text");
        Path broken = Files.writeString(dir.resolve("broken.htm"), "<html><<<<>>> <body </div></p>");
        ReadResult r = read(broken);
        assertEquals("<<<<>>>", r.reports().get(0).text(), "jsoup is lenient: stray brackets are text");
        Path unclosedComment = Files.writeString(dir.resolve("comment.html"),
                "<html><body><!-- an unclosed comment swallows the rest <p>Police detained ten people.</p></body>");
        assertOnlyError(read(unclosedComment), "HTML yields no text");
    }

    @Test
    void malformedFeedXml() throws IOException {
        Path f = Files.writeString(dir.resolve("broken.rss"),
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><item><title>a</item>");
        assertOnlyError(read(f), "malformed feed XML");
        Path notFeed = Files.writeString(dir.resolve("config.xml"), "<?xml version=\"1.0\"?><config><a/></config>");
        assertOnlyError(read(notFeed), "malformed feed XML");
        Path doctype = Files.writeString(dir.resolve("xxe.rss"), "<?xml version=\"1.0\"?><!DOCTYPE rss ["
                + "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title>"
                + "<item><title>a</title></item></channel></rss>");
        assertOnlyError(read(doctype), "malformed feed XML");
    }

    @Test
    void malformedJsonlLinesAreSkippedOthersKept() throws IOException {
        Path f = Files.writeString(dir.resolve("c.ndjson"), "{\"text\":\"one\"}\nnot json\n{\"text\":\"two\"}\n");
        ReadResult r = read(f);
        assertEquals(2, r.reports().size());
        assertEquals(1, r.diagnostics().size());
        assertTrue(r.diagnostics().get(0).line().startsWith(f + ":2: not JSON"), r.diagnostics().get(0).line());
    }

    @Test
    void jsonlWithOnlyBadLines() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.jsonl"), "{\"no\":\"text\"}\n{\"text\":\"\"}\n");
        ReadResult r = read(f);
        assertTrue(r.reports().isEmpty());
        assertEquals(3, r.diagnostics().size(), r.diagnostics().toString());
        assertTrue(r.diagnostics().get(2).message().contains("no report could be read from 2 lines"));
    }

    @Test
    void tooManyProblemsAreSummarised() throws IOException {
        Path f = Files.writeString(dir.resolve("noisy.jsonl"), "nope\n".repeat(50) + "{\"text\":\"ok\"}\n");
        ReadResult r = read(f, new ReadOptions(ReadOptions.DEFAULT_MAX_BYTES, 10));
        assertEquals(1, r.reports().size());
        assertEquals(11, r.diagnostics().size());
        assertEquals(f + ": 40 further problems not reported", r.diagnostics().get(10).line());
    }

    @Test
    void hugeTextFileIsRefusedWithoutReadingIt() throws IOException {
        Path f = dir.resolve("huge.txt");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(100L * 1024 * 1024); // sparse: 100 MB, no disk used
        }
        try {
            long t0 = System.nanoTime();
            ReadResult r = read(f);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertOnlyError(r, "larger than the limit of 20971520 bytes");
            assertTrue(ms < 1000, "refused in " + ms + " ms");
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Test
    void limitIsConfigurable() throws IOException {
        Path f = Files.writeString(dir.resolve("small.html"), "<p>" + "word ".repeat(100) + "</p>");
        assertOnlyError(read(f, ReadOptions.defaults().withMaxBytes(100)), "larger than the limit of 100 bytes");
        assertEquals(1, read(f, ReadOptions.defaults().withMaxBytes(1000)).reports().size());
    }

    @Test
    void jsonlLimitAppliesPerLineAndIsStreamed() throws IOException {
        Path f = dir.resolve("corpus.jsonl");
        AtomicInteger lines = new AtomicInteger();
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("{\"id\":\"first\",\"text\":\"short\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"id\":\"long\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 32; i++) { // a 2 MiB line
                out.write(chunk);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 1000; i++) {
                out.write(("{\"text\":\"line " + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
                lines.incrementAndGet();
            }
        }
        try {
            long size = Files.size(f);
            ReadOptions options = ReadOptions.defaults().withMaxBytes(1024 * 1024);
            assertTrue(size > options.maxBytes(), "the file is bigger than the limit, only lines count");
            AtomicInteger seen = new AtomicInteger();
            StringBuilder problems = new StringBuilder();
            ReportReaders.read(f, options, new ReportSink() {
                @Override
                public void report(Report report) {
                    seen.incrementAndGet();
                }

                @Override
                public void diagnostic(Diagnostic diagnostic) {
                    problems.append(diagnostic.line()).append('\n');
                }
            });
            assertEquals(1 + lines.get(), seen.get());
            assertEquals(f + ":2: line longer than the limit of 1048576 bytes, skipped\n", problems.toString());
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Test
    void unknownExtensionIsSniffed() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("dump.data"), "{\"id\":\"x\",\"text\":\"sniffed\"}\n");
        assertEquals(InputFormat.JSONL, ReportReaders.detect(jsonl));
        assertEquals("x", read(jsonl).reports().get(0).id());
        Path braces = Files.writeString(dir.resolve("notes.log"), "{draft} Protest planned for Monday.\n");
        assertEquals(InputFormat.TEXT, ReportReaders.detect(braces), "a brace alone does not make JSON Lines");
        Path text = Files.writeString(dir.resolve("story.log"), "Just words <b>not html</b>.");
        assertEquals(InputFormat.TEXT, ReportReaders.detect(text));
        assertEquals("Just words <b>not html</b>.", read(text).reports().get(0).text());
    }

    @Test
    void jsonlIdsWithoutIdAreStableAcrossRuns() throws IOException {
        Path f = Files.writeString(dir.resolve("feed-dump.jsonl"),
                "{\"text\":\"same text\"}\n{\"text\":\"other\",\"url\":\"https://x.example/a\"}\n");
        ReadResult a = read(f);
        Files.writeString(f, "{\"text\":\"other\",\"url\":\"https://x.example/a\"}\n{\"text\":\"same text\"}\n");
        ReadResult b = read(f);
        assertEquals(a.reports().get(0).id(), b.reports().get(1).id());
        assertEquals(a.reports().get(1).id(), b.reports().get(0).id());
        assertTrue(a.reports().get(0).id().matches("feed-dump-[0-9a-f]{10}"), a.reports().get(0).id());
    }
}
