package org.unrest.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unrest.model.Event;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.model.Source;
import org.unrest.model.Span;
import org.unrest.store.EventStore.AddOutcome;

/**
 * What every {@link EventStore} must do. Each database gets a subclass that says how to make a fresh, empty
 * database ({@link #newDatabase()}) in the form {@link JdbcEventStore#open(String)} takes.
 */
abstract class EventStoreContractTest implements ReviewStoreContract, PublisherCountsContract {
    private static final LocalDate D1 = LocalDate.of(2022, 1, 2);
    private static final LocalDate D2 = LocalDate.of(2022, 1, 4);
    private static final LocalDate D3 = LocalDate.of(2022, 1, 6);

    protected String db;
    protected EventStore store;

    /** A fresh, empty database for one test. */
    protected abstract String newDatabase() throws Exception;

    /** Called after each test, once the store is closed. */
    protected void dropDatabase(String db) throws Exception {
    }

    @BeforeEach
    void openStore() throws Exception {
        db = newDatabase();
        store = JdbcEventStore.open(db);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store != null) {
            store.close();
        }
        dropDatabase(db);
    }

    @Override
    public EventStore store() {
        return store;
    }

    private void reopen() {
        store.close();
        store = JdbcEventStore.open(db);
    }

    @Override
    public EventStore reopened() {
        reopen();
        return store;
    }

    @Test
    void reportTextAndMetadataComeBackExactly() {
        Instant before = Instant.now().minusSeconds(1);
        Report r = Fixtures.report("r1", Fixtures.TRICKY_TEXT);
        assertEquals(AddOutcome.ADDED, store.addReport(r, List.of()));

        StoredReport stored = store.report("r1").orElseThrow();
        assertEquals(r, stored.report());
        assertArrayEquals(r.text().toCharArray(), stored.report().text().toCharArray(), "every UTF-16 unit kept");
        assertEquals(r.text().length(), stored.report().text().length());
        assertEquals(r.contentHash(), stored.contentHash());
        assertTrue(!stored.ingestedAt().isBefore(before) && !stored.ingestedAt().isAfter(Instant.now().plusSeconds(1)),
                "ingested_at is now: " + stored.ingestedAt());
        assertEquals(stored, store.reportByHash(r.contentHash()).orElseThrow());
        assertTrue(store.report("nope").isEmpty());
        assertTrue(store.reportByHash("0".repeat(64)).isEmpty());
    }

    @Test
    void reportWithoutMetadataComesBackWithout() {
        Report r = Fixtures.bareReport("bare", "x");
        store.addReport(r, List.of());
        StoredReport stored = store.report("bare").orElseThrow();
        assertEquals(r, stored.report());
        assertEquals(ReportMetadata.empty(), stored.report().metadata());
    }

    @Test
    void spansIntoStoredTextStillPointAtTheSameText() {
        String text = Fixtures.TRICKY_TEXT;
        int start = text.indexOf("Oil workers");
        Span span = new Span(start, start + "Oil workers rallied".length());
        Event e = Fixtures.event("e1", "r1", D1, "Protests", "Mangghystau").toBuilder()
                .sources(List.of(new Source("r1", null, null, null, List.of(span)))).build();
        store.addReport(Fixtures.report("r1", text), List.of(e));

        String stored = store.report("r1").orElseThrow().report().text();
        Span back = store.event("e1").orElseThrow().sources().get(0).spans().get(0);
        assertEquals("Oil workers rallied", back.of(stored));
    }

    @Test
    void eventComesBackWithEveryField() {
        Event full = Fixtures.fullEvent("e-full", "r1");
        store.addReport(Fixtures.report("r1", "text one"), List.of(full));
        assertEquals(full, store.event("e-full").orElseThrow());
        assertEquals(List.of(full), store.events(EventQuery.all()));
        assertTrue(store.event("nope").isEmpty());
    }

    @Test
    void duplicateContentHashAddsNothing() {
        store.addReport(Fixtures.report("r1", "same text"), List.of(Fixtures.event("e1", "r1", D1, "Protests", "A")));
        AddOutcome again = store.addReport(Fixtures.report("r2", "same text"),
                List.of(Fixtures.event("e2", "r2", D2, "Riots", "B")));

        assertEquals(AddOutcome.DUPLICATE, again);
        assertEquals(1, store.countReports());
        assertEquals(1, store.countEvents());
        assertTrue(store.report("r2").isEmpty());
        assertTrue(store.event("e2").isEmpty());
        assertEquals("r1", store.reportByHash(Fixtures.bareReport("x", "same text").contentHash())
                .orElseThrow().report().id());
    }

    @Test
    void addThatFailsMidwayLeavesTheStoreAsItWas() {
        Event e1 = Fixtures.event("e1", "r1", D1, "Protests", "A");
        store.addReport(Fixtures.report("r1", "first"), List.of(e1));

        // the second event repeats the first one's id: the insert fails after the report and one event went in
        List<Event> bad = List.of(Fixtures.event("e2", "r2", D2, "Riots", "B"),
                Fixtures.event("e3", "r2", D3, "Riots", "B"),
                Fixtures.event("e2", "r2", D3, "Protests", "C"));
        StoreException ex = assertThrows(StoreException.class,
                () -> store.addReport(Fixtures.report("r2", "second"), bad));
        assertTrue(ex.getMessage().contains("r2"), ex.getMessage());
        assertTrue(ex.getMessage().contains("nothing of it was stored"), ex.getMessage());

        assertStoreHoldsOnly("r1", e1);
        // the failed report's hash was not taken: it can be added once fixed
        assertEquals(AddOutcome.ADDED, store.addReport(Fixtures.report("r2", "second"), bad.subList(0, 2)));
        assertEquals(3, store.countEvents());
    }

    @Test
    void addWhoseEventIdIsAlreadyStoredFailsWholly() {
        Event e1 = Fixtures.event("e1", "r1", D1, "Protests", "A");
        store.addReport(Fixtures.report("r1", "first"), List.of(e1));
        assertThrows(StoreException.class, () -> store.addReport(Fixtures.report("r2", "second"),
                List.of(Fixtures.event("e2", "r2", D2, "Riots", "B"), Fixtures.event("e1", "r2", D2, "Riots", "B"))));
        assertStoreHoldsOnly("r1", e1);
        assertEquals(e1, store.event("e1").orElseThrow(), "the stored event is untouched");
    }

    @Test
    void reportIdAlreadyStoredWithOtherTextFails() {
        Event e1 = Fixtures.event("e1", "r1", D1, "Protests", "A");
        store.addReport(Fixtures.report("r1", "first"), List.of(e1));
        assertThrows(StoreException.class, () -> store.addReport(Fixtures.report("r1", "other text"),
                List.of(Fixtures.event("e2", "r1", D2, "Riots", "B"))));
        assertStoreHoldsOnly("r1", e1);
        assertEquals("first", store.report("r1").orElseThrow().report().text());
    }

    @Test
    void eventWithoutIdIsRejectedBeforeWriting() {
        Event noId = Fixtures.event(null, "r1", D1, "Protests", "A");
        assertThrows(IllegalArgumentException.class,
                () -> store.addReport(Fixtures.report("r1", "t"), List.of(noId)));
        assertEquals(0, store.countReports());
    }

    @Test
    void textNoDatabaseCanKeepExactlyIsRefusedBeforeWriting() {
        for (String bad : List.of("nul \u0000 here", "lone high \uD83D here", "lone low \uDE00 here", "ends high \uD83D")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.addReport(Fixtures.report("r1", bad), List.of()));
            assertTrue(e.getMessage().contains("r1") && e.getMessage().contains("offset"), e.getMessage());
        }
        assertEquals(0, store.countReports());
        assertEquals(AddOutcome.ADDED, store.addReport(Fixtures.report("r1", "pair \uD83D\uDE00 ok"), List.of()));
    }

    private void assertStoreHoldsOnly(String reportId, Event event) {
        assertEquals(1, store.countReports());
        assertEquals(1, store.countEvents());
        assertEquals(List.of(reportId), store.reports(0, 0).stream().map(r -> r.report().id()).toList());
        assertEquals(List.of(event), store.events(EventQuery.all()));
    }

    /** Six events over three reports; e5 has no date, e6 is told by r1 and r3. */
    private void addSample() {
        store.addReport(Fixtures.report("r1", "one"), List.of(
                Fixtures.event("e2", "r1", D2, "Protests", "Mangghystau"),
                Fixtures.event("e1", "r1", D1, "Protests", "Almaty")));
        store.addReport(Fixtures.report("r2", "two"), List.of(
                Fixtures.event("e3", "r2", D3, "Riots", "Almaty"),
                Fixtures.event("e5", "r2", null, "Protests", null),
                Fixtures.event("e4", "r2", D2, "Riots", "Almaty")));
        Event e6 = Fixtures.event("e6", "r3", D1, "Riots", "Mangghystau").toBuilder()
                .sources(List.of(new Source("r3", null, null, null, List.of(new Span(0, 1))),
                        new Source("r1", null, null, null, List.of(new Span(0, 1)))))
                .build();
        store.addReport(Fixtures.report("r3", "three"), List.of(e6));
    }

    private List<String> ids(EventQuery q) {
        return store.events(q).stream().map(Event::eventId).toList();
    }

    private static EventQuery q(LocalDate from, LocalDate to, String type, String country, String admin1,
                                String report, int offset, int limit) {
        return new EventQuery(from, to, type, country, admin1, report, offset, limit);
    }

    @Test
    void eventsComeOrderedByDateThenIdWithUndatedLast() {
        addSample();
        assertEquals(List.of("e1", "e6", "e2", "e4", "e3", "e5"), ids(EventQuery.all()));
    }

    @Test
    void dateRangeIsInclusive() {
        addSample();
        assertEquals(List.of("e2", "e4", "e3"), ids(q(D2, D3, null, null, null, null, 0, 0)));
        assertEquals(List.of("e2", "e4"), ids(q(D2, D2, null, null, null, null, 0, 0)));
        assertEquals(List.of("e1", "e6", "e2", "e4"), ids(q(null, D2, null, null, null, null, 0, 0)));
        assertEquals(List.of("e3"), ids(q(D2.plusDays(1), null, null, null, null, null, 0, 0)));
        assertEquals(List.of(), ids(q(D3.plusDays(1), null, null, null, null, null, 0, 0)));
    }

    @Test
    void filtersByTypeRegionCountryAndReport() {
        addSample();
        assertEquals(List.of("e1", "e2", "e5"), ids(q(null, null, "Protests", null, null, null, 0, 0)));
        assertEquals(List.of("e1", "e4", "e3"), ids(q(null, null, null, null, "Almaty", null, 0, 0)));
        assertEquals(List.of("e4", "e3"), ids(q(null, null, "Riots", null, "Almaty", null, 0, 0)));
        assertEquals(List.of("e1", "e6", "e2", "e4", "e3"), ids(q(null, null, null, "KZ", null, null, 0, 0)));
        assertEquals(List.of(), ids(q(null, null, null, "KG", null, null, 0, 0)));
        assertEquals(List.of("e4"), ids(q(D1, D2, "Riots", "KZ", "Almaty", "r2", 0, 0)));
    }

    @Test
    void reportFilterFindsEventsByAnyOfTheirSources() {
        addSample();
        assertEquals(List.of("e4", "e3", "e5"), ids(EventQuery.ofReport("r2")));
        assertEquals(List.of("e6"), ids(EventQuery.ofReport("r3")));
        assertEquals(List.of("e1", "e6", "e2"), ids(EventQuery.ofReport("r1")), "e6 names r1 as a second source");
        assertEquals(List.of(), ids(EventQuery.ofReport("nope")));
    }

    @Test
    void offsetAndLimitPage() {
        addSample();
        assertEquals(List.of("e1", "e6"), ids(q(null, null, null, null, null, null, 0, 2)));
        assertEquals(List.of("e2", "e4"), ids(q(null, null, null, null, null, null, 2, 2)));
        assertEquals(List.of("e3", "e5"), ids(q(null, null, null, null, null, null, 4, 0)), "limit 0 is all");
        assertEquals(List.of(), ids(q(null, null, null, null, null, null, 10, 5)));
        assertThrows(IllegalArgumentException.class, () -> store.events(q(null, null, null, null, null, null, -1, 0)));
    }

    @Test
    void countsAndReportsInIngestOrder() {
        assertEquals(0, store.countReports());
        assertEquals(0, store.countEvents());
        addSample();
        assertEquals(3, store.countReports());
        assertEquals(6, store.countEvents());
        assertEquals(List.of("r1", "r2", "r3"), store.reports(0, 0).stream().map(r -> r.report().id()).toList());
        assertEquals(List.of("r2"), store.reports(1, 1).stream().map(r -> r.report().id()).toList());
        assertEquals(List.of(), store.reports(3, 10));
    }

    @Test
    void reopeningKeepsEverythingAndMigratesAgainCleanly() {
        addSample();
        Event full = Fixtures.fullEvent("e-full", "r9");
        Report r9 = Fixtures.report("r9", Fixtures.TRICKY_TEXT);
        store.addReport(r9, List.of(full));
        List<Event> before = store.events(EventQuery.all());
        StoredReport storedBefore = store.report("r9").orElseThrow();

        reopen();
        reopen();
        assertEquals(4, store.countReports());
        assertEquals(7, store.countEvents());
        assertEquals(before, store.events(EventQuery.all()));
        assertEquals(storedBefore, store.report("r9").orElseThrow());
        assertEquals(AddOutcome.DUPLICATE, store.addReport(r9.withId("r10"), List.of()));
    }

    @Test
    void concurrentAddsOfTheSameTextStoreItOnce() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<AddOutcome>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String id = "r" + i;
                Callable<AddOutcome> add = () -> {
                    go.await();
                    return store.addReport(Fixtures.report(id, "the very same text"),
                            List.of(Fixtures.event("e-" + id, id, D1, "Protests", "A")));
                };
                results.add(pool.submit(add));
            }
            go.countDown();
            int added = 0;
            for (Future<AddOutcome> f : results) {
                if (f.get() == AddOutcome.ADDED) {
                    added++;
                }
            }
            assertEquals(1, added);
            assertEquals(1, store.countReports());
            assertEquals(1, store.countEvents());
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void locationNamesTheDatabaseWithoutPassword() {
        assertFalse(store.location().isBlank());
        assertFalse(store.location().matches("(?i).*password=(?!\\*\\*\\*).*"), store.location());
    }

    @Test
    void manyEventsInOneReport() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(Fixtures.event(String.format("e%03d", i), "r1", D1.plusDays(i % 7), "Protests", "A"));
        }
        Duration took = timed(() -> store.addReport(Fixtures.report("r1", "big"), events));
        assertEquals(200, store.countEvents());
        assertEquals(List.of("e000", "e007"), ids(q(D1, D1, null, null, null, null, 0, 2)));
        assertTrue(took.toSeconds() < 30, "200 events took " + took);
    }

    private static Duration timed(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return Duration.ofNanos(System.nanoTime() - t);
    }
}
