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
import java.util.HashMap;
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
import org.unrest.model.PlaceContext.HomeRegion;
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
        JdbcEventStore store = new JdbcEventStore(pool, location, clock);
        try {
            store.fillDerivedColumns();
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return store;
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
    public AddOutcome addReport(Report report, List<Event> events, List<Event> updated, PublisherTally tally) {
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
                long rev = events.isEmpty() && updated.isEmpty() ? 0 : nextRevision(c);
                for (Event e : events) {
                    insertEvent(c, report.id(), e, rev);
                }
                for (Event e : updated) {
                    replaceMergedEvent(c, report.id(), e, rev);
                }
                if (tally != null) {
                    addTally(c, tally, rev != 0);
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

    /**
     * Adds 1 to the store's revision inside the caller's transaction and returns the new value, to stamp the events
     * the transaction writes ({@code events.rev}). The revision row stays locked until commit, so revisions become
     * visible in order (see V4__event_revisions.sql).
     */
    private static long nextRevision(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE store_revision SET n = n + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT n FROM store_revision WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Adds one report to its publisher's counts. Inserting a publisher's first row would race with another
     * transaction inserting it too, so count updates are serialised on the store_revision row, which every
     * transaction writing events locks anyway ({@code revisionLocked}: this transaction already holds it); the lock
     * is taken after the report row, in the same order as {@link #nextRevision}.
     */
    private static void addTally(Connection c, PublisherTally tally, boolean revisionLocked) throws SQLException {
        if (!revisionLocked) {
            try (PreparedStatement ps = c.prepareStatement("SELECT n FROM store_revision WHERE id = 1 FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
        if (!increment(c, "UPDATE publisher_reports SET reports = reports + 1 WHERE publisher = ?",
                tally.publisher())) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO publisher_reports (publisher, reports) VALUES (?, 1)")) {
                ps.setString(1, tally.publisher());
                ps.executeUpdate();
            }
        }
        for (HomeRegion r : tally.regions()) {
            int weight = tally.weight(r);
            int named = tally.timesNamed(r);
            boolean updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE publisher_regions SET reports = reports + 1,"
                    + " weight = weight + ?, named = named + ? WHERE publisher = ? AND country = ? AND admin1 = ?")) {
                ps.setLong(1, weight);
                ps.setLong(2, named);
                ps.setString(3, tally.publisher());
                ps.setString(4, r.country());
                ps.setString(5, r.admin1());
                updated = ps.executeUpdate() > 0;
            }
            if (!updated) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO publisher_regions"
                        + " (publisher, country, admin1, reports, weight, named) VALUES (?, ?, ?, 1, ?, ?)")) {
                    ps.setString(1, tally.publisher());
                    ps.setString(2, r.country());
                    ps.setString(3, r.admin1());
                    ps.setLong(4, weight);
                    ps.setLong(5, named);
                    ps.executeUpdate();
                }
            }
        }
    }

    /** Runs an UPDATE with these string parameters; true when it changed a row. */
    private static boolean increment(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public Optional<PublisherCounts> publisherCounts(String publisher) {
        if (publisher == null) {
            return Optional.empty();
        }
        // one statement, so the report count and the region counts come from the same snapshot
        List<PublisherCounts> found = publisherCounts(" WHERE p.publisher = ?", List.of(publisher));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The counts of the publishers {@code where} selects, most reports first, each from one snapshot. */
    private List<PublisherCounts> publisherCounts(String where, List<Object> params) {
        Map<String, Long> reports = new java.util.LinkedHashMap<>();
        Map<String, Map<HomeRegion, Long>> regions = new HashMap<>();
        Map<String, Map<HomeRegion, Long>> weights = new HashMap<>();
        Map<String, Map<HomeRegion, Long>> named = new HashMap<>();
        // one statement, so the report counts and the region counts come from the same snapshot
        query("SELECT p.publisher, p.reports, r.country, r.admin1, r.reports, r.weight, r.named FROM publisher_reports p"
                + " LEFT JOIN publisher_regions r ON r.publisher = p.publisher" + where
                + " ORDER BY p.reports DESC, p.publisher", params, rs -> {
                    String p = rs.getString(1);
                    reports.put(p, rs.getLong(2));
                    regions.computeIfAbsent(p, k -> new HashMap<>());
                    weights.computeIfAbsent(p, k -> new HashMap<>());
                    named.computeIfAbsent(p, k -> new HashMap<>());
                    if (rs.getString(3) != null) {
                        HomeRegion r = new HomeRegion(rs.getString(3), rs.getString(4));
                        regions.get(p).put(r, rs.getLong(5));
                        weights.get(p).put(r, rs.getLong(6));
                        named.get(p).put(r, rs.getLong(7));
                    }
                    return null;
                });
        List<PublisherCounts> out = new ArrayList<>(reports.size());
        reports.forEach((p, n) -> out.add(new PublisherCounts(p, n, regions.get(p), weights.get(p), named.get(p))));
        return out;
    }

    @Override
    public List<PublisherCounts> publishers() {
        return publisherCounts("", List.of());
    }

    @Override
    public void replacePublisherCounts(List<PublisherTally> tallies) {
        Objects.requireNonNull(tallies, "tallies");
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT n FROM store_revision WHERE id = 1 FOR UPDATE");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM publisher_regions")) {
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM publisher_reports")) {
                    ps.executeUpdate();
                }
                for (PublisherTally t : tallies) {
                    addTally(c, Objects.requireNonNull(t, "tally"), true);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw new StoreException("could not replace the publisher counts in " + location
                        + "; the counts before are kept: " + rootMessage(e), e);
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not replace the publisher counts in " + location + ": " + rootMessage(e), e);
        }
    }

    @Override
    public long revision() {
        return query("SELECT n FROM store_revision WHERE id = 1", List.of(), rs -> rs.getLong(1)).get(0);
    }

    private volatile EventColumns columns;

    /** The in-memory copy of the filter and aggregate columns, loaded on first use and kept exact at every read. */
    @Override
    public Optional<EventColumns> columns() {
        EventColumns c = columns;
        if (c == null) {
            synchronized (this) {
                if (columns == null) {
                    columns = new EventColumns(this);
                }
                c = columns;
            }
        }
        return Optional.of(c);
    }

    /** Runs a read on a pooled connection (for {@link EventColumns}). */
    <T> T withConnection(SqlFunction<T> f) {
        try (Connection c = pool.getConnection()) {
            return f.apply(c);
        } catch (SQLException e) {
            throw new StoreException("could not read from the event store at " + location + ": " + rootMessage(e), e);
        }
    }

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
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

    private static void insertEvent(Connection c, String reportId, Event e, long rev) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (event_id, report_id, event_date, end_date,"
                + " event_type, sub_event_type, country, admin1, lat, lon, confidence, review_state, payload, "
                + DERIVED_COLUMNS + ", rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.eventId());
            ps.setString(2, reportId);
            int i = setEventColumns(ps, 3, e);
            ps.setLong(i, rev);
            ps.executeUpdate();
        }
        addSources(c, reportId, e);
    }

    /** The columns besides event_id and report_id, in the order of the INSERT above and the UPDATE in change(). */
    private static final String DERIVED_COLUMNS = "place, forms, actor1_name, actor1_type, actor2_name, actor2_type,"
            + " demand_groups, fatalities, arrests, derived";
    /** Version of the derived columns; rows with an older (or no) version are refilled on open. */
    static final int DERIVED_VERSION = 1;

    private static int setEventColumns(PreparedStatement ps, int i, Event e) throws SQLException {
        Location l = e.location();
        setDate(ps, i++, e.eventDate());
        setDate(ps, i++, e.endDate());
        ps.setString(i++, e.eventType());
        ps.setString(i++, e.subEventType());
        ps.setString(i++, l == null ? null : l.country());
        ps.setString(i++, l == null ? null : l.admin1());
        setDouble(ps, i++, l == null ? null : l.lat());
        setDouble(ps, i++, l == null ? null : l.lon());
        ps.setDouble(i++, e.confidence());
        ps.setString(i++, e.reviewState().wire());
        ps.setString(i++, payload(e));
        return setDerived(ps, i, e);
    }

    private static int setDerived(PreparedStatement ps, int i, Event e) throws SQLException {
        Location l = e.location();
        ps.setString(i++, l == null ? null : (l.name() != null ? l.name() : l.text()));
        ps.setString(i++, bars(e.forms()));
        ps.setString(i++, e.actor1() == null ? null : e.actor1().name());
        ps.setString(i++, e.actor1() == null ? null : e.actor1().type());
        ps.setString(i++, e.actor2() == null ? null : e.actor2().name());
        ps.setString(i++, e.actor2() == null ? null : e.actor2().type());
        ps.setString(i++, bars(e.demands().stream().map(org.unrest.model.Demand::group)
                .filter(Objects::nonNull).distinct().sorted().toList()));
        if (e.fatalities() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, e.fatalities());
        }
        Long arrests = arrests(e);
        if (arrests == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, arrests);
        }
        ps.setInt(i++, DERIVED_VERSION);
        return i;
    }

    /** A list as '|a|b|' (LIKE '%|a|%' finds a member), null when empty. */
    static String bars(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("|");
        for (String v : values) {
            if (v != null) {
                b.append(v.replace("|", "/")).append('|');
            }
        }
        return b.toString();
    }

    /**
     * The event's own arrest figure: the largest of its arrested/detained figures with event scope (value, else
     * the lower bound), so several sources giving the same count are not added up; period totals are left out.
     */
    static Long arrests(Event e) {
        Long best = null;
        for (org.unrest.model.Figure f : e.figures()) {
            if (!("arrested".equals(f.kind()) || "detained".equals(f.kind())) || "period".equals(f.scope())) {
                continue;
            }
            Long v = f.value() != null ? f.value() : f.min();
            if (v != null && (best == null || v > best)) {
                best = v;
            }
        }
        return best;
    }

    private static void addSources(Connection c, String reportId, Event e) throws SQLException {
        Set<String> reportIds = new LinkedHashSet<>();
        reportIds.add(reportId);
        for (String id : e.reportIds()) {
            if (id != null) {
                reportIds.add(id);
            }
        }
        Set<String> stored = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT report_id FROM event_sources WHERE event_id = ?")) {
            ps.setString(1, e.eventId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_sources (event_id, report_id) VALUES (?, ?)")) {
            for (String id : reportIds) {
                if (stored.add(id)) {
                    ps.setString(1, e.eventId());
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
            }
        }
    }

    /** Replaces a stored event that another report also tells; keeps the change in its history. */
    private void replaceMergedEvent(Connection c, String reportId, Event e, long rev) throws SQLException {
        Event before;
        String storedReport;
        try (PreparedStatement ps = c.prepareStatement("SELECT payload, confidence, report_id FROM events WHERE event_id = ?")) {
            ps.setString(1, e.eventId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("event " + e.eventId() + " to merge report " + reportId + " into is not stored");
                }
                before = readEvent(rs);
                storedReport = rs.getString("report_id");
            }
        }
        updateEventRow(c, e, rev);
        addSources(c, storedReport, e);
        insertHistory(c, e.eventId(), clock.instant().truncatedTo(ChronoUnit.MICROS), "ingest", "merge",
                "told again by report " + reportId, before, e);
    }

    /** Writes every column of a stored event from the event. */
    private static void updateEventRow(Connection c, Event e, long rev) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE events SET event_date = ?, end_date = ?,"
                + " event_type = ?, sub_event_type = ?, country = ?, admin1 = ?, lat = ?, lon = ?,"
                + " confidence = ?, review_state = ?, payload = ?, " + DERIVED_COLUMNS.replace(",", " = ?,")
                + " = ?, rev = ? WHERE event_id = ?")) {
            int i = setEventColumns(ps, 1, e);
            ps.setLong(i++, rev);
            ps.setString(i, e.eventId());
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
        boolean oneDay = q.from() != null && q.from().equals(q.to());
        if (oneDay) {
            sql.append(" AND e.event_date = ?");
            params.add(q.from());
        } else if (q.from() != null) {
            sql.append(" AND e.event_date >= ?");
            params.add(q.from());
        }
        if (q.to() != null && !oneDay) {
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

    // ---- derived columns ---------------------------------------------------------------------------------

    /** Fills the derived columns of rows written before they existed (or by an older version), in batches. */
    private void fillDerivedColumns() {
        while (true) {
            List<Event> stale = query("SELECT payload, confidence FROM events WHERE derived IS NULL OR derived < ?"
                    + page(0, 1000), List.of(DERIVED_VERSION), JdbcEventStore::readEvent);
            if (stale.isEmpty()) {
                return;
            }
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                long rev = nextRevision(c);
                try (PreparedStatement ps = c.prepareStatement("UPDATE events SET place = ?, forms = ?, actor1_name = ?,"
                        + " actor1_type = ?, actor2_name = ?, actor2_type = ?, demand_groups = ?, fatalities = ?,"
                        + " arrests = ?, derived = ?, rev = ? WHERE event_id = ?")) {
                    for (Event e : stale) {
                        int i = setDerived(ps, 1, e);
                        ps.setLong(i++, rev);
                        ps.setString(i, e.eventId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c, e);
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException("could not update the event store at " + location + ": " + rootMessage(e), e);
            }
        }
    }

    // ---- filters -----------------------------------------------------------------------------------------

    /** The WHERE clause (starting with " WHERE") of a filter over {@code events e}; adds its parameters. */
    static String where(EventFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (f.from() != null) {
            sql.append(" AND e.event_date >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" AND e.event_date <= ?");
            params.add(f.to());
        }
        in(sql, params, "e.event_type", f.types());
        in(sql, params, "e.sub_event_type", f.subTypes());
        in(sql, params, "e.admin1", f.admin1());
        in(sql, params, "e.review_state", f.reviewStates());
        if (!f.forms().isEmpty()) {
            sql.append(" AND (");
            for (int i = 0; i < f.forms().size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("e.forms LIKE ? ESCAPE '\\'");
                params.add("%|" + likeEscape(f.forms().get(i)) + "|%");
            }
            sql.append(")");
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            String pattern = "%" + likeEscape(f.actor().strip().toLowerCase(java.util.Locale.ROOT)) + "%";
            sql.append(" AND (LOWER(e.actor1_name) LIKE ? ESCAPE '\\' OR LOWER(e.actor2_name) LIKE ? ESCAPE '\\')");
            params.add(pattern);
            params.add(pattern);
        }
        if (f.country() != null) {
            sql.append(" AND e.country = ?");
            params.add(f.country());
        }
        if (f.reportId() != null) {
            sql.append(" AND (e.report_id = ? OR EXISTS (SELECT 1 FROM event_sources s"
                    + " WHERE s.event_id = e.event_id AND s.report_id = ?))");
            params.add(f.reportId());
            params.add(f.reportId());
        }
        if (f.minConfidence() != null) {
            sql.append(" AND e.confidence >= ?");
            params.add(f.minConfidence());
        }
        if (f.maxConfidence() != null) {
            sql.append(" AND e.confidence <= ?");
            params.add(f.maxConfidence());
        }
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" AND LOWER(e.payload) LIKE ? ESCAPE '\\'");
            params.add("%" + likeEscape(f.text().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        return sql.toString();
    }

    private static void in(StringBuilder sql, List<Object> params, String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            params.add(values.get(i));
        }
        sql.append(")");
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String order(EventFilter f) {
        return f.order() == EventFilter.Order.CONFIDENCE
                ? " ORDER BY e.confidence ASC, e.event_date ASC NULLS LAST, e.event_id ASC"
                : " ORDER BY e.event_date ASC NULLS LAST, e.event_id ASC";
    }

    /** Pages of at most this many events come by id from {@link EventColumns} once they are loaded. */
    static final int COLUMNS_PAGE = 10_000;

    /**
     * Events the filter selects. A page (limit 1 to {@link #COLUMNS_PAGE}) of a filter the in-memory columns answer,
     * once they are loaded (the web app loads them), takes its ids from them and reads only those events: the
     * same events in the same order as {@link #sqlEvents}, without the database sorting every payload.
     */
    @Override
    public List<Event> events(EventFilter f) {
        Objects.requireNonNull(f, "filter");
        EventColumns c = columns;
        if (c != null && f.limit() > 0 && f.limit() <= COLUMNS_PAGE && EventColumns.answers(f)) {
            return eventsById(c.ids(f));
        }
        return sqlEvents(f);
    }

    /** The events with these ids, in this order (ids not stored are left out). */
    List<Event> eventsById(List<String> ids) {
        Map<String, Event> byId = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            StringBuilder sql = new StringBuilder("SELECT payload, confidence FROM events WHERE event_id IN (");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            for (Event e : query(sql.append(")").toString(), new ArrayList<>(chunk), JdbcEventStore::readEvent)) {
                byId.put(e.eventId(), e);
            }
        }
        List<Event> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Event e = byId.get(id);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** {@link #events(EventFilter)} as one SQL query. */
    List<Event> sqlEvents(EventFilter f) {
        Objects.requireNonNull(f, "filter");
        List<Object> params = new ArrayList<>();
        String sql = "SELECT e.payload, e.confidence FROM events e" + where(f, params) + order(f)
                + page(f.offset(), f.limit());
        return query(sql, params, JdbcEventStore::readEvent);
    }

    @Override
    public long count(EventFilter f) {
        Objects.requireNonNull(f, "filter");
        List<Object> params = new ArrayList<>();
        return query("SELECT COUNT(*) FROM events e" + where(f, params), params, rs -> rs.getLong(1)).get(0);
    }

    // ---- review: changes with history ----------------------------------------------------------------------

    @Override
    public List<Event> change(List<String> ids, String user,
                              java.util.function.Function<List<Event>, List<EventChange>> changer) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(changer, "changer");
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no event to change");
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                // lock in a fixed order, so two changes of the same events cannot deadlock
                // the revision first: every writer takes its row lock before any event row (no deadlock)
                long rev = nextRevision(c);
                java.util.Map<String, Event> current = new java.util.HashMap<>();
                java.util.Map<String, String> reportOf = new java.util.HashMap<>();
                for (String id : new java.util.TreeSet<>(ids)) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT payload, confidence, report_id FROM events WHERE event_id = ? FOR UPDATE")) {
                        ps.setString(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw new java.util.NoSuchElementException("no event with id " + id);
                            }
                            current.put(id, readEvent(rs));
                            reportOf.put(id, rs.getString("report_id"));
                        }
                    }
                }
                List<Event> before = ids.stream().map(current::get).toList();
                List<EventChange> changes = changer.apply(before);
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                List<Event> written = new ArrayList<>();
                for (EventChange ch : changes) {
                    Event after = ch.after();
                    Event old = current.get(after.eventId());
                    if (old != null) {
                        updateEventRow(c, after, rev);
                        addSources(c, reportOf.get(after.eventId()), after);
                    } else {
                        if (event(c, after.eventId())) {
                            throw new IllegalArgumentException("an event with id " + after.eventId() + " exists");
                        }
                        insertEvent(c, reportOf.get(ids.get(0)), after, rev);
                    }
                    insertHistory(c, after.eventId(), now, user, ch.action(), ch.note(), old, after);
                    current.put(after.eventId(), after);
                    written.add(after);
                }
                c.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new StoreException("could not change events " + ids + " in " + location
                        + "; nothing was changed: " + rootMessage(e), e);
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not change events " + ids + " in " + location + ": " + rootMessage(e), e);
        }
    }

    private static boolean event(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM events WHERE event_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insertHistory(Connection c, String eventId, Instant at, String user, String action,
                                      String note, Event before, Event after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_history (event_id, changed_at, changed_by,"
                + " action, note, before_payload, after_payload) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, eventId);
            ps.setObject(2, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(3, user);
            ps.setString(4, action);
            ps.setString(5, note);
            ps.setString(6, before == null ? null : payload(before));
            ps.setString(7, after == null ? null : payload(after));
            ps.executeUpdate();
        }
    }

    @Override
    public List<HistoryEntry> history(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        return query("SELECT id, event_id, changed_at, changed_by, action, note, before_payload, after_payload"
                + " FROM event_history WHERE event_id = ? ORDER BY id", List.of(eventId), rs -> {
                    String b = rs.getString("before_payload");
                    String a = rs.getString("after_payload");
                    return new HistoryEntry(rs.getLong("id"), rs.getString("event_id"),
                            rs.getObject("changed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            rs.getString("changed_by"), rs.getString("action"), rs.getString("note"),
                            b == null ? null : EventJson.fromLine(b), a == null ? null : EventJson.fromLine(a));
                });
    }

    // ---- users and sessions ------------------------------------------------------------------------------

    @Override
    public boolean addUser(StoredUser u) {
        Objects.requireNonNull(u, "user");
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users WHERE name = ? FOR UPDATE")) {
                    ps.setString(1, u.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            c.rollback();
                            return false;
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO users (name, password_hash, role, created_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, u.name());
                    ps.setString(2, u.passwordHash());
                    ps.setString(3, u.role());
                    ps.setObject(4, LocalDateTime.ofInstant(u.createdAt() == null ? clock.instant() : u.createdAt(),
                            ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                if (user(u.name()).isPresent()) {
                    return false; // a concurrent add of the same name
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not add user " + u.name() + " in " + location + ": " + rootMessage(e), e);
        }
    }

    private static StoredUser readUser(ResultSet rs) throws SQLException {
        return new StoredUser(rs.getString("name"), rs.getString("password_hash"), rs.getString("role"),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    @Override
    public Optional<StoredUser> user(String name) {
        Objects.requireNonNull(name, "name");
        return query("SELECT name, password_hash, role, created_at FROM users WHERE name = ?", List.of(name),
                JdbcEventStore::readUser).stream().findFirst();
    }

    @Override
    public List<StoredUser> users() {
        return query("SELECT name, password_hash, role, created_at FROM users ORDER BY name", List.of(),
                JdbcEventStore::readUser);
    }

    @Override
    public boolean updateUser(String name, String role, String passwordHash) {
        Objects.requireNonNull(name, "name");
        int n = 0;
        if (role != null) {
            n = update("UPDATE users SET role = ? WHERE name = ?", role, name);
        }
        if (passwordHash != null) {
            n = update("UPDATE users SET password_hash = ? WHERE name = ?", passwordHash, name);
            update("DELETE FROM sessions WHERE user_name = ?", name); // a new password ends every session
        }
        return n > 0 || (role == null && passwordHash == null && user(name).isPresent());
    }

    @Override
    public void addSession(StoredSession s) {
        Objects.requireNonNull(s, "session");
        update("INSERT INTO sessions (token_hash, user_name, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                s.tokenHash(), s.userName(), s.csrfToken(), LocalDateTime.ofInstant(s.createdAt(), ZoneOffset.UTC),
                LocalDateTime.ofInstant(s.expiresAt(), ZoneOffset.UTC));
    }

    @Override
    public Optional<StoredSession> session(String tokenHash, Instant now) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return query("SELECT s.token_hash, s.user_name, u.role, s.csrf_token, s.created_at, s.expires_at"
                        + " FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_hash = ? AND s.expires_at > ?",
                List.of(tokenHash, LocalDateTime.ofInstant(now, ZoneOffset.UTC)),
                rs -> new StoredSession(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC))).stream().findFirst();
    }

    @Override
    public void deleteSession(String tokenHash) {
        update("DELETE FROM sessions WHERE token_hash = ?", tokenHash);
    }

    @Override
    public int deleteExpiredSessions(Instant now) {
        return update("DELETE FROM sessions WHERE expires_at <= ?", LocalDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    private int update(String sql, Object... params) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not write to the event store at " + location + ": " + rootMessage(e), e);
        }
    }

    // ---- aggregates --------------------------------------------------------------------------------------

    /** Violent events: riots, battles, violence against civilians, explosions, and excessive force. */
    static final String VIOLENT = "CASE WHEN e.event_type IN ('Riots', 'Battles', 'Violence against civilians',"
            + " 'Explosions/Remote violence') OR e.sub_event_type = 'Excessive force against protesters'"
            + " THEN 1 ELSE 0 END";

    @Override
    public List<Aggregates.DayTypeCount> timeline(EventFilter f) {
        List<Object> params = new ArrayList<>();
        return query("SELECT e.event_date, e.event_type, COUNT(*) FROM events e" + where(f, params)
                        + " AND e.event_date IS NOT NULL GROUP BY e.event_date, e.event_type"
                        + " ORDER BY e.event_date, e.event_type", params,
                rs -> new Aggregates.DayTypeCount(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3)));
    }

    @Override
    public List<Aggregates.RegionRow> regions(EventFilter f) {
        List<Object> params = new ArrayList<>();
        return query("SELECT e.country, e.admin1, COUNT(*), SUM(" + VIOLENT + "), SUM(COALESCE(e.fatalities, 0)),"
                        + " SUM(COALESCE(e.arrests, 0)), MIN(e.event_date), MAX(COALESCE(e.end_date, e.event_date)),"
                        + " MIN(CASE WHEN e.event_type IN ('Protests', 'Riots') THEN e.event_date END)"
                        + " FROM events e" + where(f, params) + " AND e.admin1 IS NOT NULL"
                        + " GROUP BY e.country, e.admin1 ORDER BY e.country, e.admin1", params,
                rs -> new Aggregates.RegionRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class)));
    }

    @Override
    public List<Aggregates.DayDemands> demandsByDay(EventFilter f) {
        List<Object> params = new ArrayList<>();
        return query("SELECT e.event_date, COUNT(*), SUM(CASE WHEN e.demand_groups IS NOT NULL THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN e.demand_groups LIKE '%|economic|%' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN e.demand_groups LIKE '%|political|%' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN e.demand_groups LIKE '%|social|%' THEN 1 ELSE 0 END)"
                        + " FROM events e" + where(f, params) + " AND e.event_date IS NOT NULL"
                        + " GROUP BY e.event_date ORDER BY e.event_date", params,
                rs -> new Aggregates.DayDemands(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6)));
    }

    @Override
    public List<Aggregates.ActorRow> actors(EventFilter f) {
        List<Object> params = new ArrayList<>();
        String w1 = where(f, params);
        String w2 = where(f, params);
        return query("SELECT name, type, country, admin1, COUNT(*), MIN(event_date), MAX(last_day) FROM ("
                        + "SELECT e.actor1_name AS name, e.actor1_type AS type, e.country, e.admin1, e.event_date,"
                        + " COALESCE(e.end_date, e.event_date) AS last_day FROM events e" + w1
                        + " AND e.actor1_name IS NOT NULL UNION ALL "
                        + "SELECT e.actor2_name, e.actor2_type, e.country, e.admin1, e.event_date,"
                        + " COALESCE(e.end_date, e.event_date) FROM events e" + w2
                        + " AND e.actor2_name IS NOT NULL) a"
                        + " GROUP BY name, type, country, admin1 ORDER BY name, MIN(event_date), admin1, type, country",
                params,
                rs -> new Aggregates.ActorRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)));
    }

    @Override
    public List<Aggregates.MapPoint> mapPoints(EventFilter f) {
        List<Object> params = new ArrayList<>();
        return query("SELECT e.event_id, e.event_date, e.end_date, e.event_type, e.sub_event_type, e.place, e.country,"
                        + " e.admin1, e.lat, e.lon, e.fatalities, e.review_state, e.confidence FROM events e"
                        + where(f, params) + " AND e.lat IS NOT NULL AND e.lon IS NOT NULL" + order(f)
                        + page(f.offset(), f.limit()), params,
                rs -> new Aggregates.MapPoint(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getDouble(9), rs.getDouble(10),
                        (Integer) rs.getObject(11, Integer.class), rs.getString(12), rs.getDouble(13)));
    }

    @Override
    public List<Aggregates.ReportHit> searchReports(String text, int limit) {
        Objects.requireNonNull(text, "text");
        checkPage(0, limit);
        String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        String pattern = "%" + likeEscape(needle) + "%";
        return query("SELECT id, title, publisher, published, text FROM reports"
                        + " WHERE LOWER(text) LIKE ? ESCAPE '\\' OR LOWER(title) LIKE ? ESCAPE '\\'"
                        + " ORDER BY seq DESC" + page(0, limit), List.of(pattern, pattern), rs -> {
                    String t = rs.getString("text");
                    int at = t.toLowerCase(java.util.Locale.ROOT).indexOf(needle);
                    if (at > t.length()) {
                        at = -1; // lower-casing changed the length before the match
                    }
                    int from = Math.max(0, at - 80);
                    int to = Math.min(t.length(), (at < 0 ? 0 : at + needle.length()) + 80);
                    String snippet = (from > 0 ? "…" : "") + t.substring(from, to) + (to < t.length() ? "…" : "");
                    return new Aggregates.ReportHit(rs.getString("id"), rs.getString("title"),
                            rs.getString("publisher"), rs.getObject("published", LocalDate.class), snippet, at);
                });
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
