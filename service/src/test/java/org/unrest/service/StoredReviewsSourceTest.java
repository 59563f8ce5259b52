package org.unrest.service;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrest.learn.MmRecord;
import org.unrest.model.Event;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.model.ReviewState;
import org.unrest.store.EventChange;
import org.unrest.store.EventQuery;
import org.unrest.store.JdbcEventStore;

/** Reviewed events in the store become training texts: the supporting sentences, with the labels as reviewed. */
class StoredReviewsSourceTest {
    @TempDir
    Path tmp;

    @Test
    void acceptedProtestsBecomeTrainingTextsAndUnreviewedOnesDoNot() throws Exception {
        try (JdbcEventStore store = JdbcEventStore.open(tmp.resolve("db").toString())) {
            new IngestService(store).ingestOne(new Report("r1",
                    "On 4 January 2022 oil workers went on strike in Aktau for higher wages. "
                            + "On 5 January 2022 police detained 30 protesters in Oral.",
                    new ReportMetadata(null, null, LocalDate.of(2022, 1, 6), "en", null, null), "r1"));
            List<Event> events = store.events(EventQuery.all());
            assertTrue(events.size() >= 2, events.toString());
            Event strike = events.stream().filter(e -> e.forms().contains("strike")).findFirst().orElseThrow();
            assertTrue(new StoredReviewsSource(store).records().isEmpty(), "nothing reviewed yet");

            store.change(List.of(strike.eventId()), "tester", before -> List.of(new EventChange(
                    before.get(0).toBuilder().reviewState(ReviewState.ACCEPTED).build(), "accept", null)));
            List<MmRecord> records = new StoredReviewsSource(store).records();
            assertEquals(1, records.size());
            assertTrue(records.get(0).text().contains("went on strike in aktau")
                    || records.get(0).text().toLowerCase().contains("went on strike in aktau"), records.get(0).text());
            assertTrue(records.get(0).demands().contains("labor wage dispute"), records.get(0).toString());
        }
    }
}
