package org.unrest.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MmTextTest {
    @Test
    void writesTextTheWayTheMassMobilizationNotesAre() {
        assertEquals("kazakhstan s largest city almaty", MmText.normalise("Kazakhstan's largest city, Almaty."));
        assertEquals("protesters in zhanaozen demanded 50 tenge", MmText.normalise("  Protesters in Zhanaozen demanded «50 tenge»!  "));
        assertEquals("jana ozen cafe", MmText.normalise("Jaña Özen — Café"));
        assertEquals("жаңаөзен", MmText.normalise("Жаңаөзен"), "Cyrillic letters stay letters");
        assertEquals("", MmText.normalise(" ,.; "));
    }

    @Test
    void splitsWords() {
        assertEquals(List.of("oil", "workers", "struck"), MmText.tokens("oil workers struck"));
        assertEquals(List.of(), MmText.tokens(""));
    }

    @Test
    void featuresAreWordsAndNeighbouringPairs() {
        assertEquals(java.util.Set.of("w:oil", "w:workers", "b:<s>_oil", "b:oil_workers", "b:workers_</s>"),
                Features.names("oil workers"));
    }
}
