package org.unrest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.unrest.model.PlaceContext.HomeRegion;
import org.unrest.store.EventStore.AddOutcome;

/**
 * The store's part of learning publisher homes: per-publisher counts of reports and of the regions they mention,
 * added in the transaction that stores a report. Mixed into {@link EventStoreContractTest}, so it runs on H2 and on
 * PostgreSQL.
 */
interface PublisherCountsContract {
    EventStore store();

    /** Closes the store and opens the same database again. */
    EventStore reopened();

    HomeRegion LA = new HomeRegion("US", "Louisiana");
    HomeRegion TX = new HomeRegion("US", "Texas");
    String TOWN_TALK = "thetowntalk.com";

    private static PublisherTally tally(String publisher, HomeRegion... regions) {
        return new PublisherTally(publisher, Set.of(regions));
    }

    @Test
    default void countsAddUpOnePerStoredReportAndSurviveReopening() {
        EventStore s = store();
        assertEquals(Optional.empty(), s.publisherCounts(TOWN_TALK), "nothing counted yet");
        s.addReport(Fixtures.report("r1", "Pineville, Louisiana, and Houston, Texas."), List.of(), List.of(),
                tally(TOWN_TALK, LA, TX));
        s.addReport(Fixtures.report("r2", "Rapides Parish deputies."),
                List.of(Fixtures.event("e2", "r2", LocalDate.of(2022, 1, 2), "Protests", "A")), List.of(),
                tally(TOWN_TALK, LA));
        s.addReport(Fixtures.report("r3", "The mayor spoke about the weather."), List.of(), List.of(),
                tally(TOWN_TALK));
        s.addReport(Fixtures.report("r4", "Protests in Texas."), List.of(), List.of(), tally("wire.example", TX));
        s.addReport(Fixtures.report("r5", "A report nobody counts."), List.of());

        PublisherCounts expected = new PublisherCounts(TOWN_TALK, 3, Map.of(LA, 2L, TX, 1L));
        assertEquals(Optional.of(expected), s.publisherCounts(TOWN_TALK));
        assertEquals(Optional.of(new PublisherCounts("wire.example", 1, Map.of(TX, 1L))),
                s.publisherCounts("wire.example"));
        assertEquals(Optional.empty(), s.publisherCounts("Thetowntalk.com"), "keys are matched exactly");
        assertEquals(Optional.empty(), s.publisherCounts(null));
        assertEquals(Optional.of(expected), reopened().publisherCounts(TOWN_TALK));
    }

    @Test
    default void aPublisherWithNoRegionStillCountsItsReports() {
        store().addReport(Fixtures.report("r1", "Nothing local here."), List.of(), List.of(), tally("national.example"));
        assertEquals(Optional.of(new PublisherCounts("national.example", 1, Map.of())),
                store().publisherCounts("national.example"));
    }

    @Test
    default void aDuplicateTextCountsNothing() {
        EventStore s = store();
        assertEquals(AddOutcome.ADDED, s.addReport(Fixtures.report("r1", "Pineville, Louisiana."), List.of(),
                List.of(), tally(TOWN_TALK, LA)));
        assertEquals(AddOutcome.DUPLICATE, s.addReport(Fixtures.report("r1-again", "Pineville, Louisiana."),
                List.of(), List.of(), tally(TOWN_TALK, LA, TX)));
        assertEquals(Optional.of(new PublisherCounts(TOWN_TALK, 1, Map.of(LA, 1L))), s.publisherCounts(TOWN_TALK));
    }

    @Test
    default void anAddThatFailsCountsNothing() {
        EventStore s = store();
        s.addReport(Fixtures.report("r1", "Pineville, Louisiana."), List.of(), List.of(), tally(TOWN_TALK, LA));
        // merging into an event that is not stored fails the whole add
        assertThrows(StoreException.class, () -> s.addReport(Fixtures.report("r2", "Alexandria, Louisiana."),
                List.of(), List.of(Fixtures.event("nowhere", "r0", null, "Protests", "A")), tally(TOWN_TALK, LA)));
        assertEquals(1, s.countReports());
        assertEquals(Optional.of(new PublisherCounts(TOWN_TALK, 1, Map.of(LA, 1L))), s.publisherCounts(TOWN_TALK));
    }

    @Test
    default void publishersAreListedMostReportsFirstAndCanBeRecounted() {
        EventStore s = store();
        s.addReport(Fixtures.report("r1", "Pineville, Louisiana."), List.of(), List.of(), tally(TOWN_TALK, LA));
        s.addReport(Fixtures.report("r2", "Houston, Texas."), List.of(), List.of(), tally("wire.example", TX));
        s.addReport(Fixtures.report("r3", "Alexandria, Louisiana."), List.of(), List.of(), tally(TOWN_TALK, LA, TX));
        s.addReport(Fixtures.report("r4", "Before the counts were kept."), List.of());
        assertEquals(List.of(new PublisherCounts(TOWN_TALK, 2, Map.of(LA, 2L, TX, 1L)),
                new PublisherCounts("wire.example", 1, Map.of(TX, 1L))), s.publishers());

        s.replacePublisherCounts(List.of(tally(TOWN_TALK, LA), tally(TOWN_TALK, LA), tally(TOWN_TALK),
                tally("national.example")));
        assertEquals(List.of(new PublisherCounts(TOWN_TALK, 3, Map.of(LA, 2L)),
                new PublisherCounts("national.example", 1, Map.of())), reopened().publishers());
        assertEquals(Optional.empty(), store().publisherCounts("wire.example"), "replaced, not added to");
        assertEquals(4, store().countReports(), "reports untouched");

        store().replacePublisherCounts(List.of());
        assertEquals(List.of(), store().publishers());
    }

    @Test
    default void weightsAndNamesAddUpPerRegion() {
        EventStore s = store();
        s.addReport(Fixtures.report("r1", "Nashville, Tennessee."), List.of(), List.of(),
                new PublisherTally(TOWN_TALK, Set.of(LA, TX), Map.of(LA, 2), Map.of(LA, 3)));
        s.addReport(Fixtures.report("r2", "Houston."), List.of(), List.of(), tally(TOWN_TALK, LA, TX));
        PublisherCounts expected = new PublisherCounts(TOWN_TALK, 2, Map.of(LA, 2L, TX, 2L), Map.of(LA, 3L, TX, 2L),
                Map.of(LA, 3L));
        assertEquals(Optional.of(expected), s.publisherCounts(TOWN_TALK));
        assertEquals(List.of(expected), reopened().publishers());
        assertThrows(IllegalArgumentException.class,
                () -> new PublisherTally(TOWN_TALK, Set.of(LA), Map.of(TX, 2), Map.of()), "weights of unmentioned regions");
        assertThrows(IllegalArgumentException.class,
                () -> new PublisherTally(TOWN_TALK, Set.of(LA), Map.of(LA, 0), Map.of()), "weights start at 1");
    }

    @Test
    default void aTallyNeedsAPublisherAndFirstLevelRegions() {
        assertThrows(IllegalArgumentException.class, () -> tally(" ", LA));
        assertThrows(IllegalArgumentException.class, () -> tally(TOWN_TALK, new HomeRegion("US", null)));
    }

    @Test
    default void concurrentFirstReportsOfANewPublisherAreAllCounted() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<AddOutcome>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String id = "r" + i;
                boolean withEvent = i % 2 == 0; // half take the revision lock for their events, half only for counts
                results.add(pool.submit(() -> {
                    go.await();
                    return store().addReport(Fixtures.report(id, "Report " + id + " from Pineville, Louisiana."),
                            withEvent ? List.of(Fixtures.event("e-" + id, id, LocalDate.of(2022, 1, 2), "Protests",
                                    "A")) : List.of(), List.of(), tally(TOWN_TALK, LA));
                }));
            }
            go.countDown();
            for (Future<AddOutcome> f : results) {
                assertEquals(AddOutcome.ADDED, f.get());
            }
            assertEquals(Optional.of(new PublisherCounts(TOWN_TALK, threads, Map.of(LA, (long) threads))),
                    store().publisherCounts(TOWN_TALK));
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
