package org.unrest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrest.learn.MmClassifiers;
import org.unrest.model.Vocabulary;
import org.unrest.service.IngestService;
import org.unrest.service.Role;
import org.unrest.store.EventStore;

/**
 * An admin's retraining from the page ({@code POST /api/train}) against a real server over a real store: only an
 * admin with the CSRF token may start one; it runs as a job whose progress lines and scores can be polled, and
 * writes the model files; a missing CSV and a second retraining while one runs answer 409.
 */
class TrainApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static EventStore store;
    static WebServer server;
    static WebServer noData;
    static Path models;

    @BeforeAll
    static void start() throws IOException {
        store = TestStores.open(dir);
        SampleData.load(store);
        WebServices services = WebServices.of(store, new IngestService(store));
        for (Role r : Role.values()) {
            services.users().add(r.wire() + "1", "a long password".toCharArray(), r);
        }
        Path csv = dir.resolve("mm-tiny.csv");
        Files.writeString(csv, tinyMmCsv(84), StandardCharsets.UTF_8);
        models = dir.resolve("models");
        server = new WebServer(services, WebOptions.defaults().withTraining(csv, models)).start("127.0.0.1", 0);
        noData = new WebServer(services, WebOptions.defaults().withTraining(dir.resolve("absent/mm.csv"), models))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        for (WebServer s : new WebServer[] {server, noData}) {
            if (s != null) {
                s.stop();
            }
        }
        if (store != null) {
            store.close();
        }
    }

    /**
     * A Mass Mobilization CSV in miniature: the columns {@code MmData} reads, every demand and state response
     * given away by a cue word, a country-year row without protest (skipped) among them.
     */
    static String tinyMmCsv(int rows) {
        List<String> filler = List.of("the", "people", "city", "square", "on", "monday", "gathered", "news", "crowd",
                "near", "building", "government", "thousands", "marched");
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder("id,country,year,protest,protesterviolence,protesterdemand1,"
                + "protesterdemand2,protesterdemand3,protesterdemand4,stateresponse1,stateresponse2,stateresponse3,"
                + "stateresponse4,stateresponse5,stateresponse6,stateresponse7,notes\n");
        sb.append("1000,Kazakhstan,2022,0,0,,,,,,,,,,,,\n");
        for (int i = 0; i < rows; i++) {
            int d = i % Vocabulary.MM_DEMANDS.size();
            int r = (i / 2) % Vocabulary.STATE_RESPONSES.size();
            boolean violent = i % 4 == 0;
            List<String> words = new ArrayList<>();
            words.add("protest " + i);
            for (int k = 0; k < 10; k++) {
                words.add(filler.get(random.nextInt(filler.size())));
            }
            words.add("cue" + d + "demand");
            words.add("cue" + r + "response");
            words.add(violent ? "stones were thrown" : "it stayed calm");
            sb.append(2000 + i).append(",Kazakhstan,2022,1,").append(violent ? 1 : 0).append(",\"")
                    .append(Vocabulary.MM_DEMANDS.get(d)).append("\",NA,NA,NA,")
                    .append(Vocabulary.STATE_RESPONSES.get(r)).append(",NA,.,,NA,NA,NA,\"")
                    .append(String.join(" ", words)).append("\"\n");
        }
        return sb.toString();
    }

    @Test
    void withoutASessionItIs401() throws Exception {
        assertEquals(401, new SecureApiTest.Client(server).send("POST", "/api/train", "{}", false).statusCode());
    }

    @Test
    void withoutTheCsrfTokenItIs403() throws Exception {
        SecureApiTest.Client admin = new SecureApiTest.Client(server).login("admin1");
        var r = admin.send("POST", "/api/train", "{}", false);
        assertEquals(403, r.statusCode(), r.body());
    }

    @Test
    void belowAdminItIs403() throws Exception {
        for (String user : List.of("coder1", "reviewer1")) {
            var r = new SecureApiTest.Client(server).login(user).send("POST", "/api/train", "{}", true);
            assertEquals(403, r.statusCode(), user + ": " + r.body());
        }
    }

    @Test
    void aMissingCsvIs409NamingThePath() throws Exception {
        var r = new SecureApiTest.Client(noData).login("admin1").send("POST", "/api/train", "{}", true);
        assertEquals(409, r.statusCode(), r.body());
        String error = JSON.readTree(r.body()).get("error").asText();
        assertTrue(error.contains(dir.resolve("absent/mm.csv").toAbsolutePath().toString()), error);
        assertTrue(error.contains("--train-data"), error);
    }

    @Test
    void anAdminRetrainsWithProgressAndGetsTheModelFiles() throws Exception {
        SecureApiTest.Client admin = new SecureApiTest.Client(server).login("admin1");
        assertTrue(admin.ok("GET", "/api/session", null).get("training").asBoolean());
        var started = admin.send("POST", "/api/train", "{}", true);
        assertEquals(202, started.statusCode(), started.body());
        String id = JSON.readTree(started.body()).get("id").asText();

        // one at a time: a second start while this one runs is refused and names the running job
        var second = admin.send("POST", "/api/train", "{}", true);
        JsonNode job = new SecureApiTest.Client(server).ok("GET", "/api/jobs/" + id, null);
        if (second.statusCode() == 409) {
            assertEquals(id, JSON.readTree(second.body()).get("job").asText(), second.body());
        } else {
            assertEquals("done", job.get("state").asText(), "a second start is refused while one runs: " + second.body());
            String other = JSON.readTree(second.body()).get("id").asText();
            waitFor(other);
        }

        job = waitFor(id);
        assertEquals("done", job.get("state").asText(), job.toPrettyString());
        assertEquals("train", job.get("kind").asText());
        assertEquals("admin1", job.get("user").asText());
        List<String> lines = new ArrayList<>();
        job.get("lines").forEach(l -> lines.add(l.asText()));
        assertTrue(lines.size() > 5, lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("read ") && l.contains("mm-tiny.csv")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("events reviewed in")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("wrote the models to")), lines.toString());
        JsonNode result = job.get("result");
        assertTrue(result.get("train").asInt() > 0 && result.get("held_out").asInt() > 0, result.toString());
        assertEquals(3, result.get("scores").size(), result.toString());
        assertTrue(result.get("summary").asText().contains("demands macro-F1"), result.toString());

        for (String f : List.of(MmClassifiers.MANIFEST, MmClassifiers.FEATURES, MmClassifiers.WEIGHTS)) {
            assertTrue(Files.isRegularFile(models.resolve(f)), f + " in " + models);
        }
        MmClassifiers.load(models);
    }

    private static JsonNode waitFor(String id) throws Exception {
        SecureApiTest.Client reader = new SecureApiTest.Client(server);
        long until = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode job = reader.ok("GET", "/api/jobs/" + id, null);
            String state = job.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            assertTrue(System.nanoTime() < until, "still " + state + ": " + job.toPrettyString());
            Thread.sleep(100);
        }
    }
}
