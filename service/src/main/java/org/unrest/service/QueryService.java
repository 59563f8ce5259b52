package org.unrest.service;

import java.util.List;
import java.util.Optional;
import org.unrest.model.Event;
import org.unrest.store.EventQuery;
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
