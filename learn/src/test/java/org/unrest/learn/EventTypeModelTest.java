package org.unrest.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventTypeModelTest {
    static final List<EventTypeTrainer.LabelledText> REPORTS = List.of(
            new EventTypeTrainer.LabelledText("1", "Workers marched peacefully to the town hall with banners.", Set.of("Peaceful protest")),
            new EventTypeTrainer.LabelledText("2", "Thousands marched through the capital with banners and flags.", Set.of("Peaceful protest")),
            new EventTypeTrainer.LabelledText("3", "Teachers rallied peacefully outside parliament with banners.", Set.of("Peaceful protest")),
            new EventTypeTrainer.LabelledText("4", "A drone strike hit a convoy of trucks near the border.", Set.of("Air/drone strike")),
            new EventTypeTrainer.LabelledText("5", "An air strike destroyed a bridge, and a drone strike hit a depot.", Set.of("Air/drone strike")),
            new EventTypeTrainer.LabelledText("6", "Warplanes carried out an air strike on the rebel-held town.", Set.of("Air/drone strike")),
            new EventTypeTrainer.LabelledText("7", "The central bank raised interest rates on Tuesday.", Set.of()),
            new EventTypeTrainer.LabelledText("8", "The football club signed a new striker from Brazil.", Set.of()),
            new EventTypeTrainer.LabelledText("9", "Shares rose on Tuesday as the central bank held rates.", Set.of()));

    static EventTypeModel trained() {
        return new EventTypeTrainer(EventTypeTrainer.Parameters.defaults()).train(REPORTS, Map.of("data", "inline"));
    }

    @Test
    void learnsTypesAndWhatIsNoEvent() {
        EventTypeModel m = trained();
        assertEquals(List.of("Air/drone strike", "Peaceful protest"), m.subEventTypes());
        Map<String, Double> strike = m.probabilities("A drone strike hit trucks on the road.");
        assertTrue(strike.get("Air/drone strike") > strike.get("Peaceful protest"), strike.toString());
        Map<String, Double> march = m.probabilities("Nurses marched with banners to the town hall.");
        assertTrue(march.get("Peaceful protest") > march.get("Air/drone strike"), march.toString());
        assertTrue(m.probabilities("The central bank raised rates.").get(EventTypeModel.IN_SCOPE)
                < march.get(EventTypeModel.IN_SCOPE));
    }

    @Test
    void sameReportsSameModel() {
        assertEquals(trained().fingerprint(), trained().fingerprint());
        List<EventTypeTrainer.LabelledText> fewer = REPORTS.subList(0, REPORTS.size() - 1);
        assertNotEquals(trained().fingerprint(),
                new EventTypeTrainer(EventTypeTrainer.Parameters.defaults()).train(fewer, Map.of()).fingerprint());
    }

    @Test
    void savedAndLoadedModelGivesTheSameProbabilities(@TempDir Path dir) throws IOException {
        EventTypeModel m = trained();
        Path file = m.save(dir);
        EventTypeModel back = EventTypeModel.load(dir);
        assertEquals(m.fingerprint(), back.fingerprint());
        assertEquals(m.about(), back.about());
        String text = "A drone strike hit a depot while workers marched.";
        assertEquals(m.probabilities(text), back.probabilities(text));
        assertEquals(m.fingerprint(), EventTypeModel.load(file).fingerprint());
    }

    @Test
    void strongestWordIsTheWordThatCountsMost() {
        EventTypeModel m = trained();
        String text = "On Monday a drone hit the depot.";
        int[] w = m.strongestWord(text, "Air/drone strike");
        assertArrayEquals(new int[] {12, 17}, w, text.substring(w[0], w[1]));
    }

    @Test
    void aFileThatIsNoModelIsRefusedByName(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve(EventTypeModel.FILE);
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bad))) {
            out.write("not a model".getBytes());
        }
        IOException e = assertThrows(IOException.class, () -> EventTypeModel.load(dir));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> EventTypeModel.load(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("train-types"), missing.getMessage());
    }

    @Test
    void theBundledModelLoads() {
        EventTypeModel m = EventTypeModel.bundled();
        assertEquals(25, m.subEventTypes().size());
        assertTrue(m.about().get("data").contains("event-types.jsonl"), m.about().toString());
    }
}
