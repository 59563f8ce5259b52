package org.unrest.service;

import java.util.List;
import java.util.Optional;
import org.unrest.model.Event;
import org.unrest.store.Aggregates;
import org.unrest.store.EventFilter;
import org.unrest.store.EventQuery;
import org.unrest.store.HistoryEntry;
import org.unrest.store.EventStore;
import org.unrest.store.StoredReport;

/** Read access to stored reports and events, for the web app, exports and the CLI. */
public final class QueryService {
    private final EventStore store;

    public QueryService(EventStore store) {
        this.store = store;
    }

    public List<Event> events(EventQuery query) {
        return store.events(query);
    }

    /** Events the web app's filter selects (see {@link EventFilter}). */
    public List<Event> events(EventFilter filter) {
        return store.events(filter);
    }

    public long count(EventFilter filter) {
        return store.count(filter);
    }

    /** Every change made to an event, oldest first. */
    public List<HistoryEntry> history(String eventId) {
        return store.history(eventId);
    }

    /** Reports whose text or title contains the words (case-insensitive), newest first. */
    public List<Aggregates.ReportHit> searchReports(String text, int limit) {
        return store.searchReports(text, limit);
    }

    /** The store these queries read, to build the other services over the same data. */
    public EventStore store() {
        return store;
    }

    public Optional<Event> event(String eventId) {
        return store.event(eventId);
    }

    public Optional<StoredReport> report(String reportId) {
        return store.report(reportId);
    }

    public List<StoredReport> reports(int offset, int limit) {
        return store.reports(offset, limit);
    }

    public long countEvents() {
        return store.countEvents();
    }

    public long countReports() {
        return store.countReports();
    }
}
