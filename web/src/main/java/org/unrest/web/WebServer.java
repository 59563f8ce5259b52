package org.unrest.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.unrest.contract.EventJson;
import org.unrest.model.Event;
import org.unrest.model.ReportMetadata;
import org.unrest.service.QueryService;
import org.unrest.store.EventQuery;
import org.unrest.store.StoredReport;

/**
 * The web front end of {@code unrest serve}: a JSON API over {@link QueryService} and the map page that calls it.
 *
 * <p>Routes (every API answer is JSON; errors are {@code {"status": 404, "error": "..."}}):
 * <ul>
 *   <li>{@code GET /}: the page (map and event list); its assets under {@code /static/}, Leaflet under
 *       {@code /webjars/leaflet/1.9.4/dist/}, boundaries under {@code /static/geo/}.</li>
 *   <li>{@code GET /api/events}: array of events as {@link EventJson#toFull}; query parameters {@code from},
 *       {@code to} (ISO dates, inclusive), {@code type} (event_type), {@code country}, {@code admin1},
 *       {@code report} (report id), {@code offset}, {@code limit}.</li>
 *   <li>{@code GET /api/events/{id}}: one event.</li>
 *   <li>{@code GET /api/events.geojson}: the same filters, as a GeoJSON FeatureCollection of Points.</li>
 *   <li>{@code GET /api/reports/{id}}: a report's stored text and metadata; event spans index into its text.</li>
 *   <li>{@code GET /api/reports}: report metadata without text, in ingest order ({@code offset}, {@code limit}).</li>
 *   <li>{@code GET /api/stats}: counts of stored events and reports.</li>
 * </ul>
 * The server holds no state of its own besides the service; it is safe to start several on different ports.
 */
public final class WebServer implements AutoCloseable {
    /** The Leaflet WebJar version the page links; keep in step with {@code leaflet.version} in web/pom.xml. */
    public static final String LEAFLET_VERSION = "1.9.4";
    static final String GEOJSON_TYPE = "application/geo+json";
    private static final int DEFAULT_REPORT_PAGE = 100;
    private static final int MAX_REPORT_PAGE = 1000;
    /** Nothing is loaded from elsewhere, and nothing the data says can run as script. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final QueryService queries;
    private final ObjectMapper mapper;
    private final String indexHtml;
    private Javalin app;

    public WebServer(QueryService queries) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.mapper = objectMapper();
        this.indexHtml = classpathText("/static/index.html");
    }

    /** The JSON mapper the API writes with: java.time as ISO strings, not timestamps. */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** Starts listening on {@code port} (0: a free port, see {@link #port()}) on all interfaces. */
    public synchronized WebServer start(int port) {
        return start("0.0.0.0", port);
    }

    /** Starts listening on {@code host}:{@code port}; use "127.0.0.1" to keep the server local. */
    public synchronized WebServer start(String host, int port) {
        if (app != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        Javalin created = create();
        created.start(host, port);
        app = created;
        return this;
    }

    /** The port the server listens on. */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return app.port();
    }

    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Javalin create() {
        Javalin javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
        javalin.before(ctx -> {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        javalin.get("/", ctx -> ctx.html(indexHtml));
        javalin.get("/api/events", this::events);
        javalin.get("/api/events.geojson", this::eventsGeoJson);
        javalin.get("/api/events/{id}", this::event);
        javalin.get("/api/reports", this::reports);
        javalin.get("/api/reports/{id}", this::report);
        javalin.get("/api/stats", ctx -> ctx.json(new Stats(queries.countEvents(), queries.countReports())));
        javalin.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        javalin.exception(Exception.class, (e, ctx) -> error(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(),
                "internal error: " + e.getClass().getSimpleName()));
        // Paths that match no route or file (Javalin answers those without throwing to the mapper).
        javalin.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, HttpStatus.NOT_FOUND.getCode(), "not found: " + ctx.method() + " " + ctx.path());
            }
        });
        return javalin;
    }

    private static final String ERROR_WRITTEN = "unrest.error";

    /** The API's error body. */
    public record ApiError(int status, String error) {
    }

    /** Counts of what is stored. */
    public record Stats(long events, long reports) {
    }

    private static void error(Context ctx, int status, String message) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status).json(new ApiError(status, message));
    }

    private void events(Context ctx) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Event e : queries.events(query(ctx))) {
            out.add(EventJson.toFull(e));
        }
        ctx.json(out);
    }

    private void event(Context ctx) {
        String id = ctx.pathParam("id");
        Event e = queries.event(id).orElseThrow(() -> new NotFoundResponse("no event with id " + id));
        ctx.json(EventJson.toFull(e));
    }

    private void eventsGeoJson(Context ctx) {
        ObjectNode fc = JsonNodeFactory.instance.objectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (Event e : queries.events(query(ctx))) {
            if (e.location() == null || e.location().lat() == null || e.location().lon() == null) {
                continue; // not placed on the map; still listed by /api/events
            }
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", e.eventId());
            ObjectNode g = f.putObject("geometry");
            g.put("type", "Point");
            g.putArray("coordinates").add(e.location().lon()).add(e.location().lat());
            ObjectNode p = f.putObject("properties");
            p.put("event_id", e.eventId());
            p.put("event_date", e.eventDate() == null ? null : e.eventDate().toString());
            p.put("end_date", e.endDate() == null ? null : e.endDate().toString());
            p.put("event_type", e.eventType());
            p.put("sub_event_type", e.subEventType());
            p.put("place", e.location().name() != null ? e.location().name() : e.location().text());
            p.put("admin1", e.location().admin1());
            p.put("country", e.location().country());
            p.put("geo_precision", e.location().geoPrecision());
            if (e.fatalities() == null) {
                p.putNull("fatalities");
            } else {
                p.put("fatalities", e.fatalities());
            }
            p.put("notes", e.notes());
        }
        ctx.contentType(GEOJSON_TYPE).result(write(fc));
    }

    /** A report as the API gives it: the stored text (every span indexes into it) and its metadata. */
    public record ReportView(String id, String text, String url, String publisher, LocalDate published,
                             String language, String title, String content_hash, java.time.Instant ingested_at) {
        static ReportView of(StoredReport r, boolean withText) {
            ReportMetadata m = r.report().metadata();
            return new ReportView(r.report().id(), withText ? r.report().text() : null, m.url(), m.publisher(),
                    m.published(), m.language(), m.title(), r.contentHash(), r.ingestedAt());
        }
    }

    private void report(Context ctx) {
        String id = ctx.pathParam("id");
        StoredReport r = queries.report(id).orElseThrow(() -> new NotFoundResponse("no report with id " + id));
        ctx.json(ReportView.of(r, true));
    }

    private void reports(Context ctx) {
        int offset = intParam(ctx, "offset", 0, Integer.MAX_VALUE);
        int limit = intParam(ctx, "limit", DEFAULT_REPORT_PAGE, MAX_REPORT_PAGE);
        List<ReportView> out = queries.reports(offset, limit).stream().map(r -> ReportView.of(r, false)).toList();
        ctx.json(out);
    }

    static EventQuery query(Context ctx) {
        return new EventQuery(dateParam(ctx, "from"), dateParam(ctx, "to"), textParam(ctx, "type"),
                textParam(ctx, "country"), textParam(ctx, "admin1"), textParam(ctx, "report"),
                intParam(ctx, "offset", 0, Integer.MAX_VALUE), intParam(ctx, "limit", 0, Integer.MAX_VALUE));
    }

    private static String textParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static LocalDate dateParam(Context ctx, String name) {
        String v = textParam(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("query parameter " + name + " must be a date YYYY-MM-DD, not " + quote(v));
        }
    }

    private static int intParam(Context ctx, String name, int dflt, int max) {
        String v = textParam(ctx, name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, max);
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("query parameter " + name + " must be a whole number >= 0, not " + quote(v));
        }
    }

    private static String quote(String v) {
        return "\"" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\"";
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpathText(String path) {
        try (InputStream in = WebServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
