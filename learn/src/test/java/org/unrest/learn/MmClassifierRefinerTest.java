package org.unrest.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unrest.model.Document;
import org.unrest.model.Event;
import org.unrest.model.Evidence;
import org.unrest.model.Report;
import org.unrest.model.Sentence;
import org.unrest.model.Source;
import org.unrest.model.Span;
import org.unrest.model.Vocabulary;
import org.unrest.pipeline.EventRefiner;
import org.unrest.pipeline.StageRegistry;

/** The refiner with the bundled models: rules first, the models only where the rules found nothing. */
class MmClassifierRefinerTest {
    static final String S1 = "Thousands of oil workers went on strike in Zhanaozen, demanding higher wages and the payment of overdue salaries.";
    static final String S2 = "Police fired tear gas and water cannon to disperse the protesters and arrested dozens of them.";
    static final String S3 = "The weather was mild.";

    static Document document() {
        String text = S1 + " " + S2 + " " + S3;
        List<Sentence> sentences = new ArrayList<>();
        int at = 0;
        for (String s : List.of(S1, S2, S3)) {
            sentences.add(new Sentence(sentences.size(), new Span(at, at + s.length())));
            at += s.length() + 1;
        }
        return new Document(new Report("r1", text, null, "test"), sentences);
    }

    static Event event(String type, Span span, List<org.unrest.model.Demand> demands) {
        return Event.builder().eventId("e-" + span.start()).eventDate(LocalDate.of(2022, 1, 2)).eventType(type)
                .subEventType(Vocabulary.SUB_EVENT_TYPES.get(type).get(0)).demands(demands)
                .sources(List.of(new Source("r1", null, null, null, List.of(span))))
                .evidence(List.of(new Evidence("event_type", "r1", List.of(span), null))).build();
    }

    EventRefiner refiner() {
        return new StageRegistry().create(EventRefiner.class, MmClassifierRefiner.NAME, Map.of());
    }

    @Test
    void addsDemandsAndStateResponsesTheRulesMissed() {
        Document d = document();
        Span s1 = d.sentences().get(0).span();
        Span s2 = d.sentences().get(1).span();
        Event strike = event(Vocabulary.PROTESTS, s1, List.of());
        Event dispersal = event(Vocabulary.PROTESTS, s2, List.of());
        List<Event> out = refiner().refine(d, List.of(strike, dispersal));
        assertEquals(List.of("labor wage dispute"), out.get(0).demands().stream().map(x -> x.mmCategory()).toList(),
                out.get(0).demands().toString());
        assertEquals("wages", out.get(0).demands().get(0).category());
        assertEquals(S1, out.get(0).demands().get(0).text());
        Evidence ev = out.get(0).evidence().stream().filter(x -> x.field().equals("demands")).findFirst().orElseThrow();
        assertEquals(List.of(s1), ev.spans());
        assertEquals(MmClassifierRefiner.NAME, ev.provenance().implementation());
        assertEquals("refiner", ev.provenance().stage());
        assertTrue(out.get(1).stateResponses().containsAll(List.of("arrests", "crowd dispersal")),
                out.get(1).stateResponses().toString());
        assertTrue(!out.get(1).stateResponses().contains("ignore"));
    }

    @Test
    void leavesWhatTheRulesFoundAndOtherEventTypesAlone() {
        Document d = document();
        Span s1 = d.sentences().get(0).span();
        var ruleDemand = Vocabulary.demand("fuel_prices", "fuel price");
        Event coded = event(Vocabulary.PROTESTS, s1, List.of(ruleDemand));
        Event troops = event(Vocabulary.STRATEGIC, s1, List.of());
        Event calm = event(Vocabulary.PROTESTS, d.sentences().get(2).span(), List.of());
        List<Event> out = refiner().refine(d, List.of(coded, troops, calm));
        assertEquals(List.of(ruleDemand), out.get(0).demands(), "the rules' demands stay, none added");
        assertEquals(troops.demands(), out.get(1).demands());
        assertTrue(out.get(1).stateResponses().isEmpty());
        assertEquals(List.of(), out.get(2).demands(), "nothing the models are sure of");
        assertEquals(calm.evidence(), out.get(2).evidence());
    }

    @Test
    void settingsAreChecked() {
        var reg = new StageRegistry();
        assertThrows(IllegalArgumentException.class,
                () -> reg.create(EventRefiner.class, MmClassifierRefiner.NAME, Map.of("colour", "blue")));
        assertThrows(RuntimeException.class,
                () -> reg.create(EventRefiner.class, MmClassifierRefiner.NAME, Map.of("models", "/no/such/dir")));
        EventRefiner r = reg.create(EventRefiner.class, MmClassifierRefiner.NAME, Map.of("min-probability", "0.99"));
        assertTrue(r.version().contains("from-events@"), r.version());
    }
}
