package org.unrest.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unrest.model.CandidateEvent;
import org.unrest.model.Document;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.pipeline.EventDetector;
import org.unrest.pipeline.PipelineConfig;
import org.unrest.pipeline.Segmenter;
import org.unrest.pipeline.StageRegistry;

/** The default detector with the real rules and the bundled model. */
class ModelFallbackEventDetectorTest {
    static final StageRegistry REGISTRY = new StageRegistry();
    static final EventDetector RULES = REGISTRY.create(EventDetector.class, "rules", Map.of());
    static final EventDetector DETECTOR = REGISTRY.create(EventDetector.class, ModelFallbackEventDetector.NAME, Map.of());

    static Document document(String text) {
        Report r = new Report("r1", text, new ReportMetadata(null, null, LocalDate.of(2021, 5, 1), "en", null, null), "test");
        return new Document(r, REGISTRY.create(Segmenter.class, "rules", Map.of()).segment(r));
    }

    @Test
    void isTheDefaultDetector() {
        assertEquals(ModelFallbackEventDetector.NAME, PipelineConfig.defaults().implementation(EventDetector.class));
    }

    @Test
    void whereTheRulesFindEventsTheirsAreKeptUnchanged() {
        Document d = document("Police fired tear gas at thousands of protesters in the capital on Monday.");
        List<CandidateEvent> rules = RULES.detect(d);
        assertTrue(!rules.isEmpty());
        assertEquals(rules, DETECTOR.detect(d));
    }

    @Test
    void newsThatIsNoEventStaysWithoutEvents() {
        Document d = document("The central bank raised its main interest rate by half a point on Tuesday, citing inflation.");
        assertEquals(List.of(), DETECTOR.detect(d));
    }

    @Test
    void whereTheRulesAreSilentTheModelProposesOneEventWithItsEvidence() {
        String text = "Residents said the militia came at dawn. Masked men dragged the journalist from his car on the "
                + "highway; he has not been heard from since.";
        Document d = document(text);
        assertEquals(List.of(), RULES.detect(d));
        List<CandidateEvent> found = DETECTOR.detect(d);
        assertEquals(1, found.size(), found.toString());
        CandidateEvent e = found.get(0);
        assertEquals("Abduction/forced disappearance", e.subEventType());
        assertEquals("Violence against civilians", e.eventType());
        assertEquals(1, e.sentenceIndex());
        assertTrue(d.sentences().get(1).span().contains(e.trigger()), e.trigger().toString());
        assertTrue(e.trigger().of(text).length() >= 4, e.trigger().of(text));
        assertEquals(ModelFallbackEventDetector.NAME, e.provenance().implementation());
        assertTrue(e.provenance().version().contains(EventTypeModel.bundled().fingerprint()));
        Map<String, Double> p = EventTypeModel.bundled().probabilities(text);
        assertEquals(Math.round(p.get(EventTypeModel.IN_SCOPE) * p.get(e.subEventType()) * 1000) / 1000.0,
                e.confidence(), 1e-9);
        assertTrue(e.confidence() < 0.5, "a guess ranks below the rules: " + e.confidence());
    }

    @Test
    void aFloorAboveEveryProbabilityTurnsTheModelOff() {
        EventDetector off = new ModelFallbackEventDetector(RULES, EventTypeModel.bundled(), 1.0);
        Document d = document("Masked men dragged the journalist from his car; he has not been heard from since.");
        assertEquals(List.of(), off.detect(d));
    }
}
