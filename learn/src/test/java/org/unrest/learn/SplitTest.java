package org.unrest.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitTest {
    @Test
    void theSplitIsFixed() {
        // pinned: changing the hash or the buckets would silently move texts between training and held-out parts
        assertEquals(Split.TRAIN, Split.of("protesters gathered in the capital"));
        assertEquals(Split.of("a b c"), Split.of("a b c"));
        MmRecord r = new MmRecord("x", "Protesters gathered, in the CAPITAL.", Set.of(), Set.of(), null);
        assertEquals(Split.of("protesters gathered in the capital"), Split.of(r), "decided on the normalised text");
    }

    @Test
    void aFifthIsHeldOutAndATenthValidates() {
        Map<Split, Integer> n = new EnumMap<>(Split.class);
        for (int i = 0; i < 20_000; i++) {
            n.merge(Split.of("text number " + i), 1, Integer::sum);
        }
        assertTrue(Math.abs(n.get(Split.HELD_OUT) - 4000) < 300, n.toString());
        assertTrue(Math.abs(n.get(Split.VALIDATION) - 2000) < 250, n.toString());
    }
}
