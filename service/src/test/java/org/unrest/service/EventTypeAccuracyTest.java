package org.unrest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Event types against the hand-labelled test sets in {@code nlp/src/test/resources/org/unrest/nlp/} (short reports
 * covering every ACLED sub-event type, plus out-of-scope news that must yield no event), scored by
 * {@link EventTypeEvaluation} as {@code unrest evaluate-types} does: each report coded by the standard pipeline with
 * its publication date and language, right when the set of sub-event types coded equals the expected set.
 *
 * <p>Each held-out set was written and committed before the rules were ever run on it, scored once (that first score
 * is the honest estimate, recorded below and in nlp/README.md), and only then read for errors and fixed; after that
 * it is development data like the others. The floors are this version's measured accuracy on every set (a fit, not
 * an estimate), so a regression fails the build. The bar is 0.90.
 */
class EventTypeAccuracyTest {
    static final Path DIR = Path.of("../nlp/src/test/resources/org/unrest/nlp");

    private static final EventTypeEvaluation EVALUATION = new EventTypeEvaluation(Pipelines.standard());

    /**
     * Every set: its file, how many reports it has, its first score (the honest estimate of the rules as they
     * were when it was written: session 1 for the first held-out set, session 3 for the others, each after the
     * fixes for the sets before it), and its floor: this version's measured accuracy (a fit, not an estimate). Left
     * wrong: on the eighth set, two: insurgents burning empty homes (coded as a riot) and a court sentencing police
     * for a 2019 blinding (coded as a trial); on the ninth, one: the Wagner Group "pulling out of Mali" (coded as a
     * troop withdrawal, labelled a change to the group's activity); on the tenth, four: "government forces and
     * allied clan militias wrested control" (the militia taken as the subject: territory taken by a non-state
     * actor), police among the dead of a complex attack (a second, attack event), and two out-of-scope reports on which
     * the rules are silent and the learned fallback codes an event (a mourning ceremony in Russian, a cash-in-transit
     * robbery with an exchange of gunfire); on the second probes, three: a militia that "would disband itself" (read as
     * an intention), a court sentence for a 2014 killing of an activist (coded as a trial), nurses announcing a
     * walkout for next month (the learned fallback codes it).
     */
    @ParameterizedTest(name = "{0} (first scored {2})")
    @CsvSource({
            "event-types.jsonl, 182, 0.335 (version 1; the development set), 1.0",
            "event-types-holdout.jsonl, 20, 0.700, 1.0",
            "event-types-holdout-2.jsonl, 70, 0.786, 1.0",
            "event-types-holdout-3.jsonl, 51, 0.863, 1.0",
            "event-types-holdout-4.jsonl, 52, 0.750, 1.0",
            "event-types-holdout-5.jsonl, 50, 0.800, 1.0",
            "event-types-holdout-6.jsonl, 50, 0.720 (one label added afterwards to match the development set), 1.0",
            "event-types-holdout-7.jsonl, 50, 0.760 (sealed until the eighth set was written), 1.0",
            "event-types-holdout-8.jsonl, 80, 0.700 (by a helper; sealed until the ninth set was written), 0.975",
            "event-types-holdout-9.jsonl, 80, 0.600 (by a helper; rules 0.625 and rules+model 0.688 when sealed until the tenth set was written), 0.98",
            "event-types-holdout-10.jsonl, 80, 0.588 (by a helper; rules+model 0.638 when sealed; 0.600 and 0.650 after the fixes for the ninth set; sealed until the eleventh set was written), 0.95",
            "event-types-probes.jsonl, 40, 0.900 (common wire phrasing; session 4), 1.0",
            "event-types-probes-2.jsonl, 54, 0.833 (20 of the first 24) and 0.800 (24 of the other 30) (variants of phrasings from the ninth and tenth sets and the issue list; written by us in session 6), 0.94"})
    void subEventTypeAccuracy(String file, int reports, String firstScore, double floor) throws IOException {
        List<EventTypeEvaluation.Case> cases = EventTypeEvaluation.read(DIR.resolve(file));
        assertEquals(reports, cases.size(), file);
        String title = file + " (first scored " + firstScore + ")";
        EventTypeEvaluation.Result r = EVALUATION.evaluate(cases);
        System.out.println(r.summary(title, true));
        assertTrue(r.accuracy() >= floor, title + ": sub-event-type accuracy " + r.accuracy() + " < " + floor);
    }

    /**
     * The sealed set: written (by a helper session that did not read the rules or the other sets) after the fixes
     * for the sets above and scored, but its errors are not printed and have not been read, so that its score stays
     * an estimate for new text. Its floor is its measured score; read its errors (and fix them) only once a new
     * sealed set has been written.
     */
    static final String SEALED = "event-types-holdout-11.jsonl";
    static final int SEALED_REPORTS = 80;
    /**
     * First scored in session 6, after the ninth and tenth sets' fixes: the rules alone 0.563 (45 of 80), the
     * default detector (rules+model) 0.638 (51 of 80).
     */
    static final double SEALED_FLOOR = 0.63;

    @Test
    void sealedHeldOutSetIsScoredWithoutShowingItsErrors() throws IOException {
        List<EventTypeEvaluation.Case> cases = EventTypeEvaluation.read(DIR.resolve(SEALED));
        assertEquals(SEALED_REPORTS, cases.size(), SEALED);
        EventTypeEvaluation.Result r = EVALUATION.evaluate(cases);
        System.out.println(r.summary(SEALED + " (sealed: errors not shown)", false));
        assertTrue(r.accuracy() >= SEALED_FLOOR, SEALED + ": sub-event-type accuracy " + r.accuracy() + " < " + SEALED_FLOOR);
    }

    @Test
    void aBadCaseFileIsAnErrorNamingTheLine(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("cases.jsonl");
        Files.writeString(f, "{\"id\": \"a\", \"published\": \"2022-01-05\", \"text\": \"Workers went on strike.\","
                + " \"expected\": [{\"event_type\": \"Protests\", \"sub_event_type\": \"Peaceful protest\"}]}\n"
                + "{\"id\": \"b\", \"published\": \"2022-01-05\", \"text\": \"x\","
                + " \"expected\": [{\"event_type\": \"Riots\", \"sub_event_type\": \"Peaceful protest\"}]}\n");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> EventTypeEvaluation.read(f));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("Peaceful protest"), e.getMessage());
        Files.writeString(f, "{\"id\": \"a\", \"published\": \"5 January\", \"text\": \"t\", \"expected\": []}\n");
        e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> EventTypeEvaluation.read(f));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("published"), e.getMessage());
    }
}
