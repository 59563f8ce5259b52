package org.unrest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrest.model.PlaceContext.HomeRegion;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.store.JdbcEventStore;

/** Counts rebuilt from stored reports: a store whose reports were never counted learns its publishers' homes. */
class PublisherRecountTest {
    @TempDir
    Path tmp;

    private static Report report(String id, String publisher, String text) {
        return new Report(id, text, new ReportMetadata(null, publisher, LocalDate.of(2009, 6, 12), "en", null, null), id);
    }

    @Test
    void reportsStoredWithoutCountsTeachTheHomeOnRecount() {
        try (JdbcEventStore store = JdbcEventStore.open(tmp.resolve("db").toString())) {
            // as stored before the counts were kept: no tally
            store.addReport(report("a", "The Town Talk", "Teachers rallied in Pineville, Louisiana, on Tuesday."), List.of());
            store.addReport(report("b", "The Town Talk", "A march through Lafayette, Louisiana, on Saturday."), List.of());
            store.addReport(report("c", "The Town Talk", "Nurses went on strike in Baton Rouge on Monday."), List.of());
            store.addReport(report("d", null, "Workers protested in Houston, Texas."), List.of());
            assertNull(PublisherHomes.homeOf(store, "The Town Talk"));

            PublisherRecount.Result r = PublisherRecount.recount(store, Pipelines.standard().placeResolver());
            assertEquals(new PublisherRecount.Result(4, 3, 1), r);
            assertEquals(new HomeRegion("US", "Louisiana"), PublisherHomes.homeOf(store, "The Town Talk"));

            // a second recount replaces, it does not add
            PublisherRecount.recount(store, Pipelines.standard().placeResolver());
            assertEquals(3, store.publisherCounts(PublisherHomes.key("The Town Talk")).orElseThrow().reports());
        }
    }
}
