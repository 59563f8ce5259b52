package org.unrest.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.unrest.model.Event;
import org.unrest.model.Report;
import org.unrest.store.EventQuery;
import org.unrest.store.EventStore;
import org.unrest.store.StoredReport;

/** Stand-in store until the JDBC store is merged; follows the EventStore contract's ordering and filters. */
final class InMemoryEventStore implements EventStore {
    private final Map<String, StoredReport> reports = new LinkedHashMap<>();
    private final Map<String, Event> events = new LinkedHashMap<>();

    @Override
    public synchronized AddOutcome addReport(Report report, List<Event> coded) {
        String hash = report.contentHash();
        if (reportByHash(hash).isPresent()) {
            return AddOutcome.DUPLICATE;
        }
        reports.put(report.id(), new StoredReport(report, hash, Instant.now()));
        coded.forEach(e -> events.put(e.eventId(), e));
        return AddOutcome.ADDED;
    }

    @Override
    public synchronized Optional<StoredReport> reportByHash(String contentHash) {
        return reports.values().stream().filter(r -> r.contentHash().equals(contentHash)).findFirst();
    }

    @Override
    public synchronized Optional<StoredReport> report(String reportId) {
        return Optional.ofNullable(reports.get(reportId));
    }

    @Override
    public synchronized List<StoredReport> reports(int offset, int limit) {
        return reports.values().stream().skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized Optional<Event> event(String eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    @Override
    public synchronized List<Event> events(EventQuery q) {
        List<Event> out = new ArrayList<>();
        for (Event e : events.values()) {
            if ((q.from() == null || !e.eventDate().isBefore(q.from()))
                    && (q.to() == null || !e.eventDate().isAfter(q.to()))
                    && (q.eventType() == null || q.eventType().equals(e.eventType()))
                    && (q.country() == null || e.location() != null && q.country().equals(e.location().country()))
                    && (q.admin1() == null || e.location() != null && q.admin1().equals(e.location().admin1()))
                    && (q.reportId() == null || e.reportIds().contains(q.reportId()))) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(Event::eventDate).thenComparing(Event::eventId));
        return out.stream().skip(q.offset()).limit(q.limit() == 0 ? Long.MAX_VALUE : q.limit()).toList();
    }

    @Override
    public synchronized long countReports() {
        return reports.size();
    }

    @Override
    public synchronized long countEvents() {
        return events.size();
    }

    @Override
    public String location() {
        return "memory:" + Objects.hashCode(this);
    }

    @Override
    public void close() {
    }
}
