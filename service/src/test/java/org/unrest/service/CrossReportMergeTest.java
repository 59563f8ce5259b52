package org.unrest.service;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrest.model.Event;
import org.unrest.model.Figure;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.store.EventQuery;
import org.unrest.store.JdbcEventStore;

/** Two reports of one happening become one event with both sources; happenings 50 km apart stay apart. */
class CrossReportMergeTest {
    @TempDir
    Path tmp;

    static Report report(String id, String publisher, String text) {
        return new Report(id, text, new ReportMetadata("https://example.org/" + id, publisher, LocalDate.of(2022, 1, 6),
                "en", null, null), id);
    }

    @Test
    void theSameRiotToldByTwoReportsIsOneEventWithBothSourcesAndBothFigures() {
        try (JdbcEventStore store = JdbcEventStore.open(tmp.resolve("db").toString())) {
            IngestService ingest = new IngestService(store);
            assertEquals("new", ingest.ingestOne(report("wire-a", "Wire A",
                    "On 5 January 2022 protesters stormed the city administration building in Almaty and set it on fire. "
                            + "Officials said 8 police officers were killed.")).outcome());
            List<Event> before = store.events(EventQuery.all());
            IngestService.Outcome second = ingest.ingestOne(report("wire-b", "Wire B",
                    "Rioters stormed and torched the mayor's office in Almaty on 5 January 2022, witnesses said. "
                            + "Rights groups said 12 people were killed in the city."));
            assertEquals("new", second.outcome());
            assertEquals(1, second.mergedInto(), "merged into the stored event");

            List<Event> after = store.events(EventQuery.all());
            assertEquals(before.size(), after.size(), "no new event for the same happening");
            Event riot = after.stream().filter(e -> e.forms().contains("storming")).findFirst().orElseThrow();
            assertEquals(Set.of("wire-a", "wire-b"), Set.copyOf(riot.reportIds()));
            Set<Long> killed = riot.figures().stream().filter(f -> f.kind().equals("killed")).map(Figure::value)
                    .collect(Collectors.toSet());
            assertEquals(Set.of(8L, 12L), killed, "conflicting figures kept side by side");
            assertEquals(8, riot.fatalities(), "ACLED's rule: the lowest credible figure");
            assertEquals(riot, store.events(EventQuery.ofReport("wire-b")).stream()
                    .filter(e -> e.eventId().equals(riot.eventId())).findFirst().orElseThrow(),
                    "found from either report");
        }
    }

    @Test
    void happeningsFiftyKilometresApartAreNotMerged() {
        try (JdbcEventStore store = JdbcEventStore.open(tmp.resolve("db2").toString())) {
            IngestService ingest = new IngestService(store);
            ingest.ingestOne(report("almaty", "Wire A", "On 5 January 2022 protesters stormed the akimat building in Almaty."));
            IngestService.Outcome far = ingest.ingestOne(report("talgar", "Wire B",
                    "On 5 January 2022 protesters stormed the akimat building in Taldykorgan."));
            assertEquals(0, far.mergedInto());
            assertEquals(2, store.countEvents());
        }
    }

    @Test
    void reingestingTheSecondReportChangesNothing() {
        try (JdbcEventStore store = JdbcEventStore.open(tmp.resolve("db3").toString())) {
            IngestService ingest = new IngestService(store);
            Report a = report("a", "Wire A", "On 4 January 2022 oil workers went on strike in Aktau.");
            Report b = report("b", "Wire B", "Oil workers in Aktau went on strike on 4 January 2022, the union said.");
            ingest.ingestOne(a);
            ingest.ingestOne(b);
            List<Event> once = store.events(EventQuery.all());
            assertEquals("duplicate", ingest.ingestOne(b).outcome());
            assertEquals(once, store.events(EventQuery.all()));
            assertEquals(1, once.size());
            assertEquals(2, once.get(0).sources().size());
        }
    }
}
