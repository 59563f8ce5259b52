package org.unrest.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.unrest.store.Aggregates;
import org.unrest.store.EventColumns;
import org.unrest.store.EventFilter;
import org.unrest.store.EventStore;

/**
 * The views that answer the questions asked of an uprising: how it spread (first day of protest per region), how
 * it escalated (economic vs political demands per day), how regions compare, who acted where and when; and the
 * timeline and map points behind the page. Every view takes the same {@link EventFilter}. The aggregation runs over
 * the store's in-memory copy of the filter columns ({@link EventColumns}: a few milliseconds for 100,000 events,
 * exact at every call) where the store has one and the filter does not search the text; otherwise as SQL in the
 * database. Both give the same rows in the same order.
 */
public final class AnalysisService {
    private final EventStore store;
    private final boolean useColumns;

    public AnalysisService(EventStore store) {
        this(store, true);
    }

    private AnalysisService(EventStore store, boolean useColumns) {
        this.store = Objects.requireNonNull(store, "store");
        this.useColumns = useColumns;
    }

    /** The same views computed by the database's SQL only (the reference the in-memory columns are tested against). */
    public static AnalysisService sqlOnly(EventStore store) {
        return new AnalysisService(store, false);
    }

    /** Loads the in-memory columns now (the first call otherwise pays for it); safe to call from any thread. */
    public void warmUp() {
        if (useColumns) {
            store.columns().ifPresent(EventColumns::size);
        }
    }

    private Optional<EventColumns> columns(EventFilter f) {
        return useColumns && EventColumns.answers(f) ? store.columns() : Optional.empty();
    }

    /** Events per day and type, for the stacked timeline. */
    public List<Aggregates.DayTypeCount> timeline(EventFilter f) {
        return columns(f).map(c -> c.timeline(f)).orElseGet(() -> store.timeline(f));
    }

    /**
     * Events with coordinates as map points. From the in-memory columns they come by date and then event id in
     * Java's order (the SQL orders ids by the database's collation); either way the same points.
     */
    public List<Aggregates.MapPoint> mapPoints(EventFilter f) {
        return columns(f).map(c -> c.mapPoints(f)).orElseGet(() -> store.mapPoints(f));
    }

    /**
     * The map points column-wise ({@link EventColumns.MapData}), from the in-memory columns where they answer the
     * filter, else made from {@link #mapPoints}.
     */
    public EventColumns.MapData mapData(EventFilter f) {
        Optional<EventColumns> c = columns(f);
        return c.isPresent() ? c.get().mapData(f) : mapDataOf(store.mapPoints(f));
    }

    static EventColumns.MapData mapDataOf(List<Aggregates.MapPoint> points) {
        int n = points.size();
        java.util.Map<String, Integer> types = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> subTypes = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> places = new java.util.LinkedHashMap<>();
        java.util.TreeMap<LocalDate, Integer> days = new java.util.TreeMap<>();
        points.forEach(p -> {
            if (p.eventDate() != null) {
                days.put(p.eventDate(), 0);
            }
        });
        int k = 0;
        for (java.util.Map.Entry<LocalDate, Integer> e : days.entrySet()) {
            e.setValue(k++);
        }
        List<String> ids = new ArrayList<>(n);
        int[] lon = new int[n];
        int[] lat = new int[n];
        int[] type = new int[n];
        int[] subType = new int[n];
        int[] place = new int[n];
        int[] day = new int[n];
        for (int i = 0; i < n; i++) {
            Aggregates.MapPoint p = points.get(i);
            ids.add(p.eventId());
            lon[i] = (int) Math.round(p.lon() * 1e5);
            lat[i] = (int) Math.round(p.lat() * 1e5);
            type[i] = index(types, p.eventType());
            subType[i] = index(subTypes, p.subEventType());
            place[i] = index(places, p.place() != null ? p.place() : p.admin1());
            day[i] = p.eventDate() == null ? -1 : days.get(p.eventDate());
        }
        return new EventColumns.MapData(ids, lon, lat, new ArrayList<>(types.keySet()), type,
                new ArrayList<>(subTypes.keySet()), subType, new ArrayList<>(places.keySet()), place,
                new ArrayList<>(days.keySet()), day);
    }

    private static int index(java.util.Map<String, Integer> dict, String value) {
        return value == null ? -1 : dict.computeIfAbsent(value, v -> dict.size());
    }

    private List<Aggregates.RegionRow> regionRows(EventFilter f) {
        return columns(f).map(c -> c.regions(f)).orElseGet(() -> store.regions(f));
    }

    /** One region in the spread: the first day of a protest or riot there, and how many days after the first. */
    public record SpreadRow(int rank, String country, String admin1, LocalDate firstProtestDay, long dayOffset,
                            long events) {
    }

    /** Regions in the order protest reached them (ties by name); regions with no protest or riot are left out. */
    public List<SpreadRow> spread(EventFilter f) {
        List<Aggregates.RegionRow> rows = new ArrayList<>(regionRows(f).stream()
                .filter(r -> r.firstProtestDay() != null).toList());
        rows.sort(Comparator.comparing(Aggregates.RegionRow::firstProtestDay)
                .thenComparing(Aggregates.RegionRow::admin1));
        List<SpreadRow> out = new ArrayList<>();
        LocalDate first = rows.isEmpty() ? null : rows.get(0).firstProtestDay();
        for (int i = 0; i < rows.size(); i++) {
            Aggregates.RegionRow r = rows.get(i);
            out.add(new SpreadRow(i + 1, r.country(), r.admin1(), r.firstProtestDay(),
                    java.time.temporal.ChronoUnit.DAYS.between(first, r.firstProtestDay()), r.events()));
        }
        return out;
    }

    /**
     * One day of escalation: events, events with any demand, and the share of those with an economic / political /
     * social demand (an event may have several, so shares can add up to more than 1; null when no event has one).
     */
    public record EscalationRow(LocalDate day, long events, long withDemands, long economic, long political,
                                long social, Double economicShare, Double politicalShare, Double socialShare) {
    }

    public List<EscalationRow> escalation(EventFilter f) {
        return columns(f).map(c -> c.demandsByDay(f)).orElseGet(() -> store.demandsByDay(f)).stream().map(d -> new EscalationRow(d.day(), d.events(), d.withDemands(),
                d.economic(), d.political(), d.social(), share(d.economic(), d.withDemands()),
                share(d.political(), d.withDemands()), share(d.social(), d.withDemands()))).toList();
    }

    /** One region compared: events, the share that were violent, fatalities, arrests, first and last day. */
    public record RegionComparison(String country, String admin1, long events, long violent, Double violentShare,
                                   long fatalities, long arrests, LocalDate firstDay, LocalDate lastDay,
                                   LocalDate firstProtestDay) {
    }

    /** Regions, most events first. */
    public List<RegionComparison> regions(EventFilter f) {
        return regionRows(f).stream()
                .map(r -> new RegionComparison(r.country(), r.admin1(), r.events(), r.violent(),
                        share(r.violent(), r.events()), r.fatalities(), r.arrests(), r.firstDay(), r.lastDay(),
                        r.firstProtestDay()))
                .sorted(Comparator.comparingLong(RegionComparison::events).reversed()
                        .thenComparing(RegionComparison::admin1))
                .toList();
    }

    /** Who acted where and when: one row per actor and region, by actor then first day. */
    public List<Aggregates.ActorRow> actors(EventFilter f) {
        return columns(f).map(c -> c.actors(f)).orElseGet(() -> store.actors(f));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
