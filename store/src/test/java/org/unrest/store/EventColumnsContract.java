package org.unrest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unrest.model.Event;
import org.unrest.model.ReviewState;

/**
 * {@link EventColumns} gives exactly what the SQL gives (same rows, same order) for the timeline, regions,
 * demands per day and actors, and the same map points, over a few thousand generated events and many filters;
 * and stays exact after reviews, ingests and merges. One subclass per database.
 */
abstract class EventColumnsContract {
    protected abstract String newDatabase() throws Exception;

    protected void dropDatabase(String db) throws Exception {
    }

    private String db;
    protected JdbcEventStore store;

    @BeforeEach
    void open() throws Exception {
        db = newDatabase();
        store = JdbcEventStore.open(db);
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
        dropDatabase(db);
    }

    static final List<String> REPORTS = List.of("r0", "r1", "r2", "r3", "r4", "r5");

    private void fill(Random rnd) {
        for (String r : REPORTS) {
            store.addReport(Fixtures.bareReport(r, "Generated report " + r),
                    GeneratedEvents.events(rnd, r, "ev-" + r, 500, List.of("r-elsewhere", "r0", "r1")));
        }
    }

    static List<EventFilter> filters() {
        List<String> open = List.of("unreviewed", "accepted", "corrected");
        List<EventFilter> out = new ArrayList<>();
        out.add(EventFilter.all());
        out.add(EventFilter.builder().reviewStates(open).build());
        out.add(EventFilter.builder().reviewStates(List.of("rejected", "merged")).build());
        out.add(EventFilter.builder().from(LocalDate.of(2022, 1, 1)).to(LocalDate.of(2022, 1, 10)).build());
        out.add(EventFilter.builder().from(LocalDate.of(2022, 1, 5)).reviewStates(open).build());
        out.add(EventFilter.builder().to(LocalDate.of(2021, 12, 31)).build());
        out.add(EventFilter.builder().types(List.of("Riots", "Battles")).build());
        out.add(EventFilter.builder().types(List.of("No such type")).build());
        out.add(EventFilter.builder().subTypes(List.of("Peaceful protest", "Excessive force against protesters")).build());
        out.add(EventFilter.builder().forms(List.of("strike")).build());
        out.add(EventFilter.builder().forms(List.of("a%b", "x_y", "rally")).build());
        out.add(EventFilter.builder().forms(List.of("x%")).build());
        out.add(EventFilter.builder().admin1(List.of("Almaty", "Жамбыл")).build());
        out.add(EventFilter.builder().actor("police").build());
        out.add(EventFilter.builder().actor("PROTESTERS (").build());
        out.add(EventFilter.builder().actor("полиция").build());
        out.add(EventFilter.builder().actor("élite").build());
        out.add(EventFilter.builder().actor("a_b%").build());
        out.add(EventFilter.builder().country("KZ").build());
        out.add(EventFilter.builder().country("XX").build());
        out.add(EventFilter.builder().reportId("r1").build());
        out.add(EventFilter.builder().reportId("r-elsewhere").build());
        out.add(EventFilter.builder().reportId("nope").build());
        out.add(EventFilter.builder().minConfidence(0.5).build());
        out.add(EventFilter.builder().minConfidence(0.3).maxConfidence(0.7).reviewStates(open).build());
        out.add(EventFilter.builder().maxConfidence(0.0).build());
        out.add(EventFilter.builder().from(LocalDate.of(2021, 12, 25)).to(LocalDate.of(2022, 1, 20))
                .types(List.of("Protests", "Riots")).admin1(List.of("Mangystau", "Almaty City", "almaty"))
                .actor("kazakhstan").country("KZ").reviewStates(open).minConfidence(0.2).build());
        return out;
    }

    private void assertSame(String when) {
        EventColumns columns = store.columns().orElseThrow();
        for (EventFilter f : filters()) {
            String what = when + ", filter " + f;
            assertEquals(store.timeline(f), columns.timeline(f), "timeline " + what);
            assertEquals(store.regions(f), columns.regions(f), "regions " + what);
            assertEquals(store.demandsByDay(f), columns.demandsByDay(f), "demands " + what);
            assertEquals(store.actors(f), columns.actors(f), "actors " + what);
            assertEquals(store.mapPoints(f), columns.mapPoints(f), "map points " + what);
            List<Aggregates.MapPoint> points = store.mapPoints(f);
            EventColumns.MapData data = columns.mapData(f);
            assertEquals(points.stream().map(Aggregates.MapPoint::eventId).toList(), data.ids(), "map data " + what);
            for (int i = 0; i < points.size(); i++) {
                Aggregates.MapPoint p = points.get(i);
                assertEquals(Math.round(p.lon() * 1e5), data.lonE5()[i]);
                assertEquals(Math.round(p.lat() * 1e5), data.latE5()[i]);
                assertEquals(p.eventType(), data.type()[i] < 0 ? null : data.types().get(data.type()[i]));
                assertEquals(p.subEventType(), data.subType()[i] < 0 ? null : data.subTypes().get(data.subType()[i]));
                assertEquals(p.place() != null ? p.place() : p.admin1(),
                        data.place()[i] < 0 ? null : data.places().get(data.place()[i]));
                assertEquals(p.eventDate(), data.day()[i] < 0 ? null : data.days().get(data.day()[i]));
            }
            EventFilter page = f.toBuilder().offset(37).limit(120).build();
            assertEquals(store.mapPoints(page), columns.mapPoints(page), "map points, a page, " + what);
            assertEquals(store.sqlEvents(page).stream().map(Event::eventId).toList(), columns.ids(page), "ids " + what);
            EventFilter queue = page.toBuilder().order(EventFilter.Order.CONFIDENCE).build();
            assertEquals(store.sqlEvents(queue).stream().map(Event::eventId).toList(), columns.ids(queue),
                    "ids by confidence " + what);
            assertEquals(store.sqlEvents(queue), store.events(queue), "events by confidence " + what);
        }
    }

    @Test
    void sameAnswersAsTheSql() {
        fill(new Random(7));
        assertTrue(store.columns().orElseThrow().size() == 3000);
        assertTrue(store.timeline(EventFilter.all()).size() > 100, "enough to compare");
        assertTrue(store.actors(EventFilter.all()).size() > 100, "enough to compare");
        assertSame("as ingested");
    }

    @Test
    void reviewsIngestsAndMergesShowUpInTheNextAnswer() {
        Random rnd = new Random(11);
        fill(rnd);
        EventColumns columns = store.columns().orElseThrow();
        assertSame("as ingested");
        long before = store.revision();

        // reviews: reject some, accept others, edit one's type and region (a string never seen before)
        List<Event> some = store.events(EventFilter.builder().limit(40).build());
        store.change(some.subList(0, 20).stream().map(Event::eventId).toList(), "tester",
                list -> list.stream().map(e -> new EventChange(e.toBuilder().reviewState(ReviewState.REJECTED).build(),
                        "reject", null)).toList());
        Event edited = some.get(25);
        store.change(List.of(edited.eventId()), "tester", list -> List.of(new EventChange(list.get(0).toBuilder()
                .eventType("Riots").subEventType("Mob violence").reviewState(ReviewState.CORRECTED)
                .location(new org.unrest.model.Location("Aqtau", "Aqtau", null, "KZ", "Aaa New Region", null, 43.6, 51.2,
                        1, List.of()))
                .actor1(new org.unrest.model.Actor("Aardvark Militia", "militia", 3, null)).build(), "edit", null)));
        assertTrue(store.revision() > before);
        assertEquals(3000, columns.size());
        assertSame("after reviews");
        assertTrue(columns.actors(EventFilter.all()).stream().anyMatch(a -> a.name().equals("Aardvark Militia")));

        // an ingest that adds events and merges itself into stored ones (more sources, new figures)
        List<Event> told = store.events(EventFilter.builder().reportId("r2").limit(30).build()).stream()
                .map(e -> e.toBuilder().fatalities(9).sources(new ArrayList<>(e.sources()) {{
                    add(new org.unrest.model.Source("r-new", null, null, null, List.of(new org.unrest.model.Span(0, 3))));
                }}).build()).toList();
        store.addReport(Fixtures.bareReport("r-new", "A newer report"),
                GeneratedEvents.events(rnd, "r-new", "ev-new", 200, List.of("r3")), told);
        assertEquals(3200, columns.size());
        assertSame("after an ingest with merges");
        assertEquals(30 + 200, columns.mapPoints(EventFilter.builder().reportId("r-new").build()).size()
                + countWithoutCoordinates("r-new"));
    }

    private int countWithoutCoordinates(String report) {
        return (int) store.events(EventFilter.builder().reportId(report).build()).stream()
                .filter(e -> e.location() == null || e.location().lat() == null || e.location().lon() == null).count();
    }
}
