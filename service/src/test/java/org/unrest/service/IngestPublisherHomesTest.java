package org.unrest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrest.model.Event;
import org.unrest.model.Location;
import org.unrest.model.PlaceContext.HomeRegion;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.store.EventQuery;
import org.unrest.store.JdbcEventStore;
import org.unrest.store.PublisherCounts;

/**
 * Ingest learns each publisher's home region from its own stored reports and reads its ambiguous names there: after
 * three reports of a Louisiana paper, its "Alexandria" is Alexandria, Louisiana; the same words from another
 * publisher are not read in Louisiana.
 */
class IngestPublisherHomesTest {
    private static final String TOWN_TALK = "https://www.thetowntalk.com/";
    private static final String WIRE = "World Wire Service";
    private static final HomeRegion LOUISIANA = new HomeRegion("US", "Louisiana");

    /** A Louisiana paper's reports: each names places in Louisiana only. */
    private static final List<String> LOCAL = List.of(
            "Teachers rallied outside the Rapides Parish School Board office in Pineville on Tuesday, demanding a pay"
                    + " raise before the new school year.",
            "About 200 people marched through downtown Lafayette, Louisiana, on Saturday to protest the planned"
                    + " closure of the University Medical Center.",
            "Nurses at Our Lady of the Lake hospital in Baton Rouge went on strike on Monday over staffing levels,"
                    + " their union said.");
    /** "Alexandria": Egypt's on its own, Virginia's or Louisiana's in an American paper. */
    private static final String AMBIGUOUS =
            "Dozens of residents protested outside City Hall in Alexandria on Friday against the new curfew.";

    @TempDir
    Path tmp;

    private static Report report(String id, String publisher, String text) {
        return new Report(id, text, new ReportMetadata(null, publisher, LocalDate.of(2009, 6, 12), "en", null, null),
                id);
    }

    private static Location placeOf(JdbcEventStore store, String reportId) {
        List<Event> events = store.events(EventQuery.ofReport(reportId));
        assertFalse(events.isEmpty(), "an event in " + reportId);
        return events.get(0).location();
    }

    private static void ingestLocalReports(IngestService ingest) {
        for (int i = 0; i < LOCAL.size(); i++) {
            assertEquals("new", ingest.ingestOne(report("local-" + i, TOWN_TALK, LOCAL.get(i))).outcome());
        }
    }

    @Test
    void afterThreeLocalReportsAnAmbiguousTownResolvesInThePapersStateButNotForOthers() {
        try (JdbcEventStore store = JdbcEventStore.open(tmp.resolve("a").toString())) {
            IngestService ingest = new IngestService(store);
            ingestLocalReports(ingest);
            assertEquals(LOUISIANA, PublisherHomes.homeOf(store, TOWN_TALK), "learned from the store");

            ingest.ingestOne(report("local-alexandria", TOWN_TALK, AMBIGUOUS));
            Location local = placeOf(store, "local-alexandria");
            assertEquals("Alexandria", local.name());
            assertEquals("US", local.country());
            assertEquals("Louisiana", local.admin1());
        }
        try (JdbcEventStore store = JdbcEventStore.open(tmp.resolve("b").toString())) {
            IngestService ingest = new IngestService(store);
            ingestLocalReports(ingest);
            ingest.ingestOne(report("wire-alexandria", WIRE, AMBIGUOUS));
            Location wire = placeOf(store, "wire-alexandria");
            assertEquals("Alexandria", wire.name());
            assertNotEquals("Louisiana", wire.admin1(), "another publisher's text is not read at the paper's home");
            assertNull(PublisherHomes.homeOf(store, WIRE));
        }
    }

    @Test
    void reingestingChangesNoCountsAndReportsWithoutPublisherCountNothing() {
        try (JdbcEventStore store = JdbcEventStore.open(tmp.resolve("c").toString())) {
            IngestService ingest = new IngestService(store);
            ingestLocalReports(ingest);
            ingest.ingestOne(report("local-alexandria", TOWN_TALK, AMBIGUOUS));
            PublisherCounts counts = store.publisherCounts("thetowntalk.com").orElseThrow();
            assertEquals(4, counts.reports());
            assertEquals(3L, counts.regionReports().get(LOUISIANA), "the three local reports; " + counts);

            assertEquals("duplicate", ingest.ingestOne(report("again", TOWN_TALK, LOCAL.get(0))).outcome());
            IngestSummary batch = ingest.ingestAll(List.of(report("again-1", TOWN_TALK, LOCAL.get(1)),
                    report("again-2", "thetowntalk.com", AMBIGUOUS)), IngestListener.NONE);
            assertEquals(2, batch.duplicates());
            assertEquals(Optional.of(counts), store.publisherCounts("thetowntalk.com"), "re-ingest counts nothing");

            assertEquals("new", ingest.ingestOne(report("anonymous", null,
                    "Workers rallied in Shreveport, Louisiana, on Friday against pay cuts.")).outcome());
            assertEquals(Optional.of(counts), store.publisherCounts("thetowntalk.com"));
            assertEquals(5, store.countReports());
        }
    }

    @Test
    void aBatchIsReadAsIfItsReportsCameOneByOne() {
        try (JdbcEventStore store = JdbcEventStore.open(tmp.resolve("d").toString())) {
            IngestService ingest = new IngestService(store);
            // all four are coded in parallel; the last is coded again once the first three have made a home
            List<Report> all = List.of(report("local-0", TOWN_TALK, LOCAL.get(0)),
                    report("local-1", TOWN_TALK, LOCAL.get(1)), report("local-2", TOWN_TALK, LOCAL.get(2)),
                    report("local-alexandria", TOWN_TALK, AMBIGUOUS));
            assertEquals(4, ingest.ingestAll(all, IngestListener.NONE).newReports());
            assertEquals("Louisiana", placeOf(store, "local-alexandria").admin1());
            assertEquals(4, store.publisherCounts("thetowntalk.com").orElseThrow().reports());
        }
    }

    @Test
    void theRuleReadsStoredCounts() {
        assertEquals(LOUISIANA, PublisherHomes.homeOf(new PublisherCounts("p", 3, Map.of(LOUISIANA, 1L))));
        assertNull(PublisherHomes.homeOf(new PublisherCounts("p", 2, Map.of(LOUISIANA, 2L))), "too few reports");
        assertNull(PublisherHomes.homeOf(new PublisherCounts("p", 4, Map.of(LOUISIANA, 2L,
                new HomeRegion("US", "Texas"), 2L))), "a tie");
        assertNull(PublisherHomes.homeOf(new PublisherCounts("p", 10, Map.of(LOUISIANA, 2L))), "under 30%");
        assertTrue(PublisherHomes.tally(" ", List.of()) == null, "no publisher, nothing to count");
    }
}
