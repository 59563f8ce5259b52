package org.unrest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unrest.service.IngestService;
import org.unrest.service.Role;
import org.unrest.store.EventStore;

/**
 * Accounts, CSRF and roles against a real server over a real store: every write without a session or without the
 * CSRF token is refused, a viewer cannot write, and the review actions leave an audit trail.
 */
class SecureApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long password";

    @TempDir
    static Path dir;
    static EventStore store;
    static WebServer server;
    static WebServer closed;

    @BeforeAll
    static void start() {
        store = TestStores.open(dir);
        SampleData.load(store);
        WebServices services = WebServices.of(store, new IngestService(store));
        for (Role r : Role.values()) {
            services.users().add(r.wire() + "1", PASSWORD.toCharArray(), r);
        }
        server = new WebServer(services, WebOptions.defaults()).start("127.0.0.1", 0);
        closed = new WebServer(services, new WebOptions(false, false)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (closed != null) {
            closed.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    /** A client with its own cookie jar, as one browser. */
    static final class Client {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        final WebServer on;
        String csrf;

        Client(WebServer on) {
            this.on = on;
        }

        String url(String path) {
            return "http://127.0.0.1:" + on.port() + path;
        }

        HttpResponse<String> send(String method, String path, String body, boolean withCsrf) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json");
            if (withCsrf && csrf != null) {
                b.header(Auth.CSRF_HEADER, csrf);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        JsonNode ok(String method, String path, String body) throws Exception {
            HttpResponse<String> r = send(method, path, body, true);
            assertTrue(r.statusCode() / 100 == 2, method + " " + path + " -> " + r.statusCode() + " " + r.body());
            return JSON.readTree(r.body());
        }

        Client login(String name) throws Exception {
            HttpResponse<String> r = send("POST", "/api/login", "{\"name\": \"" + name + "\", \"password\": \"" + PASSWORD + "\"}", false);
            assertEquals(200, r.statusCode(), r.body());
            String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            csrf = JSON.readTree(r.body()).get("csrf_token").asText();
            return this;
        }
    }

    /** Every write route, with a body that would succeed for a strong enough role. */
    static List<String[]> writes() {
        return List.of(
                new String[] {"POST", "/api/events/ev-aktau-0103/accept", "{}"},
                new String[] {"POST", "/api/events/ev-aktau-0103/reject", "{}"},
                new String[] {"POST", "/api/events/ev-aktau-0103/reopen", "{}"},
                new String[] {"PATCH", "/api/events/ev-aktau-0103", "{\"fields\": {\"notes\": \"x\"}}"},
                new String[] {"POST", "/api/events/ev-aktau-0103/merge", "{\"other\": \"ev-uralsk-0104\"}"},
                new String[] {"POST", "/api/events/ev-aktau-0103/split", "{\"parts\": [{}, {}]}"},
                new String[] {"POST", "/api/reports", "{\"text\": \"Workers rallied in Aktau on 3 January 2022.\"}"},
                new String[] {"POST", "/api/users", "{\"name\": \"x\", \"password\": \"long enough\", \"role\": \"admin\"}"},
                new String[] {"PATCH", "/api/users/viewer1", "{\"role\": \"admin\"}"},
                new String[] {"POST", "/api/logout", "{}"},
                new String[] {"DELETE", "/api/events/ev-aktau-0103", null},
                new String[] {"PUT", "/api/nothing-here", "{}"});
    }

    @ParameterizedTest
    @MethodSource("writes")
    void everyWriteWithoutASessionIsRefused(String method, String path, String body) throws Exception {
        HttpResponse<String> r = new Client(server).send(method, path, body, false);
        assertEquals(401, r.statusCode(), method + " " + path + " " + r.body());
        assertUnchanged();
    }

    @ParameterizedTest
    @MethodSource("writes")
    void everyWriteWithoutTheCsrfTokenIsRefused(String method, String path, String body) throws Exception {
        Client admin = new Client(server).login("admin1");
        assertEquals(403, admin.send(method, path, body, false).statusCode(), method + " " + path);
        String good = admin.csrf;
        admin.csrf = good.substring(1) + "x";
        assertEquals(403, admin.send(method, path, body, true).statusCode(), "a wrong token: " + method + " " + path);
        assertUnchanged();
    }

    @ParameterizedTest
    @MethodSource("writes")
    void aViewerCannotWrite(String method, String path, String body) throws Exception {
        if (path.equals("/api/logout")) {
            return; // anyone may end their own session
        }
        Client viewer = new Client(server).login("viewer1");
        HttpResponse<String> r = viewer.send(method, path, body, true);
        if (method.equals("DELETE") || method.equals("PUT")) {
            assertEquals(404, r.statusCode(), "no such route: " + method + " " + path + " " + r.body());
        } else {
            assertEquals(403, r.statusCode(), method + " " + path + " " + r.body());
        }
        assertUnchanged();
    }

    @Test
    void aWriteFromAnotherOriginIsRefusedEvenWithTheToken() throws Exception {
        Client coder = new Client(server).login("coder1");
        HttpRequest req = HttpRequest.newBuilder(URI.create(coder.url("/api/events/ev-aktau-0103/accept")))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                .header(Auth.CSRF_HEADER, coder.csrf).header("Origin", "http://evil.example").build();
        assertEquals(403, coder.http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertUnchanged();
    }

    @Test
    void loginNeedsJsonAndTheRightPassword() throws Exception {
        Client c = new Client(server);
        assertEquals(401, c.send("POST", "/api/login", "{\"name\": \"coder1\", \"password\": \"wrong one!\"}", false).statusCode());
        assertEquals(401, c.send("POST", "/api/login", "{\"name\": \"nobody\", \"password\": \"" + PASSWORD + "\"}", false).statusCode());
        HttpRequest form = HttpRequest.newBuilder(URI.create(c.url("/api/login")))
                .POST(HttpRequest.BodyPublishers.ofString("name=coder1&password=a+long+password"))
                .header("Content-Type", "application/x-www-form-urlencoded").build();
        assertEquals(415, c.http.send(form, HttpResponse.BodyHandlers.ofString()).statusCode(), "no cross-site form login");
        assertTrue(c.ok("GET", "/api/session", null).get("user").isNull());
    }

    @Test
    void roleLadderCoderAcceptsReviewerMergesAdminAddsUsers() throws Exception {
        Client coder = new Client(server).login("coder1");
        assertEquals(403, coder.send("POST", "/api/events/ev-aktau-0103/merge", "{\"other\": \"ev-uralsk-0104\"}", true).statusCode());
        assertEquals(403, coder.send("POST", "/api/users", "{\"name\": \"y\", \"password\": \"long enough\"}", true).statusCode());
        Client admin = new Client(server).login("admin1");
        assertEquals(201, admin.send("POST", "/api/users", "{\"name\": \"newcoder\", \"password\": \"long enough\", \"role\": \"coder\"}", true).statusCode());
        JsonNode accounts = JSON.readTree(admin.send("GET", "/api/users", null, false).body());
        JsonNode added = null;
        for (JsonNode a : accounts) {
            if (a.get("name").asText().equals("newcoder")) {
                added = a;
            }
            assertFalse(a.has("password_hash"), "no hashes in the API");
        }
        assertEquals("coder", added.get("role").asText());
        assertEquals(403, coder.send("GET", "/api/users", null, false).statusCode(), "only admins list accounts");
    }

    @Test
    void editAcceptAndTheAuditLog() throws Exception {
        Client coder = new Client(server).login("coder1");
        JsonNode edited = coder.ok("PATCH", "/api/events/ev-taldykorgan-0105",
                "{\"fields\": {\"fatalities\": 4, \"notes\": \"<img src=x onerror=alert(1)>\"}, \"note\": \"per report\"}");
        assertEquals(4, edited.get("fatalities").asInt());
        assertEquals("corrected", edited.get("review_state").asText());
        assertEquals(400, coder.send("PATCH", "/api/events/ev-taldykorgan-0105", "{\"fields\": {\"event_type\": \"Picnic\"}}", true).statusCode());
        coder.ok("POST", "/api/events/ev-taldykorgan-0105/accept", "{}");
        JsonNode history = coder.ok("GET", "/api/events/ev-taldykorgan-0105/history", null);
        assertEquals(2, history.size());
        assertEquals("edit", history.get(0).get("action").asText());
        assertEquals("coder1", history.get(0).get("changed_by").asText());
        assertEquals("per report", history.get(0).get("note").asText());
        assertTrue(history.get(0).get("before").get("fatalities").isNull() || history.get(0).get("before").get("fatalities").asInt() != 4);
        assertEquals(4, history.get(0).get("after").get("fatalities").asInt());
        assertEquals("accept", history.get(1).get("action").asText());
        assertEquals("accepted", new Client(server).ok("GET", "/api/events/ev-taldykorgan-0105", null).get("review_state").asText());

        String csv = new Client(server).send("GET", "/api/events.csv?review=all", null, false).body();
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",review_state"), csv.lines().findFirst().orElseThrow());
        assertTrue(csv.contains(",accepted"), "review state in the CSV download");
        assertTrue(new Client(server).send("GET", "/api/events.jsonl", null, false).body().contains("\"review_state\":\"accepted\""));
        assertTrue(new Client(server).send("GET", "/api/events.geojson", null, false).body().contains("\"review_state\":\"accepted\""));
        // reset for the other tests
        Client reviewer = new Client(server).login("reviewer1");
        reviewer.ok("POST", "/api/events/ev-taldykorgan-0105/reopen", "{}");
    }

    @Test
    void closedServerNeedsALoginToRead() throws Exception {
        Client anonymous = new Client(closed);
        assertEquals(401, anonymous.send("GET", "/api/events", null, false).statusCode());
        assertEquals(401, anonymous.send("GET", "/api/analysis/regions", null, false).statusCode());
        assertEquals(200, anonymous.send("GET", "/", null, false).statusCode(), "the page (with its login form) is served");
        assertEquals(200, anonymous.send("GET", "/api/session", null, false).statusCode());
        Client viewer = new Client(closed).login("viewer1");
        assertEquals(6, viewer.ok("GET", "/api/events", null).size());
    }

    @Test
    void pastedReportIsIngestedAsAJobWithProgress() throws Exception {
        Client coder = new Client(server).login("coder1");
        JsonNode job = coder.ok("POST", "/api/reports", "{\"text\": \"On 6 January 2022 hundreds of people rallied in Aktobe"
                + " demanding lower fuel prices.\", \"published\": \"2022-01-07\", \"title\": \"Aktobe\"}");
        String id = job.get("id").asText();
        JsonNode state = job;
        for (int i = 0; i < 600 && !List.of("done", "failed").contains(state.get("state").asText()); i++) {
            Thread.sleep(100);
            state = coder.ok("GET", "/api/jobs/" + id, null);
        }
        assertEquals("done", state.get("state").asText(), state.toString());
        assertEquals(1, state.get("new_reports").asInt(), state.toString());
        String reportId = state.get("report_ids").get(0).asText();
        assertEquals("Aktobe", coder.ok("GET", "/api/reports/" + reportId, null).get("title").asText());
        assertEquals(400, coder.send("POST", "/api/reports", "{\"text\": \"   \"}", true).statusCode(), "empty text");
    }

    private static void assertUnchanged() {
        assertTrue(store.history("ev-aktau-0103").isEmpty(), "ev-aktau-0103 was changed");
        assertFalse(store.user("x").isPresent());
        assertEquals("viewer", store.user("viewer1").orElseThrow().role());
    }
}
