package org.unrest.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training end to end on made-up texts whose labels a word gives away: the models must learn them. */
class TrainingTest {
    @TempDir
    Path dir;

    /** Texts where each label has its own cue word among filler words. */
    static List<MmRecord> synthetic(int n, long seed) {
        Random random = new Random(seed);
        List<String> filler = List.of("the", "people", "city", "square", "on", "monday", "gathered", "news", "said",
                "local", "reports", "crowd", "near", "building", "government", "thousands");
        List<MmRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<String> demands = new LinkedHashSet<>();
            Set<String> responses = new LinkedHashSet<>();
            demands.add(Task.DEMANDS.labels().get(random.nextInt(7)));
            if (random.nextInt(3) == 0) {
                demands.add(Task.DEMANDS.labels().get(random.nextInt(7)));
            }
            responses.add(Task.STATE_RESPONSES.labels().get(random.nextInt(7)));
            boolean violent = random.nextInt(4) == 0;
            StringBuilder sb = new StringBuilder("text " + i);
            for (int k = 0; k < 12; k++) {
                sb.append(' ').append(filler.get(random.nextInt(filler.size())));
            }
            for (String d : demands) {
                sb.append(" cue").append(Task.DEMANDS.labels().indexOf(d)).append("demand");
            }
            for (String r : responses) {
                sb.append(" cue").append(Task.STATE_RESPONSES.labels().indexOf(r)).append("response");
            }
            sb.append(violent ? " stones were thrown" : " it stayed calm");
            out.add(new MmRecord("s" + i, sb.toString(), demands, responses, violent));
        }
        return out;
    }

    record ListSource(List<MmRecord> records, boolean split) implements TrainingSource {
        public String describe() {
            return "synthetic";
        }
    }

    @Test
    void learnsWhatTheTextsGiveAwayAndWritesModelsThatLoadBackTheSame() throws IOException {
        MmTrainer.Parameters p = new MmTrainer.Parameters(List.of(1.0, 8.0), 2, true);
        Training.Result r = Training.run(List.of(new ListSource(synthetic(900, 1), true)), p, dir, s -> { });
        assertTrue(r.heldOutTexts() > 120 && r.validation() > 50, r.heldOutTexts() + " held out");
        assertTrue(r.heldOut().get(Task.DEMANDS).macroF1() > 0.95, MmScores.markdown(r.heldOut()));
        assertTrue(r.heldOut().get(Task.STATE_RESPONSES).macroF1() > 0.95, MmScores.markdown(r.heldOut()));
        assertTrue(r.heldOut().get(Task.VIOLENCE).accuracy() > 0.95, MmScores.markdown(r.heldOut()));

        MmClassifiers back = MmClassifiers.load(dir);
        assertEquals(r.classifiers().fingerprint(), back.fingerprint());
        String text = "the crowd gathered cue2demand cue4response stones were thrown";
        for (Task t : Task.values()) {
            assertEquals(r.classifiers().probabilities(t, text), back.probabilities(t, text));
        }
        assertEquals(List.of("police brutality"), back.predict(Task.DEMANDS, text));
        assertEquals(List.of("ignore"), back.predict(Task.STATE_RESPONSES, text));
        assertEquals(List.of(Task.VIOLENT), back.predict(Task.VIOLENCE, text));
        assertTrue(back.about().get("trainer").contains("LibLinear"), back.about().toString());
        assertTrue(back.about().get("trained.on").startsWith(String.valueOf(r.train() + r.validation())));
    }

    @Test
    void reviewedTextsAllGoIntoTraining() throws IOException {
        List<MmRecord> reviewed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            reviewed.add(new MmRecord("r" + i, "reviewed text " + i + " cue0demand", Set.of("labor wage dispute"),
                    Set.of("ignore"), false));
        }
        MmTrainer.Parameters p = new MmTrainer.Parameters(List.of(1.0), 2, false);
        Training.Result without = Training.run(List.of(new ListSource(synthetic(400, 2), true)), p, null, s -> { });
        Training.Result with = Training.run(List.of(new ListSource(synthetic(400, 2), true),
                new ListSource(reviewed, false)), p, null, s -> { });
        assertEquals(40, with.reviewed());
        assertEquals(without.train() + 40, with.train());
        assertEquals(without.heldOutTexts(), with.heldOutTexts(), "reviewed texts are never held out");
    }

    @Test
    void withoutSplitDataThereIsNothingToTuneOn() {
        assertThrows(IllegalArgumentException.class, () -> Training.run(
                List.of(new ListSource(synthetic(50, 3), false)), MmTrainer.Parameters.defaults(), null, s -> { }));
    }

    @Test
    void missingModelFilesAreNamed() throws IOException {
        IOException e = assertThrows(IOException.class, () -> MmClassifiers.load(dir));
        assertTrue(e.getMessage().contains(MmClassifiers.MANIFEST), e.getMessage());
        Files.writeString(dir.resolve(MmClassifiers.MANIFEST), "features=other\n");
        e = assertThrows(IOException.class, () -> MmClassifiers.load(dir));
        assertTrue(e.getMessage().contains("retrain"), e.getMessage());
    }

    @Test
    void thresholdsMaximiseF1OrAccuracy() {
        double[] probs = {0.9, 0.8, 0.35, 0.3, 0.1};
        boolean[] gold = {true, true, true, false, false};
        boolean[] has = {true, true, true, true, true};
        double[] f1 = MmTrainer.bestThreshold(probs, gold, has, false);
        assertEquals(1.0, f1[1], 1e-9);
        assertTrue(f1[0] > 0.30 && f1[0] <= 0.35, "threshold " + f1[0]);
    }
}
