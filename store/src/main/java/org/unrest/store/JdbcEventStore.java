package org.unrest.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.ConnectionPoolDataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.unrest.contract.EventJson;
import org.unrest.model.Event;
import org.unrest.model.Location;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;

/**
 * {@link EventStore} over JDBC: embedded H2 (the default, one file per store) or PostgreSQL. The schema comes
 * from the Flyway migrations in {@code db/migration}, applied on {@link #open}. Each event is kept whole as
 * {@link EventJson#fullLine} in {@code events.payload}; the other event columns are copies for filtering
 * (and {@code confidence} keeps the unrounded value).
 *
 * <p>Thread-safe: every call takes its own connection from a small pool.
 */
public final class JdbcEventStore implements EventStore {
    /** H2 options for a store given as a file path. */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() { };

    private final JdbcConnectionPool pool;
    private final String location;
    private final Clock clock;

    private JdbcEventStore(JdbcConnectionPool pool, String location, Clock clock) {
        this.pool = pool;
        this.location = location;
        this.clock = clock;
    }

    /** Opens the default store, {@link StoreLocations#defaultDatabasePath()}. */
    public static JdbcEventStore openDefault() {
        return open(StoreLocations.defaultDatabasePath());
    }

    /**
     * Opens (creating and migrating as needed) the store at {@code db}, which is either
     * <ul>
     *   <li>a JDBC URL: {@code jdbc:postgresql://host:port/db?user=..&password=..} or {@code jdbc:h2:...}
     *       (used as given), or</li>
     *   <li>a file path: an embedded H2 database in PostgreSQL mode; H2 writes {@code <path>.mv.db} (a trailing
     *       {@code .mv.db} in the path is dropped) and the parent directories are created.</li>
     * </ul>
     *
     * @throws StoreException naming the location if the database cannot be reached, created or migrated
     */
    public static JdbcEventStore open(String db) {
        return open(db, Clock.systemUTC());
    }

    static JdbcEventStore open(String db, Clock clock) {
        if (db == null || db.isBlank()) {
            throw new IllegalArgumentException("no database given: pass a file path or a JDBC URL");
        }
        db = db.strip();
        ConnectionPoolDataSource source;
        String location;
        if (db.startsWith("jdbc:postgresql:")) {
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            try {
                pg.setURL(db);
            } catch (IllegalArgumentException e) {
                throw new StoreException("bad PostgreSQL URL " + redact(db) + ": " + e.getMessage(), e);
            }
            pg.setApplicationName("unrest");
            source = pg;
            location = redact(db);
        } else if (db.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(db);
            source = h2;
            location = redact(db);
        } else if (db.startsWith("jdbc:")) {
            throw new IllegalArgumentException("unsupported JDBC URL " + redact(db)
                    + ": use jdbc:postgresql:... or jdbc:h2:..., or give a file path for an embedded store");
        } else {
            Path path = h2Path(db);
            location = "jdbc:h2:file:" + path;
            try {
                Files.createDirectories(path.getParent());
            } catch (IOException | SecurityException e) {
                throw new StoreException("cannot create the directory " + path.getParent()
                        + " for the event store " + location + ": " + e, e);
            }
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + path + H2_OPTIONS);
            h2.setUser("");
            h2.setPassword("");
            source = h2;
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(8);
        pool.setLoginTimeout(30);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StoreException("cannot open the event store at " + location + ": " + rootMessage(e), e);
        }
        return new JdbcEventStore(pool, location, clock);
    }

    private static Path h2Path(String db) {
        String p = db.endsWith(".mv.db") ? db.substring(0, db.length() - ".mv.db".length()) : db;
        if (p.indexOf(';') >= 0) {
            throw new IllegalArgumentException("a store path may not contain ';': " + db);
        }
        Path path = Path.of(p).toAbsolutePath().normalize();
        if (path.getFileName() == null || Files.isDirectory(path)) {
            throw new IllegalArgumentException("a store path names a file (without .mv.db), not a directory: " + db);
        }
        return path;
    }

    /** The URL with any password replaced by {@code ***}, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public AddOutcome addReport(Report report, List<Event> events, List<Event> updated) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(updated, "updated");
        for (Event e : events) {
            Objects.requireNonNull(e, "event");
            if (e.eventId() == null || e.eventId().isBlank()) {
                throw new IllegalArgumentException("event without an event_id in report " + report.id());
            }
        }
        checkStorableText(report);
        String hash = report.contentHash();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (hashStored(c, hash)) {
                    c.rollback();
                    return AddOutcome.DUPLICATE;
                }
                insertReport(c, report, hash);
                for (Event e : events) {
                    insertEvent(c, report.id(), e);
                }
                for (Event e : updated) {
                    replaceMergedEvent(c, report.id(), e);
                }
                c.commit();
                return AddOutcome.ADDED;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                // a concurrent add of the same text won the race to the unique content_hash: a duplicate
                if (e instanceof SQLException && hashStoredNow(hash)) {
                    return AddOutcome.DUPLICATE;
                }
                throw new StoreException("could not store report " + report.id() + " in " + location
                        + "; nothing of it was stored: " + rootMessage(e), e);
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not store report " + report.id() + " in " + location
                    + "; nothing of it was stored: " + rootMessage(e), e);
        }
    }

    /**
     * Offsets point into the text, so it must come back unit for unit from every database. PostgreSQL cannot hold
     * U+0000, and its driver turns an unpaired surrogate into '?': such text is refused on every database alike.
     */
    static void checkStorableText(Report report) {
        String t = report.text();
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == 0) {
                throw new IllegalArgumentException("report " + report.id() + " has a NUL character (U+0000) at offset "
                        + i + "; the store keeps text exactly and cannot keep that");
            }
            if (Character.isHighSurrogate(ch) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                throw new IllegalArgumentException("report " + report.id() + " has an unpaired surrogate (U+"
                        + Integer.toHexString(ch).toUpperCase(java.util.Locale.ROOT) + ") at offset " + i
                        + "; the store keeps text exactly and cannot keep that");
            }
        }
    }

    private static boolean hashStored(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM reports WHERE content_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private boolean hashStoredNow(String hash) {
        try (Connection c = pool.getConnection()) {
            return hashStored(c, hash);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void insertReport(Connection c, Report report, String hash) throws SQLException {
        ReportMetadata m = report.metadata();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reports (id, content_hash, text, url, publisher,"
                + " published, language, title, extra, origin, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, report.id());
            ps.setString(2, hash);
            ps.setString(3, report.text());
            ps.setString(4, m.url());
            ps.setString(5, m.publisher());
            setDate(ps, 6, m.published());
            ps.setString(7, m.language());
            ps.setString(8, m.title());
            ps.setString(9, m.extra().isEmpty() ? null : toJson(m.extra()));
            ps.setString(10, report.origin());
            ps.setObject(11, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private static void insertEvent(Connection c, String reportId, Event e) throws SQLException {
        Location l = e.location();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (event_id, report_id, event_date, end_date,"
                + " event_type, sub_event_type, country, admin1, lat, lon, confidence, review_state, payload)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.eventId());
            ps.setString(2, reportId);
            setDate(ps, 3, e.eventDate());
            setDate(ps, 4, e.endDate());
            ps.setString(5, e.eventType());
            ps.setString(6, e.subEventType());
            ps.setString(7, l == null ? null : l.country());
            ps.setString(8, l == null ? null : l.admin1());
            setDouble(ps, 9, l == null ? null : l.lat());
            setDouble(ps, 10, l == null ? null : l.lon());
            ps.setDouble(11, e.confidence());
            ps.setString(12, e.reviewState().wire());
            ps.setString(13, payload(e));
            ps.executeUpdate();
        }
        Set<String> reportIds = new LinkedHashSet<>();
        reportIds.add(reportId);
        for (String id : e.reportIds()) {
            if (id != null) {
                reportIds.add(id);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_sources (event_id, report_id) VALUES (?, ?)")) {
            for (String id : reportIds) {
                ps.setString(1, e.eventId());
                ps.setString(2, id);
                ps.executeUpdate();
            }
        }
    }

    /** Replaces a stored event that another report also tells; keeps the change in its history. */
    private static void replaceMergedEvent(Connection c, String reportId, Event e) throws SQLException {
        String before;
        try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM events WHERE event_id = ?")) {
            ps.setString(1, e.eventId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("event " + e.eventId() + " to merge report " + reportId + " into is not stored");
                }
                before = rs.getString(1);
            }
        }
        Location l = e.location();
        try (PreparedStatement ps = c.prepareStatement("UPDATE events SET event_date = ?, end_date = ?, event_type = ?,"
                + " sub_event_type = ?, country = ?, admin1 = ?, lat = ?, lon = ?, confidence = ?, review_state = ?,"
                + " payload = ? WHERE event_id = ?")) {
            setDate(ps, 1, e.eventDate());
            setDate(ps, 2, e.endDate());
            ps.setString(3, e.eventType());
            ps.setString(4, e.subEventType());
            ps.setString(5, l == null ? null : l.country());
            ps.setString(6, l == null ? null : l.admin1());
            setDouble(ps, 7, l == null ? null : l.lat());
            setDouble(ps, 8, l == null ? null : l.lon());
            ps.setDouble(9, e.confidence());
            ps.setString(10, e.reviewState().wire());
            ps.setString(11, payload(e));
            ps.setString(12, e.eventId());
            ps.executeUpdate();
        }
        Set<String> known = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT report_id FROM event_sources WHERE event_id = ?")) {
            ps.setString(1, e.eventId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_sources (event_id, report_id) VALUES (?, ?)")) {
            for (String id : e.reportIds()) {
                if (id != null && known.add(id)) {
                    ps.setString(1, e.eventId());
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_history (event_id, changed_at, changed_by,"
                + " action, before_payload, after_payload) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.eventId());
            ps.setTimestamp(2, java.sql.Timestamp.from(java.time.Instant.now()));
            ps.setString(3, "ingest");
            ps.setString(4, "merge report " + reportId);
            ps.setString(5, before);
            ps.setString(6, payload(e));
            ps.executeUpdate();
        }
    }

    /** The stored form of an event: {@link EventJson#fullLine}, every field with evidence and review state. */
    static String payload(Event e) {
        return EventJson.fullLine(e);
    }

    /** The stored event: the payload, with the confidence unrounded from its column (the payload keeps 3 places). */
    private static Event readEvent(ResultSet rs) throws SQLException {
        return EventJson.fromLine(rs.getString("payload")).toBuilder().confidence(rs.getDouble("confidence")).build();
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setObject(i, d);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, d);
        }
    }

    private static final String REPORT_COLUMNS =
            "id, content_hash, text, url, publisher, published, language, title, extra, origin, ingested_at";

    @Override
    public Optional<StoredReport> reportByHash(String contentHash) {
        Objects.requireNonNull(contentHash, "contentHash");
        return queryReports("SELECT " + REPORT_COLUMNS + " FROM reports WHERE content_hash = ?", contentHash)
                .stream().findFirst();
    }

    @Override
    public Optional<StoredReport> report(String reportId) {
        Objects.requireNonNull(reportId, "reportId");
        return queryReports("SELECT " + REPORT_COLUMNS + " FROM reports WHERE id = ?", reportId).stream().findFirst();
    }

    @Override
    public List<StoredReport> reports(int offset, int limit) {
        checkPage(offset, limit);
        return queryReports("SELECT " + REPORT_COLUMNS + " FROM reports ORDER BY seq" + page(offset, limit));
    }

    private List<StoredReport> queryReports(String sql, Object... params) {
        return query(sql, List.of(params), rs -> {
            String extra = rs.getString("extra");
            ReportMetadata m = new ReportMetadata(rs.getString("url"), rs.getString("publisher"),
                    rs.getObject("published", LocalDate.class), rs.getString("language"), rs.getString("title"),
                    extra == null ? Map.of() : fromJson(extra));
            Report r = new Report(rs.getString("id"), rs.getString("text"), m, rs.getString("origin"));
            Instant ingested = rs.getObject("ingested_at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
            return new StoredReport(r, rs.getString("content_hash"), ingested);
        });
    }

    @Override
    public Optional<Event> event(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        return query("SELECT payload, confidence FROM events WHERE event_id = ?", List.of(eventId),
                JdbcEventStore::readEvent).stream().findFirst();
    }

    @Override
    public List<Event> events(EventQuery q) {
        Objects.requireNonNull(q, "query");
        checkPage(q.offset(), q.limit());
        StringBuilder sql = new StringBuilder("SELECT e.payload, e.confidence FROM events e WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" AND e.event_date >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" AND e.event_date <= ?");
            params.add(q.to());
        }
        if (q.eventType() != null) {
            sql.append(" AND e.event_type = ?");
            params.add(q.eventType());
        }
        if (q.country() != null) {
            sql.append(" AND e.country = ?");
            params.add(q.country());
        }
        if (q.admin1() != null) {
            sql.append(" AND e.admin1 = ?");
            params.add(q.admin1());
        }
        if (q.reportId() != null) {
            sql.append(" AND (e.report_id = ? OR EXISTS (SELECT 1 FROM event_sources s"
                    + " WHERE s.event_id = e.event_id AND s.report_id = ?))");
            params.add(q.reportId());
            params.add(q.reportId());
        }
        sql.append(" ORDER BY e.event_date ASC NULLS LAST, e.event_id ASC").append(page(q.offset(), q.limit()));
        return query(sql.toString(), params, JdbcEventStore::readEvent);
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be >= 0, got " + offset + ", " + limit);
        }
    }

    /** Standard SQL paging, understood by both H2 and PostgreSQL; limit 0 means all. */
    private static String page(int offset, int limit) {
        String s = offset > 0 ? " OFFSET " + offset + " ROWS" : "";
        return limit > 0 ? s + " FETCH FIRST " + limit + " ROWS ONLY" : s;
    }

    @Override
    public long countReports() {
        return query("SELECT COUNT(*) FROM reports", List.of(), rs -> rs.getLong(1)).get(0);
    }

    @Override
    public long countEvents() {
        return query("SELECT COUNT(*) FROM events", List.of(), rs -> rs.getLong(1)).get(0);
    }

    @Override
    public void close() {
        pool.dispose();
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> params, RowReader<T> reader) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read from the event store at " + location + ": " + rootMessage(e), e);
        }
    }

    private static String toJson(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored report metadata is not a JSON object of strings: " + json, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (e instanceof SQLException sql && sql.getNextException() != null) {
            t = sql.getNextException();
        }
        String msg = t.getMessage();
        return msg == null ? t.toString() : msg;
    }
}
