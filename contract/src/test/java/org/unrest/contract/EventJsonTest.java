package org.unrest.contract;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.unrest.model.*;

class EventJsonTest {
    static Event sample() {
        return Event.builder().eventId("e1").eventDate(LocalDate.of(2022, 1, 2)).timePrecision(1)
                .eventType("Protests").subEventType("Peaceful protest").forms(List.of("rally", "strike"))
                .actor1(new Actor("Protesters (Kazakhstan)", "strikers", 6, "oil workers"))
                .location(new Location("Janaozen", "Zhanaozen", 607610L, "KZ", "Mangystau", null, 43.34, 52.86, 1, List.of()))
                .demands(List.of(Vocabulary.demand("wages", "higher wages")))
                .figures(List.of(new Figure("killed", 164L, null, null, "period", "official", null, "r1", new Span(3, 9))))
                .sources(List.of(new Source("r1", "http://x", "pub", LocalDate.of(2022, 1, 20), List.of(new Span(0, 10)))))
                .confidence(0.8).notes("On 2 January 2022...")
                .evidence(List.of(new Evidence("event_date", "r1", List.of(new Span(0, 9)), new Provenance("dates", "narrative", "1"))))
                .build();
    }

    @Test
    void contractHasExactlyTheSpecFields() {
        JsonNode n = EventJson.toContract(sample());
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("event_id", "event_date", "end_date", "time_of_day", "time_precision", "event_type",
                "sub_event_type", "forms", "actor1", "actor2", "location", "demands", "state_responses", "fatalities",
                "figures", "sources", "confidence", "notes"), names);
        assertEquals("labor wage dispute", n.get("demands").get(0).get("mm_category").asText());
        assertEquals(607610, n.get("location").get("geonameid").asLong());
        assertTrue(n.get("actor2").isNull());
        assertEquals(3, n.get("figures").get(0).get("span").get(0).asInt());
    }

    @Test
    void fullFormRoundTrips() {
        Event e = sample();
        Event back = EventJson.fromLine(EventJson.fullLine(e));
        assertEquals(e.location(), back.location());
        assertEquals(e.sources(), back.sources());
        assertEquals(e.figures(), back.figures());
        assertEquals(e.evidence(), back.evidence());
        assertEquals(e.actor1(), back.actor1());
        assertEquals(e.demands(), back.demands());
    }

    @Test
    void readsTheSeedGoldFile() {
        Path gold = Path.of(System.getProperty("unrest.shared", "../../shared"), "seed", "kazakhstan-january-2022.gold.jsonl");
        Assumptions.assumeTrue(Files.exists(gold), "../shared is not beside the project");
        List<GoldEvent> events = GoldEvent.read(gold);
        assertTrue(events.size() >= 20);
        GoldEvent first = events.get(0);
        assertEquals("kazakhstan-january-2022", first.reportId());
        assertTrue(events.stream().anyMatch(g -> g.admin1Any().contains("Mangystau")));
    }
}
