package org.unrest.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One training run, as {@code unrest train} does it: read the sources, split the MM texts ({@link Split}), train and
 * tune ({@link MmTrainer}), score on the held-out part ({@link MmScores}), and write the models when asked to.
 */
public final class Training {
    /** What a run produced. */
    public record Result(MmClassifiers classifiers, Map<Task, MmScores.TaskScore> heldOut, int train, int validation,
                         int heldOutTexts, int reviewed) {
    }

    private Training() {
    }

    /**
     * @param sources at least one source that is split (the MM CSV): the held-out scores come from it
     * @param out     where to write the models, or null to write nothing
     */
    public static Result run(List<TrainingSource> sources, MmTrainer.Parameters parameters, Path out,
                             Consumer<String> log) throws IOException {
        List<MmRecord> train = new ArrayList<>();
        List<MmRecord> validation = new ArrayList<>();
        List<MmRecord> heldOut = new ArrayList<>();
        int reviewed = 0;
        List<String> described = new ArrayList<>();
        for (TrainingSource s : sources) {
            List<MmRecord> records = s.records();
            described.add(s.describe() + " (" + records.size() + " texts)");
            log.accept("read " + records.size() + " texts from " + s.describe());
            for (MmRecord r : records) {
                if (!s.split()) {
                    train.add(r);
                    reviewed++;
                    continue;
                }
                switch (Split.of(r)) {
                    case TRAIN -> train.add(r);
                    case VALIDATION -> validation.add(r);
                    case HELD_OUT -> heldOut.add(r);
                }
            }
        }
        if (validation.isEmpty() || heldOut.isEmpty()) {
            throw new IllegalArgumentException("training needs the Mass Mobilization CSV (for validation and held-out texts)");
        }
        Map<String, String> about = new LinkedHashMap<>();
        about.put("data", String.join("; ", described));
        about.put("split", "FNV-1a 64 of the normalised text mod 100: <20 held out, <30 validation, rest training");
        MmClassifiers classifiers = new MmTrainer(parameters, log).train(train, validation, about);
        Map<Task, MmScores.TaskScore> scores = MmScores.evaluate(classifiers, heldOut);
        if (out != null) {
            classifiers.save(out);
            log.accept("wrote the models to " + out);
        }
        return new Result(classifiers, scores, train.size(), validation.size(), heldOut.size(), reviewed);
    }

    /** The held-out part of a source, as scored by {@link #run} (and by the evaluation tests). */
    public static List<MmRecord> heldOut(TrainingSource source) throws IOException {
        List<MmRecord> out = new ArrayList<>();
        for (MmRecord r : source.records()) {
            if (Split.of(r) == Split.HELD_OUT) {
                out.add(r);
            }
        }
        return out;
    }
}
