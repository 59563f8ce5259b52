package org.unrest.store;

import java.util.List;
import java.util.Optional;
import org.unrest.model.Event;
import org.unrest.model.Report;

/**
 * Where reports and their coded events are kept. Implementations: {@link JdbcEventStore} over embedded H2
 * (the default) or PostgreSQL. Every method is safe to call from several threads.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Stores a report and the events coded from it in one transaction. A report whose content hash is already
     * stored is a duplicate: nothing is written and {@link AddOutcome#DUPLICATE} comes back. If anything fails,
     * nothing of this report is stored and nothing stored before is touched.
     */
    default AddOutcome addReport(Report report, List<Event> events) {
        return addReport(report, events, List.of());
    }

    /**
     * Like {@link #addReport(Report, List)}, and in the same transaction replaces the stored events in
     * {@code updated} (matched by event id): events of other reports that this report also tells, now carrying its
     * sources too. Each replacement is kept in the event's history.
     */
    default AddOutcome addReport(Report report, List<Event> events, List<Event> updated) {
        return addReport(report, events, updated, null);
    }

    /**
     * Like {@link #addReport(Report, List, List)}, and in the same transaction adds {@code tally} (null: nothing)
     * to its publisher's counts, so a report is counted exactly when it is stored: a duplicate counts nothing.
     */
    AddOutcome addReport(Report report, List<Event> events, List<Event> updated, PublisherTally tally);

    enum AddOutcome { ADDED, DUPLICATE }

    /** The stored report with this content hash, if any. */
    Optional<StoredReport> reportByHash(String contentHash);

    Optional<StoredReport> report(String reportId);

    /** Reports in ingest order; {@code limit} 0 means all. */
    List<StoredReport> reports(int offset, int limit);

    Optional<Event> event(String eventId);

    /** Events matching the query, ordered by event date, then event id. */
    List<Event> events(EventQuery query);

    long countReports();

    /** The counts of the publisher with this key ({@link PublisherTally#publisher()}), if any report was counted. */
    Optional<PublisherCounts> publisherCounts(String publisher);

    /** Every publisher's counts, the publishers with most reports counted first. */
    List<PublisherCounts> publishers();

    /**
     * Replaces every publisher's counts with these tallies (one report each), in one transaction: how the counts are
     * rebuilt from the stored reports (reports stored before the counts were kept, or read with an older resolver).
     */
    void replacePublisherCounts(List<PublisherTally> tallies);

    long countEvents();

    // ---- the web app: filters, review, accounts, aggregates ------------------------------------------------

    /** Events matching the filter, in its order (date then id, or least confident first, then date and id). */
    List<Event> events(EventFilter filter);

    /** How many events match the filter (its offset and limit ignored). */
    long count(EventFilter filter);

    /**
     * Changes events in one transaction: the events with {@code ids} are read and locked, {@code changer} returns
     * their new versions and any new events (an id not among {@code ids} is a new event, stored under the report of
     * the first locked event), and each is written with a history entry by {@code user}. Nothing is written if the
     * changer throws or any id is unknown ({@link java.util.NoSuchElementException}).
     *
     * @return the events as written, in the changer's order
     */
    List<Event> change(List<String> ids, String user,
                       java.util.function.Function<List<Event>, List<EventChange>> changer);

    /** The changes made to an event, oldest first. */
    List<HistoryEntry> history(String eventId);

    /** Adds a user; false if the name is taken. */
    boolean addUser(StoredUser user);

    Optional<StoredUser> user(String name);

    List<StoredUser> users();

    /** Sets a user's role and/or password hash (a null leaves it); false if there is no such user. */
    boolean updateUser(String name, String role, String passwordHash);

    void addSession(StoredSession session);

    /** The session with this token hash if it has not expired at {@code now}. */
    Optional<StoredSession> session(String tokenHash, java.time.Instant now);

    void deleteSession(String tokenHash);

    /** Removes expired sessions; returns how many. */
    int deleteExpiredSessions(java.time.Instant now);

    List<Aggregates.DayTypeCount> timeline(EventFilter filter);

    List<Aggregates.RegionRow> regions(EventFilter filter);

    List<Aggregates.DayDemands> demandsByDay(EventFilter filter);

    List<Aggregates.ActorRow> actors(EventFilter filter);

    /** Events with coordinates, as map points, in date order (offset and limit honoured). */
    List<Aggregates.MapPoint> mapPoints(EventFilter filter);

    /**
     * A number that grows with every committed write of events (ingest, merge, review, split), in this process or
     * any other using the same database: when it has not changed, no event has.
     */
    long revision();

    /**
     * The in-memory copy of the filter and aggregate columns that answers the aggregates and map points above with
     * the same results, fast; empty where the implementation has none.
     */
    default Optional<EventColumns> columns() {
        return Optional.empty();
    }

    /** Reports whose text or title contains {@code text} (case-insensitive), newest ingest first. */
    List<Aggregates.ReportHit> searchReports(String text, int limit);

    /** Where the data lives, for messages ("jdbc:h2:/home/me/.local/share/unrest/unrest"). */
    String location();

    @Override
    void close();
}
