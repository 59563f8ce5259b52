package org.unrest.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrest.model.Report;
import org.unrest.model.Sentence;

/**
 * Shortcuts taken for speed that must change nothing: the date resolver skips a rule when a sentence lacks every
 * word the rule requires, and the actor coder looks for a name only in the sentences that have one of its words.
 * Checked on every text the tests have (the date narratives, the event-type sets in English and Russian, the seed
 * article and the bundled examples).
 */
class StageShortcutsTest {
    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>(EventTypeTexts.all());
        Path dates = Path.of("src/test/resources/org/unrest/nlp/dates");
        try (var files = Files.list(dates)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(f));
            }
        }
        Path seed = Path.of(System.getProperty("unrest.shared", "../../shared"), "seed", "kazakhstan-january-2022.txt");
        if (Files.exists(seed)) {
            texts.add(Files.readString(seed));
        }
        Path examples = Path.of("../examples/kazakhstan-2022-timeline.txt");
        if (Files.exists(examples)) {
            texts.add(Files.readString(examples));
        }
        return texts;
    }

    @Test
    void actorsLookedForSentenceBySentenceAreThoseOfTheWholeText() throws IOException {
        RuleActorCoder bySentence = new RuleActorCoder();
        RuleActorCoder whole = new RuleActorCoder(false);
        int mentions = 0;
        for (String t : texts()) {
            Report r = new Report("t", t, null, "test");
            org.unrest.model.Document d = new org.unrest.model.Document(r, new RuleSegmenter().segment(r));
            var all = whole.code(d);
            assertEquals(all, bySentence.code(d), t);
            mentions += all.size();
        }
        assertTrue(mentions > 500, "found " + mentions + " actor mentions");
    }

    @Test
    void gatedRulesFindWhatAllRulesFind() throws IOException {
        List<String> texts = texts();
        assertTrue(texts.size() > 400, "read " + texts.size() + " texts");
        int expressions = 0;
        for (String t : texts) {
            Report r = new Report("t", t, null, "test");
            for (Sentence s : new RuleSegmenter().segment(r)) {
                List<NarrativeDateResolver.Found> all = NarrativeDateResolver.find(t, s.span(), false);
                assertEquals(all, NarrativeDateResolver.find(t, s.span(), true), s.span().of(t));
                expressions += all.size();
            }
        }
        assertTrue(expressions > 500, "found " + expressions + " time expressions");
    }
}
