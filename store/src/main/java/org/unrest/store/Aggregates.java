package org.unrest.store;

import java.time.LocalDate;

/** Rows of the aggregate queries behind the web app's timeline, map and analysis views. */
public final class Aggregates {
    private Aggregates() {
    }

    /** Events of one type on one day. */
    public record DayTypeCount(LocalDate day, String eventType, long events) {
    }

    /**
     * One first-level region: events, violent events (riots, battles, violence against civilians, explosions,
     * and excessive force against protesters), summed fatalities and arrests (each event's own figures, never a
     * period total), the first and last day of any event, and the first day of a protest or riot.
     */
    public record RegionRow(String country, String admin1, long events, long violent, long fatalities, long arrests,
                            LocalDate firstDay, LocalDate lastDay, LocalDate firstProtestDay) {
    }

    /** Per day: all events, and those with at least one economic / political / social demand. */
    public record DayDemands(LocalDate day, long events, long withDemands, long economic, long political,
                             long social) {
    }

    /** One actor in one region: events, first and last day. */
    public record ActorRow(String name, String type, String country, String admin1, long events, LocalDate firstDay,
                           LocalDate lastDay) {
    }

    /** What the map draws of an event, read from columns only (no payload): fast for many events. */
    public record MapPoint(String eventId, LocalDate eventDate, LocalDate endDate, String eventType,
                           String subEventType, String place, String country, String admin1, double lat, double lon,
                           Integer fatalities, String reviewState, double confidence) {
    }

    /** A report that matches a search: its metadata and a short piece of text around the first match. */
    public record ReportHit(String id, String title, String publisher, LocalDate published, String snippet,
                            int matchStart) {
    }
}
