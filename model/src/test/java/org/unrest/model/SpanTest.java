package org.unrest.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SpanTest {
    @Test
    void spanSelectsHalfOpenRange() {
        assertEquals("Almaty", new Span(3, 9).of("In Almaty."));
    }

    @Test
    void rejectsNegativeOrInvertedSpans() {
        assertThrows(IllegalArgumentException.class, () -> new Span(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Span(5, 4));
    }

    @Test
    void overlapAndContainment() {
        assertTrue(new Span(0, 10).contains(new Span(2, 3)));
        assertTrue(new Span(0, 5).overlaps(new Span(4, 8)));
        assertFalse(new Span(0, 5).overlaps(new Span(5, 8)));
    }

    @Test
    void everySubEventTypeBelongsToOneType() {
        assertEquals("Battles", Vocabulary.typeOf("Government regains territory"));
        assertNull(Vocabulary.typeOf("Picnic"));
        assertEquals("political", Vocabulary.demand("release_of_detainees", "x").group());
    }

    @Test
    void contentHashDependsOnTextOnly() {
        Report a = new Report("a", "same text", null, "a.txt");
        Report b = new Report("b", "same text", ReportMetadata.empty(), "b.txt");
        assertEquals(a.contentHash(), b.contentHash());
        assertNotEquals(a.contentHash(), new Report("a", "other", null, "a.txt").contentHash());
    }
}
