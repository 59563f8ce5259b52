package org.unrest.nlp;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequiredWordsTest {
    @Test
    void readsThePatternStructure() {
        assertEquals(Set.of("struck"), RequiredWords.of("\\bstruck\\b(?! (?:by|down|a deal))"));
        assertEquals(Set.of("market"), RequiredWords.of("\\bmarkets?\\b"));
        assertEquals(Set.of("joined"), RequiredWords.of("\\b(?:were|was) joined by\\b"));
        assertEquals(Set.of("fire", "ablaze"), RequiredWords.of("\\bset (?:on )?fire\\b|\\bset ablaze\\b"));
        assertEquals(Set.of("toppl"), RequiredWords.of("\\btoppl(?:ed|e|ing) (?:the |a )?(?:statues?|monuments?)?"));
        assertEquals(Set.of("забастовк"), RequiredWords.of("забастовк[аиу] (?:началась|продолжилась)?"));
        assertEquals(Set.of("protest", "rall"), RequiredWords.of("(?<q>protest|rall(?:y|ies))"));
        assertNull(RequiredWords.of("(?:a|b)?\\d+"), "nothing required");
        assertNull(RequiredWords.of("(?:strike)?|\\d+"), "a branch without words");
        assertNull(RequiredWords.of("(?i)strike"), "inline flags are not understood");
        assertEquals(Set.of("removed", "dismissed"), RequiredWords.of("\\b(?:removed|dismissed) (?:(?-i:\\p{Lu})|the chief)"),
                "a group with its own flags is a group");
    }

    @Test
    void readsWhetherADigitIsRequired() {
        assertTrue(RequiredWords.needsDigit("(?:at|by) (?<h>\\d{1,2})(?::(?<m>\\d\\d))? ?(?:am|pm)"));
        assertTrue(RequiredWords.needsDigit("(?:in )?(?<y>(?:1[89]|20)\\d\\d)s?"), "literal digits count too");
        assertTrue(RequiredWords.needsDigit("\\d+ protesters|(?:the )?(?:19|20)\\d0s"));
        assertFalse(RequiredWords.needsDigit("\\d* protesters"), "a digit made optional");
        assertFalse(RequiredWords.needsDigit("\\d+ protesters|dozens of protesters"), "a branch without a digit");
        assertFalse(RequiredWords.needsDigit("[0-9]+ protesters"), "classes are not read");
        assertFalse(RequiredWords.needsDigit("(?i)\\d+"), "inline flags are not understood");
        assertFalse(LiteralGate.ofRequiredWords("(?:at )?\\d{1,2} ?(?:am|pm)").mayMatch("at noon the crowd grew"));
        assertTrue(LiteralGate.ofRequiredWords("(?:at )?\\d{1,2} ?(?:am|pm)").mayMatch("at 5 pm the crowd grew"));
    }

    /** Every lexicon pattern that matches a sentence of the test sets passes its gate on that sentence. */
    @Test
    void theGateNeverSkipsAMatchOnTheTestSets() throws IOException {
        List<String> patterns = new ArrayList<>();
        for (String lexicon : List.of("triggers.tsv", "demands.tsv", "actors.tsv")) {
            for (String[] row : Lexicons.rows(lexicon, lexicon.equals("demands.tsv") ? 2 : 5)) {
                patterns.add(row[0]);
            }
        }
        List<String> texts = EventTypeTexts.all();
        assertTrue(texts.size() > 150);
        int checked = 0;
        for (String p : patterns) {
            Pattern compiled = Lexicons.compile("test", p);
            LiteralGate gate = LiteralGate.of(p);
            for (String t : texts) {
                Matcher m = compiled.matcher(t);
                if (m.find()) {
                    checked++;
                    assertTrue(gate.mayMatch(t.toLowerCase(Locale.ROOT)), "gate skipped a match of " + p + " in: " + t);
                }
            }
        }
        assertTrue(checked > 200, "matches checked: " + checked);
    }
}
