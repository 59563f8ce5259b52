package org.unrest.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.unrest.model.Span;

class BranchGatedPatternTest {
    private static List<Span> wholeLoop(Pattern p, String text) {
        List<Span> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new Span(m.start(), m.end()));
        }
        return out;
    }

    private static List<Span> split(String regex, String text) {
        BranchGatedPattern b = BranchGatedPattern.of(regex, Lexicons.compile("test", regex));
        return b.matches(text, text.toLowerCase(Locale.ROOT));
    }

    @Test
    void splitsOnlyAtTheTopLevel() {
        assertEquals(List.of("a(?:b|c)", "[|x]d", "e\\|f"), BranchGatedPattern.topLevelAlternatives("a(?:b|c)|[|x]d|e\\|f"));
        assertEquals(0, BranchGatedPattern.of("(a)|\\1b", Pattern.compile("(a)|\\1b")).branchCount(),
                "back-references keep the pattern whole");
    }

    @Test
    void choosesAsTheRegexEngineDoes() {
        String text = "police fired tear gas at protesters and clashed with protesters";
        // the leftmost match wins; at the same start the earlier alternative wins even when shorter
        String regex = "\\bprotesters and\\b|\\bfired tear gas\\b|\\bfired tear gas at protesters\\b|\\bclashed\\b";
        assertEquals(wholeLoop(Lexicons.compile("t", regex), text), split(regex, text));
        assertEquals(List.of(new Span(7, 21), new Span(25, 39), new Span(40, 47)), split(regex, text));
        // a later alternative's match that overlaps the one taken is searched for again after it
        String overlapping = "\\bgas at protesters and clashed\\b|\\bfired tear\\b";
        assertEquals(wholeLoop(Lexicons.compile("t", overlapping), text), split(overlapping, text));
    }

    /** Every trigger row, split, finds exactly what it finds whole, on every text of the event-type test sets. */
    @Test
    void triggerRowsFindTheSameMatchesSplitAsWhole() throws IOException {
        List<String> texts = EventTypeTexts.all();
        int matches = 0;
        int split = 0;
        for (String[] row : Lexicons.rows("triggers.tsv", 5)) {
            Pattern whole = Lexicons.compile("triggers.tsv", row[0]);
            BranchGatedPattern b = BranchGatedPattern.of(row[0], whole);
            split += b.branchCount() > 0 ? 1 : 0;
            for (String t : texts) {
                List<Span> expected = wholeLoop(whole, t);
                assertEquals(expected, b.matches(t, t.toLowerCase(Locale.ROOT)), row[0] + " in: " + t);
                matches += expected.size();
            }
        }
        assertTrue(split > 40, "rows split: " + split);
        assertTrue(matches > 500, "matches compared: " + matches);
    }
}
