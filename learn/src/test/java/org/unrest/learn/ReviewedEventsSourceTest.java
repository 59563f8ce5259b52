package org.unrest.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewedEventsSourceTest {
    @TempDir
    Path dir;

    @Test
    void readsReviewedProtestsWithTheirCorrectedLabels() throws IOException {
        Path f = dir.resolve("reviewed.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"event_id\":\"e1\",\"event_type\":\"Protests\",\"review_state\":\"corrected\",\"text\":\"Oil workers struck over wages.\","
                        + "\"demands\":[{\"category\":\"wages\",\"mm_category\":\"labor wage dispute\",\"group\":\"economic\",\"text\":\"wages\"}],"
                        + "\"state_responses\":[\"arrests\"]}",
                "",
                "{\"event_id\":\"e2\",\"event_type\":\"Riots\",\"notes\":\"Rioters burned the akimat.\",\"demands\":[{\"category\":\"resignation_of_government\"}]}",
                "{\"event_id\":\"e3\",\"event_type\":\"Protests\",\"review_state\":\"rejected\",\"text\":\"x\"}",
                "{\"event_id\":\"e4\",\"event_type\":\"Strategic developments\",\"text\":\"Troops arrived.\"}",
                "{\"event_id\":\"e5\",\"event_type\":\"Protests\",\"text\":\"A calm rally.\",\"protester_violence\":true}"));
        List<MmRecord> rs = new ReviewedEventsSource(f).records();
        assertEquals(3, rs.size(), "rejected events and other types are left out");
        assertEquals("Oil workers struck over wages.", rs.get(0).text());
        assertEquals(Set.of("labor wage dispute"), rs.get(0).demands());
        assertEquals(Set.of("arrests"), rs.get(0).responses());
        assertEquals(Boolean.FALSE, rs.get(0).violent(), "a protest is not violent unless said");
        assertEquals("Rioters burned the akimat.", rs.get(1).text(), "notes when there is no text");
        assertEquals(Set.of("removal of politician"), rs.get(1).demands(), "the MM category from the category");
        assertEquals(Boolean.TRUE, rs.get(1).violent());
        assertEquals(Boolean.TRUE, rs.get(2).violent(), "protester_violence overrides the type");
        assertTrue(!new ReviewedEventsSource(f).split(), "reviewed events all train");
    }

    @Test
    void badLinesNameTheLine() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"event_type\":\"Protests\",\"text\":\"t\",\"state_responses\":[\"tea\"]}\n");
        IOException e = assertThrows(IOException.class, () -> new ReviewedEventsSource(f).records());
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("tea"), e.getMessage());
        Files.writeString(f, "{\"event_type\":\"Protests\"}\n{not json\n");
        e = assertThrows(IOException.class, () -> new ReviewedEventsSource(f).records());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
