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
    AddOutcome addReport(Report report, List<Event> events, List<Event> updated);

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

    long countEvents();

    /** Where the data lives, for messages ("jdbc:h2:/home/me/.local/share/unrest/unrest"). */
    String location();

    @Override
    void close();
}
