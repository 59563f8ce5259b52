package org.unrest.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
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
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.unrest.contract.EventJson;
import org.unrest.io.AcledCsvWriter;
import org.unrest.model.Event;
import org.unrest.model.ReportMetadata;
import org.unrest.model.Vocabulary;
import org.unrest.service.AnalysisService;
import org.unrest.service.QueryService;
import org.unrest.service.ReviewException;
import org.unrest.service.Role;
import org.unrest.service.UserService;
import org.unrest.store.Aggregates;
import org.unrest.store.EventColumns;
import org.unrest.store.EventFilter;
import org.unrest.store.HistoryEntry;
import org.unrest.store.StoredReport;

/**
 * The web front end of {@code unrest serve}: the page (map, timeline, analysis views, event detail, review) and
 * the JSON API it calls. Every route is listed in {@code /api/openapi.json} (the file
 * {@code src/main/resources/openapi.json}) and in web/README.md.
 *
 * <p>Safety: reads are open or need a session ({@link WebOptions#openRead()}); every write needs a session, its
 * CSRF token and a role ({@link Auth}). Every answer carries a Content-Security-Policy that allows scripts, styles
 * and data from this origin only; the page builds its DOM from text nodes, so report text and every field stay inert.
 *
 * <p>The server holds no state besides the services and the ingest jobs of this process; several can run on
 * different ports over one database.
 */
public final class WebServer implements AutoCloseable {
    /** The Leaflet WebJar version the page links; keep in step with {@code leaflet.version} in web/pom.xml. */
    public static final String LEAFLET_VERSION = "1.9.4";
    static final String GEOJSON_TYPE = "application/geo+json";
    static final String CSV_TYPE = "text/csv; charset=utf-8";
    private static final int DEFAULT_REPORT_PAGE = 100;
    private static final int MAX_REPORT_PAGE = 1000;
    private static final int QUEUE_PAGE = 50;
    /** The largest upload accepted in one request (the readers refuse files over 20 MB). */
    static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
    /** Nothing is loaded from elsewhere, and nothing the data says can run as script. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final WebServices services;
    private final QueryService queries;
    private final WebOptions options;
    private final Auth auth;
    private final ObjectMapper mapper;
    private final String indexHtml;
    private final String openApi;
    private IngestJobs jobs;
    private TrainJobs trainJobs;
    private Javalin app;

    /** A read-only server: open reading, no accounts, no writes. */
    public WebServer(QueryService queries) {
        this(new WebServices(queries, new AnalysisService(queries.store()), null, null, null), WebOptions.defaults());
    }

    public WebServer(WebServices services, WebOptions options) {
        this.services = Objects.requireNonNull(services, "services");
        this.queries = services.queries();
        this.options = Objects.requireNonNull(options, "options");
        this.auth = new Auth(services.users(), options);
        this.mapper = objectMapper();
        this.indexHtml = classpathText("/static/index.html");
        this.openApi = classpathText("/openapi.json");
    }

    /** The JSON mapper the API writes with: java.time as ISO strings, not timestamps. */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .propertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
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
        if (services.ingest() != null) {
            jobs = new IngestJobs(services.ingest());
        }
        if (services.users() != null) {
            trainJobs = new TrainJobs(queries.store(), options.trainData(), options.models());
        }
        Javalin created = create();
        created.start(host, port);
        app = created;
        // load the analysis columns now rather than on the first request (seconds for a large store)
        Thread warm = new Thread(() -> {
            try {
                services.analysis().warmUp();
            } catch (RuntimeException e) {
                System.err.println("unrest serve: analysis columns not loaded ahead: " + e.getMessage());
            }
        }, "unrest-warm-up");
        warm.setDaemon(true);
        warm.start();
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
        if (jobs != null) {
            jobs.close();
            jobs = null;
        }
        if (trainJobs != null) {
            trainJobs.close();
            trainJobs = null;
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
                files.precompress = true; // compressed once, kept in memory (the boundaries are 1.5 MB)
            });
            // fast gzip: the map's points for 100,000 events are 4 MB of JSON, compressed on every answer
            config.http.gzipOnlyCompression(1);
            config.staticFiles.enableWebjars();
            config.http.maxRequestSize = MAX_UPLOAD_BYTES;
            config.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
        });
        javalin.before(ctx -> {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            if (ctx.path().startsWith("/api/")) {
                ctx.header("Cache-Control", "no-store");
            }
        });
        // reads
        javalin.get("/", ctx -> ctx.html(indexHtml));
        javalin.get("/favicon.ico", ctx -> ctx.status(204));
        javalin.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        javalin.get("/api/session", this::sessionInfo);
        javalin.get("/api/vocabulary", ctx -> read(ctx, this::vocabulary));
        javalin.get("/api/events", ctx -> read(ctx, this::events));
        javalin.get("/api/events.geojson", ctx -> read(ctx, this::eventsGeoJson));
        javalin.get("/api/map", ctx -> read(ctx, this::mapPoints));
        javalin.get("/api/events.csv", ctx -> read(ctx, this::eventsCsv));
        javalin.get("/api/events.jsonl", ctx -> read(ctx, this::eventsJsonl));
        javalin.get("/api/events/{id}", ctx -> read(ctx, this::event));
        javalin.get("/api/events/{id}/history", ctx -> read(ctx, this::history));
        javalin.get("/api/review/queue", ctx -> read(ctx, this::queue));
        javalin.get("/api/reports", ctx -> read(ctx, this::reports));
        javalin.get("/api/reports/{id}", ctx -> read(ctx, this::report));
        javalin.get("/api/search", ctx -> read(ctx, this::search));
        javalin.get("/api/stats", ctx -> read(ctx, c -> c.json(new Stats(queries.countEvents(), queries.countReports()))));
        javalin.get("/api/analysis/{view}", ctx -> read(ctx, this::analysis));
        javalin.get("/api/jobs/{id}", ctx -> read(ctx, this::job));
        javalin.get("/api/users", this::users);
        // writes: each checks origin, session, CSRF token and role first
        javalin.post("/api/login", this::login);
        javalin.post("/api/logout", this::logout);
        javalin.post("/api/events/{id}/accept", ctx -> review(ctx, Role.CODER, "accept"));
        javalin.post("/api/events/{id}/reject", ctx -> review(ctx, Role.CODER, "reject"));
        javalin.post("/api/events/{id}/reopen", ctx -> review(ctx, Role.REVIEWER, "reopen"));
        javalin.patch("/api/events/{id}", this::edit);
        javalin.post("/api/events/{id}/merge", this::merge);
        javalin.post("/api/events/{id}/split", this::split);
        javalin.post("/api/reports", this::upload);
        javalin.post("/api/train", this::train);
        javalin.post("/api/users", this::addUser);
        javalin.patch("/api/users/{name}", this::changeUser);
        // anything else that writes is refused the same way before it can be "not found"
        javalin.before("/api/*", ctx -> {
            if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD
                    && ctx.method() != HandlerType.OPTIONS && !ctx.path().equals("/api/login")) {
                auth.checkWrite(ctx, Role.VIEWER);
            }
        });

        javalin.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        javalin.exception(ReviewException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        javalin.exception(NoSuchElementException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        javalin.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        javalin.exception(Exception.class, (e, ctx) -> error(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(),
                "internal error: " + e.getClass().getSimpleName()));
        // Paths that match no route or file (Javalin answers those without throwing to the mapper).
        javalin.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, HttpStatus.NOT_FOUND.getCode(), "not found: " + ctx.method() + " " + ctx.path());
            }
        });
        javalin.error(HttpStatus.METHOD_NOT_ALLOWED, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, 405, "method not allowed: " + ctx.method() + " " + ctx.path());
            }
        });
        return javalin;
    }

    @FunctionalInterface
    private interface Handler {
        void handle(Context ctx) throws Exception;
    }

    private void read(Context ctx, Handler h) throws Exception {
        auth.checkRead(ctx);
        h.handle(ctx);
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

    // ---- sessions and accounts --------------------------------------------------------------------------

    private void sessionInfo(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("open_read", options.openRead());
        m.put("accounts", auth.accountsEnabled());
        m.put("uploads", services.ingest() != null);
        m.put("training", trainJobs != null);
        auth.session(ctx).ifPresentOrElse(s -> {
            m.put("user", s.user());
            m.put("role", s.role().wire());
            m.put("csrf_token", s.csrfToken());
            m.put("expires_at", s.expiresAt());
        }, () -> m.put("user", null));
        ctx.json(m);
    }

    private void login(Context ctx) {
        Auth.checkOrigin(ctx);
        if (!auth.accountsEnabled()) {
            throw new HttpResponseException(503, "this server has no accounts");
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new HttpResponseException(415, "send the login as JSON: {\"name\": ..., \"password\": ...}");
        }
        JsonNode body = body(ctx);
        String name = body.path("name").asText(null);
        String password = body.path("password").asText(null);
        UserService.Session s = services.users().login(name, password == null ? null : password.toCharArray())
                .orElseThrow(() -> new HttpResponseException(401, "wrong name or password"));
        auth.setCookie(ctx, s);
        ctx.json(Map.of("user", s.user(), "role", s.role().wire(), "csrf_token", s.csrfToken()));
    }

    private void logout(Context ctx) {
        UserService.Session s = auth.checkWrite(ctx, Role.VIEWER);
        services.users().logout(s);
        auth.clearCookie(ctx);
        ctx.json(Map.of("user", "", "logged_out", true));
    }

    private void users(Context ctx) {
        UserService.Session s = auth.session(ctx).orElseThrow(() -> new HttpResponseException(401, "log in first"));
        if (!s.role().atLeast(Role.ADMIN)) {
            throw new HttpResponseException(403, "only an admin can list accounts");
        }
        ctx.json(services.users().accounts().stream().map(AccountView::of).toList());
    }

    private void addUser(Context ctx) {
        auth.checkWrite(ctx, Role.ADMIN);
        JsonNode b = body(ctx);
        String password = b.path("password").asText("");
        ctx.status(201).json(AccountView.of(services.users().add(b.path("name").asText(null), password.toCharArray(),
                Role.parse(b.path("role").asText("viewer")))));
    }

    private void changeUser(Context ctx) {
        auth.checkWrite(ctx, Role.ADMIN);
        JsonNode b = body(ctx);
        String name = ctx.pathParam("name");
        if (b.hasNonNull("role")) {
            services.users().setRole(name, Role.parse(b.get("role").asText()));
        }
        if (b.hasNonNull("password")) {
            services.users().setPassword(name, b.get("password").asText().toCharArray());
        }
        ctx.json(services.users().accounts().stream().filter(a -> a.name().equals(name)).findFirst()
                .map(AccountView::of).orElseThrow(() -> new NoSuchElementException("no user called " + name)));
    }

    /** An account as the API shows it (never the hash). */
    public record AccountView(String name, String role, java.time.Instant createdAt) {
        static AccountView of(UserService.Account a) {
            return new AccountView(a.name(), a.role().wire(), a.createdAt());
        }
    }

    private JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode n = mapper.readTree(text);
            if (n == null || !n.isObject()) {
                throw new BadRequestResponse("the request body must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new BadRequestResponse("the request body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    // ---- events -----------------------------------------------------------------------------------------

    private void vocabulary(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_types", Vocabulary.SUB_EVENT_TYPES);
        m.put("forms", new java.util.TreeSet<>(Vocabulary.FORMS));
        m.put("actor_types", new java.util.TreeSet<>(Vocabulary.ACTOR_TYPES));
        m.put("state_responses", Vocabulary.STATE_RESPONSES);
        m.put("demand_categories", Vocabulary.DEMAND_CATEGORIES);
        m.put("review_states", List.of("unreviewed", "accepted", "corrected", "rejected", "merged"));
        m.put("roles", List.of("viewer", "coder", "reviewer", "admin"));
        ctx.json(m);
    }

    private void events(Context ctx) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Event e : queries.events(Params.filter(ctx, 0, Integer.MAX_VALUE))) {
            out.add(EventJson.toFull(e));
        }
        ctx.json(out);
    }

    private void event(Context ctx) {
        String id = ctx.pathParam("id");
        Event e = queries.event(id).orElseThrow(() -> new NotFoundResponse("no event with id " + id));
        ctx.json(EventJson.toFull(e));
    }

    private void history(Context ctx) {
        String id = ctx.pathParam("id");
        queries.event(id).orElseThrow(() -> new NotFoundResponse("no event with id " + id));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (HistoryEntry h : queries.history(id)) {
            ObjectNode o = out.addObject();
            o.put("id", h.id());
            o.put("changed_at", h.changedAt().toString());
            o.put("changed_by", h.changedBy());
            o.put("action", h.action());
            o.put("note", h.note());
            o.set("before", h.before() == null ? null : EventJson.toContract(h.before()).put("review_state",
                    h.before().reviewState().wire()));
            o.set("after", h.after() == null ? null : EventJson.toContract(h.after()).put("review_state",
                    h.after().reviewState().wire()));
        }
        ctx.json(out);
    }

    private void queue(Context ctx) {
        EventFilter f = Params.filter(ctx, QUEUE_PAGE, 1000);
        if (ctx.queryParam("review") == null) {
            f = f.toBuilder().reviewStates(List.of("unreviewed")).build();
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Event e : services.review() == null ? List.<Event>of() : services.review().queue(f)) {
            out.add(EventJson.toFull(e));
        }
        ctx.json(out);
    }

    /** Map points straight from the store's columns, streamed: fast for many events. */
    private void eventsGeoJson(Context ctx) throws IOException {
        List<Aggregates.MapPoint> points = services.analysis().mapPoints(Params.filter(ctx, 0, Integer.MAX_VALUE));
        ByteArrayOutputStream buf = new ByteArrayOutputStream(Math.max(1024, points.size() * 300));
        try (JsonGenerator g = mapper.getFactory().createGenerator(buf)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Aggregates.MapPoint p : points) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", p.eventId());
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "Point");
                g.writeArrayFieldStart("coordinates");
                g.writeNumber(p.lon());
                g.writeNumber(p.lat());
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                g.writeStringField("event_id", p.eventId());
                g.writeStringField("event_date", p.eventDate() == null ? null : p.eventDate().toString());
                g.writeStringField("end_date", p.endDate() == null ? null : p.endDate().toString());
                g.writeStringField("event_type", p.eventType());
                g.writeStringField("sub_event_type", p.subEventType());
                g.writeStringField("place", p.place());
                g.writeStringField("admin1", p.admin1());
                g.writeStringField("country", p.country());
                if (p.fatalities() == null) {
                    g.writeNullField("fatalities");
                } else {
                    g.writeNumberField("fatalities", p.fatalities());
                }
                g.writeStringField("review_state", p.reviewState());
                g.writeNumberField("confidence", Math.round(p.confidence() * 1000) / 1000.0);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        ctx.contentType(GEOJSON_TYPE).result(buf.toByteArray());
    }

    /**
     * The map's points in a compact, column-wise form (the page builds its markers from it): per point its id,
     * longitude and latitude in 1/100,000 degrees (whole numbers, about a metre), and indexes into the lists of types, sub-types,
     * places (the place's name, else its region) and days; -1 where a value is missing. Points come by date, then
     * id. About 30 bytes a point instead of GeoJSON's 400; the GeoJSON stays as a download.
     */
    private void mapPoints(Context ctx) throws IOException {
        EventColumns.MapData m = services.analysis().mapData(Params.filter(ctx, 0, Integer.MAX_VALUE));
        int n = m.ids().size();
        ByteArrayOutputStream buf = new ByteArrayOutputStream(Math.max(1024, n * 44));
        try (JsonGenerator g = mapper.getFactory().createGenerator(buf)) {
            g.writeStartObject();
            g.writeNumberField("count", n);
            writeStrings(g, "types", m.types());
            writeStrings(g, "sub_types", m.subTypes());
            writeStrings(g, "places", m.places());
            writeStrings(g, "days", m.days().stream().map(LocalDate::toString).toList());
            writeStrings(g, "id", m.ids());
            writeInts(g, "lon_e5", m.lonE5());
            writeInts(g, "lat_e5", m.latE5());
            writeInts(g, "type", m.type());
            writeInts(g, "sub_type", m.subType());
            writeInts(g, "place", m.place());
            writeInts(g, "day", m.day());
            g.writeEndObject();
        }
        ctx.contentType("application/json").result(buf.toByteArray());
    }

    private static void writeStrings(JsonGenerator g, String name, java.util.Collection<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeInts(JsonGenerator g, String name, int[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    /** ACLED's columns plus {@code review_state}, for the events the filters select. */
    private void eventsCsv(Context ctx) throws IOException {
        List<Event> events = queries.events(Params.filter(ctx, 0, Integer.MAX_VALUE));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        AcledCsvWriter acled = new AcledCsvWriter(OutputStream.nullOutputStream());
        List<String> header = new ArrayList<>(AcledCsvWriter.COLUMNS);
        header.add("review_state");
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(buf, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build())) {
            for (Event e : events) {
                List<String> row = new ArrayList<>(acled.row(e));
                row.add(e.reviewState().wire());
                csv.printRecord(row);
            }
        }
        download(ctx, "events.csv", CSV_TYPE, buf.toByteArray());
    }

    /** The contract's lines plus {@code review_state}, for the events the filters select. */
    private void eventsJsonl(Context ctx) {
        StringBuilder b = new StringBuilder();
        for (Event e : queries.events(Params.filter(ctx, 0, Integer.MAX_VALUE))) {
            ObjectNode o = EventJson.toContract(e);
            o.put("review_state", e.reviewState().wire());
            b.append(write(o)).append('\n');
        }
        download(ctx, "events.jsonl", "application/x-ndjson; charset=utf-8", b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void download(Context ctx, String name, String type, byte[] body) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType(type).result(body);
    }

    // ---- review -------------------------------------------------------------------------------------------

    private void review(Context ctx, Role role, String action) {
        UserService.Session s = auth.checkWrite(ctx, role);
        String id = ctx.pathParam("id");
        String note = body(ctx).path("note").asText(null);
        Event e = switch (action) {
            case "accept" -> services.review().accept(id, s.user(), note);
            case "reject" -> services.review().reject(id, s.user(), note);
            default -> services.review().reopen(id, s.user(), note);
        };
        ctx.json(EventJson.toFull(e));
    }

    private void edit(Context ctx) {
        UserService.Session s = auth.checkWrite(ctx, Role.CODER);
        JsonNode b = body(ctx);
        JsonNode fields = b.has("fields") ? b.get("fields") : b;
        String note = b.has("fields") ? b.path("note").asText(null) : null;
        ctx.json(EventJson.toFull(services.review().edit(ctx.pathParam("id"), s.user(), fields, note)));
    }

    private void merge(Context ctx) {
        UserService.Session s = auth.checkWrite(ctx, Role.REVIEWER);
        JsonNode b = body(ctx);
        String other = b.path("other").asText(null);
        if (other == null || other.isBlank()) {
            throw new BadRequestResponse("name the event to merge into this one: {\"other\": \"event id\"}");
        }
        ctx.json(EventJson.toFull(services.review().merge(ctx.pathParam("id"), other, s.user(),
                b.path("note").asText(null))));
    }

    private void split(Context ctx) {
        UserService.Session s = auth.checkWrite(ctx, Role.REVIEWER);
        JsonNode b = body(ctx);
        List<JsonNode> parts = new ArrayList<>();
        b.path("parts").forEach(parts::add);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        services.review().split(ctx.pathParam("id"), s.user(), parts, b.path("note").asText(null))
                .forEach(e -> out.add(EventJson.toFull(e)));
        ctx.json(out);
    }

    // ---- reports ------------------------------------------------------------------------------------------

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
        int offset = Params.integer(ctx, "offset", 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx, "limit", DEFAULT_REPORT_PAGE, MAX_REPORT_PAGE);
        List<ReportView> out = queries.reports(offset, limit).stream().map(r -> ReportView.of(r, false)).toList();
        ctx.json(out);
    }

    private void search(Context ctx) {
        String q = Params.text(ctx, "q");
        if (q == null) {
            throw new BadRequestResponse("query parameter q (the words to find) is missing");
        }
        int limit = Params.integer(ctx, "limit", 50, 500);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reports", queries.searchReports(q, limit));
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        for (Event e : queries.events(EventFilter.builder().text(q).reviewStates(Params.DEFAULT_REVIEW)
                .limit(limit).build())) {
            ObjectNode o = events.addObject();
            o.put("event_id", e.eventId());
            o.put("event_date", e.eventDate() == null ? null : e.eventDate().toString());
            o.put("event_type", e.eventType());
            o.put("sub_event_type", e.subEventType());
            o.put("place", e.location() == null ? null : e.location().name() != null ? e.location().name() : e.location().text());
            o.put("notes", e.notes());
        }
        m.put("events", events);
        ctx.json(m);
    }

    /**
     * Reports to ingest: multipart {@code file} parts (any format the CLI reads), or a JSON body
     * {@code {"text": ..., "title", "published", "url", "publisher", "language"}} for pasted text. Metadata fields
     * (form fields or JSON) apply to every report of the request, as the CLI's options do. Answers 202 with a job.
     */
    private void upload(Context ctx) {
        UserService.Session s = auth.checkWrite(ctx, Role.CODER);
        if (jobs == null) {
            throw new HttpResponseException(503, "this server does not ingest reports");
        }
        List<IngestJobs.Upload> uploads = new ArrayList<>();
        ReportMetadata overrides;
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            for (UploadedFile f : ctx.uploadedFiles("file")) {
                try (InputStream in = f.content()) {
                    uploads.add(new IngestJobs.Upload(f.filename(), in.readAllBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            String text = ctx.formParam("text");
            if (text != null && !text.isBlank()) {
                uploads.add(new IngestJobs.Upload("pasted.txt", text.getBytes(StandardCharsets.UTF_8)));
            }
            overrides = metadata(ctx.formParam("published"), ctx.formParam("url"), ctx.formParam("publisher"),
                    ctx.formParam("language"), ctx.formParam("title"));
        } else if (type.startsWith("application/json")) {
            JsonNode b = body(ctx);
            String text = b.path("text").asText("");
            if (text.isBlank()) {
                throw new BadRequestResponse("the report text is empty");
            }
            uploads.add(new IngestJobs.Upload(b.path("name").asText("pasted.txt"), text.getBytes(StandardCharsets.UTF_8)));
            overrides = metadata(b.path("published").asText(null), b.path("url").asText(null),
                    b.path("publisher").asText(null), b.path("language").asText(null), b.path("title").asText(null));
        } else {
            throw new HttpResponseException(415, "send files as multipart/form-data (field \"file\") or pasted text as JSON");
        }
        if (uploads.isEmpty()) {
            throw new BadRequestResponse("no file and no text to ingest");
        }
        ctx.status(202).json(jobs.submit(s.user(), uploads, overrides).view());
    }

    private static ReportMetadata metadata(String published, String url, String publisher, String language,
                                           String title) {
        LocalDate date = null;
        if (published != null && !published.isBlank()) {
            try {
                date = LocalDate.parse(published.strip());
            } catch (DateTimeParseException e) {
                throw new BadRequestResponse("published must be a date YYYY-MM-DD, not " + Params.quote(published));
            }
        }
        return new ReportMetadata(blank(url), blank(publisher), date, blank(language), blank(title), Map.of());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void job(Context ctx) {
        String id = ctx.pathParam("id");
        IngestJobs.Job j = jobs == null ? null : jobs.job(id).orElse(null);
        if (j != null) {
            ctx.json(j.view());
            return;
        }
        TrainJobs.Job t = trainJobs == null ? null : trainJobs.job(id).orElse(null);
        if (t == null) {
            throw new NotFoundResponse("no job " + id);
        }
        ctx.json(t.view());
    }

    // ---- retraining ---------------------------------------------------------------------------------------

    /**
     * Retrains the classifiers in the background (admin): the Mass Mobilization CSV of {@link WebOptions#trainData()}
     * plus the events reviewed in this store; the models go to {@link WebOptions#models()}. Answers 202 with a job
     * to poll at {@code /api/jobs/{id}}; 409 when the CSV is missing or a retraining is already running.
     */
    private void train(Context ctx) {
        UserService.Session s = auth.checkWrite(ctx, Role.ADMIN);
        if (trainJobs == null) {
            throw new HttpResponseException(503, "this server does not retrain models");
        }
        java.nio.file.Path data = trainJobs.data();
        if (!java.nio.file.Files.isRegularFile(data)) {
            throw new HttpResponseException(409, "no Mass Mobilization CSV at " + data.toAbsolutePath().normalize()
                    + " to train on; start the server with --train-data PATH");
        }
        try {
            ctx.status(202).json(trainJobs.submit(s.user()).view());
        } catch (TrainJobs.BusyException e) {
            ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", 409);
            m.put("error", e.getMessage());
            m.put("job", e.running.id);
            ctx.status(409).json(m);
        }
    }

    // ---- analysis -----------------------------------------------------------------------------------------

    static final Set<String> VIEWS = Set.of("timeline", "spread", "escalation", "regions", "actors");

    /** {@code /api/analysis/{view}} as JSON, or {@code /api/analysis/{view}.csv} as CSV with the same columns. */
    private void analysis(Context ctx) throws IOException {
        String view = ctx.pathParam("view");
        boolean csv = view.endsWith(".csv");
        if (csv) {
            view = view.substring(0, view.length() - 4);
        }
        if (!VIEWS.contains(view)) {
            throw new NotFoundResponse("no analysis view " + view + " (views: " + String.join(", ",
                    new java.util.TreeSet<>(VIEWS)) + ")");
        }
        EventFilter f = Params.filter(ctx, 0, Integer.MAX_VALUE);
        AnalysisService a = services.analysis();
        List<? extends Record> rows = switch (view) {
            case "timeline" -> a.timeline(f);
            case "spread" -> a.spread(f);
            case "escalation" -> a.escalation(f);
            case "regions" -> a.regions(f);
            default -> a.actors(f);
        };
        if (!csv) {
            ctx.json(rows);
            return;
        }
        download(ctx, view + ".csv", CSV_TYPE, recordsCsv(rows, columnsOf(view)));
    }

    /** The CSV columns of each view: the JSON field names, in the records' order. */
    private static List<String> columnsOf(String view) {
        Class<?> type = switch (view) {
            case "timeline" -> Aggregates.DayTypeCount.class;
            case "spread" -> AnalysisService.SpreadRow.class;
            case "escalation" -> AnalysisService.EscalationRow.class;
            case "regions" -> AnalysisService.RegionComparison.class;
            default -> Aggregates.ActorRow.class;
        };
        List<String> cols = new ArrayList<>();
        for (var c : type.getRecordComponents()) {
            cols.add(c.getName());
        }
        return cols;
    }

    private byte[] recordsCsv(List<? extends Record> rows, List<String> columns) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                     .setHeader(columns.stream().map(WebServer::snake).toArray(String[]::new)).build())) {
            for (Record r : rows) {
                List<Object> values = new ArrayList<>();
                for (var c : r.getClass().getRecordComponents()) {
                    try {
                        Object v = c.getAccessor().invoke(r);
                        values.add(v == null ? "" : csvSafe(v.toString()));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                csv.printRecord(values);
            }
        }
        return buf.toByteArray();
    }

    /** A cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe. */
    static String csvSafe(String v) {
        if (!v.isEmpty() && "=+@\t\r".indexOf(v.charAt(0)) >= 0) {
            return "'" + v;
        }
        if (v.startsWith("-") && !v.matches("-\\d+(\\.\\d+)?")) {
            return "'" + v;
        }
        return v;
    }

    /** firstProtestDay → first_protest_day, as the JSON API names it. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
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
