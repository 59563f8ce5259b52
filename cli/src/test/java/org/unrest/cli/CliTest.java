package org.unrest.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrest.store.EventQuery;
import org.unrest.store.JdbcEventStore;

/** The commands end to end, in process, against a real embedded database in a temporary folder. */
class CliTest {
    static final Path SEED = Path.of(System.getProperty("unrest.shared", "../../shared"), "seed");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path db;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        db = tmp.resolve("db/unrest");
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Unrest.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    Path seedText() {
        Path text = SEED.resolve("kazakhstan-january-2022.txt");
        Assumptions.assumeTrue(Files.exists(text), "../shared/seed is not beside the project");
        return text;
    }

    long[] counts() {
        try (JdbcEventStore s = JdbcEventStore.open(db.toString())) {
            return new long[] {s.countReports(), s.countEvents()};
        }
    }

    @Test
    void ingestingTheSameReportTwiceAddsNothing() {
        Run first = run("ingest", "--db", db.toString(), "--published", "2022-01-20", seedText().toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("1 new"), first.out());
        long[] before = counts();
        assertEquals(1, before[0]);
        assertTrue(before[1] >= 20, "events: " + before[1]);

        Run second = run("ingest", "--db", db.toString(), "--published", "2022-01-20", seedText().toString());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("0 new, 1 duplicate"), second.out());
        assertTrue(second.err().contains("already stored"), second.err());
        assertArrayEquals(before, counts());
    }

    @Test
    void seedEvaluationThroughTheCommandsMeetsTheBar() {
        assertEquals(0, run("ingest", "--db", db.toString(), "--published", "2022-01-20", seedText().toString()).code());
        Run eval = run("evaluate", "--db", db.toString(), "--gold", SEED.resolve("kazakhstan-january-2022.gold.jsonl").toString());
        assertEquals(0, eval.code(), eval.err());
        double recall = score(eval.out(), "recall");
        double precision = score(eval.out(), "precision");
        assertTrue(recall >= 0.60 && precision >= 0.60, eval.out());
        assertTrue(eval.out().contains("exact_day") && eval.out().contains("demand_recall") && eval.out().contains("figure_recall"));
    }

    static double score(String out, String name) {
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 2 && parts[0].equals(name)) {
                return Double.parseDouble(parts[1]);
            }
        }
        throw new AssertionError("no " + name + " in:\n" + out);
    }

    @Test
    void badInputIsReportedPerFileAndTheRestGoesIn() throws IOException {
        assertEquals(0, run("ingest", "--db", db.toString(), "--published", "2022-01-20", seedText().toString()).code());
        long[] before = counts();

        Path empty = Files.writeString(tmp.resolve("empty.txt"), "");
        Path binary = Files.write(tmp.resolve("binary.txt"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3});
        Path latin1 = Files.write(tmp.resolve("latin1.txt"), "Protesters gathered in Almaty on 5 January. Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Path jsonl = Files.writeString(tmp.resolve("corpus.jsonl"),
                "{\"id\":\"good-1\",\"text\":\"On 4 January 2022 workers went on strike in Aktau.\",\"published\":\"2022-01-05\"}\n"
                        + "{not json at all\n");
        Path feed = Files.writeString(tmp.resolve("feed.xml"), "<?xml version=\"1.0\"?><rss><channel><item><title>x</title></chan");
        Path html = Files.writeString(tmp.resolve("broken.html"), "<html><body><div><p>On 5 January 2022 protesters marched in Oral.<div></body");
        Path dir = Files.createDirectory(tmp.resolve("a-directory"));
        Path missing = tmp.resolve("missing.txt");
        Path big = tmp.resolve("big.txt");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024);
        }
        Path good = Files.writeString(tmp.resolve("good.txt"), "On 3 January 2022 oil workers went on strike in Zhanaozen.");

        Run r = run("ingest", "--db", db.toString(), empty.toString(), binary.toString(), latin1.toString(),
                jsonl.toString(), feed.toString(), html.toString(), dir.toString(), missing.toString(), big.toString(),
                good.toString());
        Files.delete(big);
        assertEquals(Unrest.INPUT_FAILED, r.code(), r.out() + r.err());
        for (Path bad : List.of(empty, binary, latin1, feed, dir, missing, big)) {
            assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: " + bad)), "no error line for " + bad + ":\n" + r.err());
        }
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: " + jsonl + ":2")), r.err());
        assertTrue(r.err().lines().allMatch(l -> !l.isBlank()), "one line each");

        try (JdbcEventStore s = JdbcEventStore.open(db.toString())) {
            assertTrue(s.report("kazakhstan-january-2022").isPresent(), "stored before, still there");
            assertTrue(s.report("good-1").isPresent(), "the good corpus line went in");
            assertTrue(s.report("good").isPresent(), "the good file went in");
            assertTrue(s.report("broken").isPresent(), "malformed HTML is still read");
            assertEquals(before[0] + 3, s.countReports());
            assertEquals(before[1], s.events(EventQuery.ofReport("kazakhstan-january-2022")).size());
        }
    }

    @Test
    void theThreeExportFormatsParseWithStandardTools() throws IOException {
        assertEquals(0, run("ingest", "--db", db.toString(), "--published", "2022-01-20", seedText().toString()).code());
        long events = counts()[1];

        Path jsonl = tmp.resolve("out/events.jsonl");
        assertEquals(0, run("export", "--db", db.toString(), "--format", "jsonl", "--out", jsonl.toString()).code());
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(events, lines.size());
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            assertTrue(n.has("event_id") && n.has("event_date") && n.has("location") && n.has("sources"), line);
        }

        Path csv = tmp.resolve("out/events.csv");
        assertEquals(0, run("export", "--db", db.toString(), "--format", "acled-csv", "--out", csv.toString()).code());
        try (Reader in = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            assertTrue(p.getHeaderNames().containsAll(List.of("event_id_cnty", "event_date", "event_type",
                    "sub_event_type", "actor1", "inter1", "admin1", "location", "latitude", "longitude", "fatalities", "notes")));
            List<CSVRecord> records = p.getRecords();
            assertEquals(events, records.size());
            assertEquals("Kazakhstan", records.get(0).get("country"));
        }

        Path geojson = tmp.resolve("out/events.geojson");
        assertEquals(0, run("export", "--db", db.toString(), "--format", "geojson", "--out", geojson.toString()).code());
        JsonNode fc = JSON.readTree(geojson.toFile());
        assertEquals("FeatureCollection", fc.get("type").asText());
        assertEquals(events, fc.get("features").size());
        for (JsonNode f : fc.get("features")) {
            assertEquals("Feature", f.get("type").asText());
            if (!f.get("geometry").isNull()) {
                double lon = f.get("geometry").get("coordinates").get(0).asDouble();
                double lat = f.get("geometry").get("coordinates").get(1).asDouble();
                assertTrue(lon > 40 && lon < 90 && lat > 35 && lat < 60, "Kazakhstan, [lon, lat]: " + f);
            }
        }

        Run unknown = run("export", "--db", db.toString(), "--format", "xml");
        assertEquals(Unrest.FAILED, unknown.code());
        assertTrue(unknown.err().contains("unknown export format"), unknown.err());
    }

    @Test
    void placesAndDatesPrintJsonLinesWithOffsets() throws IOException {
        String text = "On 2 January a protest meeting started in Janaozen. Next day the strike spread to Aktau.";
        Path f = Files.writeString(tmp.resolve("t.txt"), text);
        Run places = run("places", "--published", "2022-01-20", f.toString());
        assertEquals(0, places.code(), places.err());
        List<JsonNode> ps = places.out().lines().map(CliTest::json).toList();
        assertTrue(ps.stream().anyMatch(p -> p.get("geonameid").asLong() == 607610), places.out());
        for (JsonNode p : ps) {
            assertEquals(p.get("text").asText(), text.substring(p.get("start").asInt(), p.get("end").asInt()));
        }
        Run dates = run("dates", "--published", "2022-01-20", f.toString());
        assertEquals(0, dates.code(), dates.err());
        List<JsonNode> ds = dates.out().lines().map(CliTest::json).toList();
        assertEquals("2022-01-02", ds.get(0).get("value").asText());
        assertEquals("2022-01-03", ds.get(1).get("value").asText());
        assertTrue(ds.get(1).get("anchor").asText().contains("2022-01-02"), ds.get(1).toString());

        Run missing = run("places", tmp.resolve("nope.txt").toString());
        assertEquals(Unrest.FAILED, missing.code());
        assertTrue(missing.err().contains("nope.txt: no such file"), missing.err());
    }

    @Test
    void placesReadsATextAsAPublishersOnceIngestHasLearnedItsHome() throws IOException {
        String paper = "The Town Talk";
        Path corpus = tmp.resolve("towntalk.jsonl");
        ObjectMapper m = new ObjectMapper();
        List<String> local = List.of(
                "Teachers rallied outside the Rapides Parish School Board office in Pineville on Tuesday.",
                "About 200 people marched through downtown Lafayette, Louisiana, on Saturday.",
                "Nurses at a hospital in Baton Rouge went on strike on Monday over staffing levels.");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < local.size(); i++) {
            lines.append(m.writeValueAsString(Map.of("id", "tt-" + i, "text", local.get(i), "publisher", paper,
                    "published", "2009-06-0" + (i + 1)))).append('\n');
        }
        Files.writeString(corpus, lines);
        assertEquals(0, run("ingest", "--db", db.toString(), corpus.toString()).code());
        Path text = tmp.resolve("alexandria.txt");
        Files.writeString(text, "Dozens of residents protested outside City Hall in Alexandria on Friday.");

        Run asPaper = run("places", "--db", db.toString(), "--publisher", paper, text.toString());
        assertEquals(0, asPaper.code(), asPaper.err());
        assertTrue(asPaper.err().contains("home region Louisiana, US"), asPaper.err());
        JsonNode alexandria = json(asPaper.out().lines().findFirst().orElseThrow());
        assertEquals("US", alexandria.get("country").asText(), asPaper.out());
        assertEquals("Louisiana", alexandria.get("admin1").asText(), asPaper.out());

        Run unknown = run("places", "--db", db.toString(), "--publisher", "Another Paper", text.toString());
        assertEquals(0, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("no home region learned yet"), unknown.err());
        assertNotEquals("Louisiana", json(unknown.out().lines().findFirst().orElseThrow()).path("admin1").asText());

        assertEquals(2, run("places", "--db", db.toString(), "--publisher", paper, "--home", "Texas,US",
                text.toString()).code());

        Run publishers = run("publishers", "--db", db.toString());
        assertEquals(0, publishers.code(), publishers.err());
        assertTrue(publishers.out().lines().anyMatch(l -> l.startsWith("the town talk") && l.contains(" 3 ")
                && l.contains("Louisiana, US")), publishers.out());
        Run recount = run("publishers", "--db", db.toString(), "--recount");
        assertEquals(0, recount.code(), recount.err());
        assertTrue(recount.err().contains("recounted 3 stored reports: 3 with a publisher, 1 publishers"), recount.err());
        assertEquals(publishers.out(), recount.out(), "the same counts as ingest kept");
    }

    @Test
    void evaluateTypesScoresALabelledSet() {
        String set = "../nlp/src/test/resources/org/unrest/nlp/event-types-holdout.jsonl";
        Run full = run("evaluate-types", "--cases", set);
        assertEquals(0, full.code(), full.err());
        assertTrue(full.out().contains("20 reports, 20 right, sub-event-type accuracy 1.000"), full.out());
        assertTrue(full.out().contains("failures:") && full.out().contains("Peaceful protest"), full.out());
        Run score = run("evaluate-types", "--score-only", "--cases", set);
        assertEquals(0, score.code(), score.err());
        assertEquals(1, score.out().lines().count(), score.out());
        Run missing = run("evaluate-types", "--cases", tmp.resolve("nope.jsonl").toString());
        assertEquals(3, missing.code());
        assertTrue(missing.err().contains("nope.jsonl"), missing.err());
    }

    @Test
    void demoIngestsTheBundledExamples() {
        Path examples = Path.of("../examples");
        Assumptions.assumeTrue(Files.isDirectory(examples), "examples/ not found");
        Run r = run("demo", "--no-serve", "--db", db.toString(), "--examples", examples.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        long[] c = counts();
        assertTrue(c[0] >= 8 && c[1] >= 20, "reports " + c[0] + ", events " + c[1]);
        try (JdbcEventStore s = JdbcEventStore.open(db.toString())) {
            assertEquals(java.time.LocalDate.of(2022, 1, 25),
                    s.report("kazakhstan-2022-timeline").orElseThrow().report().metadata().published(),
                    "sidecar metadata applied");
        }
    }

    @Test
    void ingestAndExportWorkAgainstPostgreSql() throws Exception {
        String base = System.getenv("UNREST_TEST_PG_URL");
        if (base == null) {
            String ci = System.getenv("CI");
            Assumptions.assumeFalse(ci == null || ci.isBlank() || ci.equalsIgnoreCase("false"), "UNREST_TEST_PG_URL is not set");
            fail("CI is set, so the PostgreSQL test must run, but UNREST_TEST_PG_URL is not set (run ./run-tests)");
        }
        String schema = "cli_" + Long.toHexString(System.nanoTime());
        try (var c = java.sql.DriverManager.getConnection(base); var st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            Run first = run("ingest", "--db", url, "--published", "2022-01-20", seedText().toString());
            assertEquals(0, first.code(), first.err());
            java.util.regex.Matcher pw = java.util.regex.Pattern.compile("password=([^&]+)").matcher(base);
            if (pw.find()) {
                assertFalse(first.out().contains("password=" + pw.group(1)), "no password in messages: " + first.out());
            }
            Run second = run("ingest", "--db", url, seedText().toString());
            assertTrue(second.out().contains("0 new, 1 duplicate"), second.out());
            Run eval = run("evaluate", "--db", url, "--gold", SEED.resolve("kazakhstan-january-2022.gold.jsonl").toString());
            assertTrue(score(eval.out(), "recall") >= 0.60 && score(eval.out(), "precision") >= 0.60, eval.out());
        } finally {
            try (var c = java.sql.DriverManager.getConnection(base); var st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("ingest").code());
        assertEquals(2, run("export", "--format").code());
        assertEquals(2, run("frobnicate").code());
    }

    static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
