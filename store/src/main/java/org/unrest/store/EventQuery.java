package org.unrest.store;

import java.time.LocalDate;

/**
 * Which events to fetch. Null fields do not filter. {@code from}/{@code to} are inclusive and compare with
 * the event date; {@code limit} 0 means no limit.
 */
public record EventQuery(LocalDate from, LocalDate to, String eventType, String country, String admin1,
                         String reportId, int offset, int limit) {
    public static EventQuery all() {
        return new EventQuery(null, null, null, null, null, null, 0, 0);
    }

    public static EventQuery ofReport(String reportId) {
        return new EventQuery(null, null, null, null, null, reportId, 0, 0);
    }
}
