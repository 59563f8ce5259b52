package org.unrest.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.unrest.learn.MmCsvSource;
import org.unrest.learn.MmRecord;
import org.unrest.learn.Training;
import org.unrest.model.Event;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.model.Vocabulary;
import org.unrest.pipeline.EventRefiner;
import org.unrest.pipeline.Pipeline;
import org.unrest.pipeline.PipelineConfig;
import org.unrest.pipeline.StageRegistry;

/**
 * Does sorting by confidence put the doubtful events first? Measured where an outside coder has said what is right:
 * the Mass Mobilization notes of our held-out split (never trained or tuned on), each a protest coded violent or not
 * by MM's coders. Every protest or riot the pipeline codes from a note is right when its type agrees with that code
 * (a riot for violent protesters, a protest otherwise). The figure is the area under the ROC curve: the chance that a
 * right event has a higher confidence than a wrong one (0.5 = confidence says nothing).
 */
class ConfidenceRankingTest {
    static final Path CSV = Path.of(System.getProperty("unrest.shared", "../../shared"), "data", "mm", "mm-train.csv");

    record Scored(double confidence, boolean right, boolean byModel) {
    }

    /** The event's type came from the learned fallback, not from a rule. */
    static boolean byModel(Event e) {
        return e.evidence().stream().anyMatch(v -> v.provenance() != null
                && org.unrest.learn.ModelFallbackEventDetector.NAME.equals(v.provenance().implementation()));
    }

    /** A held-out note and the protests and riots a pipeline coded from it. */
    record Coded(MmRecord note, List<Event> protests) {
    }

    static List<Coded> code(Pipeline pipeline, List<MmRecord> notes) {
        List<Coded> out = new ArrayList<>(notes.size());
        for (MmRecord r : notes) {
            Report report = new Report(r.id(), r.text(),
                    new ReportMetadata(null, null, LocalDate.of(2020, 7, 31), "en", null, null), "mm");
            out.add(new Coded(r, pipeline.process(report).events().stream()
                    .filter(e -> Vocabulary.PROTESTS.equals(e.eventType()) || Vocabulary.RIOTS.equals(e.eventType()))
                    .toList()));
        }
        return out;
    }

    /** Each protest or riot of a note MM codes for violence, right when its type agrees with that code. */
    static List<Scored> scored(List<Coded> coded) {
        List<Scored> out = new ArrayList<>();
        for (Coded c : coded) {
            if (c.note().violent() != null) {
                for (Event e : c.protests()) {
                    out.add(new Scored(e.confidence(), Vocabulary.RIOTS.equals(e.eventType()) == c.note().violent(),
                            byModel(e)));
                }
            }
        }
        return out;
    }

    private static List<MmRecord> heldOut;
    private static List<Coded> standard;

    /** The held-out notes coded by the standard pipeline, once for both tests. */
    private static synchronized List<Coded> standard() throws IOException {
        Assumptions.assumeTrue(Files.exists(CSV), CSV + " is not there (../shared beside the project); not measured");
        if (standard == null) {
            heldOut = Training.heldOut(new MmCsvSource(CSV));
            standard = code(Pipelines.standard(), heldOut);
        }
        return standard;
    }

    /** Area under the ROC curve, ties counted half. */
    static double auc(List<Scored> scored) {
        List<Scored> s = new ArrayList<>(scored);
        s.sort(Comparator.comparingDouble(Scored::confidence));
        long right = s.stream().filter(Scored::right).count();
        long wrong = s.size() - right;
        double sum = 0;
        long wrongBelow = 0;
        for (int i = 0; i < s.size(); ) {
            int j = i;
            int r = 0;
            int w = 0;
            while (j < s.size() && s.get(j).confidence() == s.get(i).confidence()) {
                if (s.get(j).right()) {
                    r++;
                } else {
                    w++;
                }
                j++;
            }
            sum += r * (wrongBelow + w / 2.0);
            wrongBelow += w;
            i = j;
        }
        return sum / ((double) right * wrong);
    }

    /**
     * Every held-out MM note tells of a protest: the share of notes in which the pipeline finds a protest or riot
     * is its recall on real protest text (MM's notes are lower-cased and stripped of most punctuation, and some are
     * only a phrase such as "general strike", so this is a floor, not the recall on news reports).
     */
    @Test
    void protestsAreFoundInTheHeldOutNotes() throws IOException {
        List<Coded> coded = standard();
        long found = coded.stream().filter(c -> !c.protests().isEmpty()).count();
        double recall = (double) found / coded.size();
        System.out.printf("MM held-out notes with a protest or riot found: %d of %d, %.3f%n", found, coded.size(), recall);
        // measured: 2,060 of 2,703 (0.762) with the learned fallback for notes the rules find nothing in (session 5);
        // rules alone 1,594 (0.590) with the broad cues, 0.585 before them, 0.548 before the rows learned from misses
        // in the MM training part; 2,032 (0.752) since session 6, when the fallback stopped coding reports in which
        // the rules read event words and rejected them (which kept it from coding robberies, verdicts and mourning
        // ceremonies on the tenth held-out set)
        assertTrue(recall >= 0.75, "recall on MM held-out notes " + recall);
    }

    @Test
    void theViolenceCheckPutsTheDoubtfulProtestsAndRiotsFirst() throws IOException {
        List<Scored> withViolenceCheck = scored(standard());
        List<Scored> rulesOnly = scored(code(Pipeline.fromConfig(PipelineConfig.defaults()
                .with(EventRefiner.class, "from-events", Map.of()), new StageRegistry()), heldOut));
        long wrong = withViolenceCheck.stream().filter(s -> !s.right()).count();
        double withCheck = auc(withViolenceCheck);
        double without = auc(rulesOnly);
        List<Scored> ruleEvents = withViolenceCheck.stream().filter(x -> !x.byModel()).toList();
        List<Scored> modelEvents = withViolenceCheck.stream().filter(Scored::byModel).toList();
        double ofRules = auc(ruleEvents);
        System.out.printf("MM held-out notes: %d protests and riots coded (%d of them by the learned fallback),"
                + " %d against MM's violence code (%d of the fallback's); confidence AUC %.3f with the violence check"
                + " (default; %.3f over the rules' events), %.3f without%n",
                withViolenceCheck.size(), modelEvents.size(), wrong, modelEvents.stream().filter(x -> !x.right()).count(),
                withCheck, ofRules, without);
        // measured (session 5): 2,151 events, 466 by the fallback; 450 wrong, 111 of the fallback's; AUC 0.711 with the
        // check, 0.777 over the rules' events (0.780 before the fallback), 0.520 without the check. The fallback's
        // events are ranked low, as guesses about the type, while their violence code is wrong only a little more
        // often than the rules' (24% vs 20%), which is what lowers the AUC over all.
        assertTrue(withCheck >= 0.70, "AUC with the violence check " + withCheck);
        assertTrue(ofRules >= 0.77, "AUC with the violence check over the rules' events " + ofRules);
        assertTrue(without < 0.6, "without the check confidence was no guide; now " + without);
    }
}
