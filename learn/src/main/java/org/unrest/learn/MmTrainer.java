package org.unrest.learn;

import de.bwaldvogel.liblinear.Linear;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.common.liblinear.LibLinearModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains one L2-regularised logistic regression (Tribuo's LibLinear trainer) per label of every task on the training
 * part, over idf-weighted features ({@link Features}); then, on the validation part only, picks each task's
 * regularisation cost from {@link Parameters#costs} and each label's probability threshold: first the best F1 of the
 * label alone (for violence the best accuracy), then, for the multi-label tasks, each threshold in turn the one that
 * gives the best macro-F1 of the task under the decision rule of {@link MmClassifiers#predict} (at least one label).
 * With {@link Parameters#refit} it trains again on training + validation with those settings (idf from those texts). Each trained model is exported to its weights
 * ({@link MmClassifiers.LabelModel}) and checked to give Tribuo's own probabilities.
 */
public final class MmTrainer {
    /**
     * @param costs        the LibLinear costs (C) tried per task
     * @param minDocuments keep features seen in at least this many training texts
     * @param refit        train the final models on training + validation
     */
    public record Parameters(List<Double> costs, int minDocuments, boolean refit) {
        public static Parameters defaults() {
            return new Parameters(List.of(2.0, 4.0, 8.0), Features.MIN_DOCUMENTS, true);
        }

        public String describe() {
            return "Tribuo " + org.tribuo.Tribuo.VERSION + " LibLinear L2R_LR (eps 0.01), costs tried " + costs
                    + ", thresholds per label then jointly for the task's macro-F1"
                    + ", features in >= " + minDocuments + " texts, refit on training+validation " + refit;
        }
    }

    private final Parameters parameters;
    private final Consumer<String> log;

    public MmTrainer(Parameters parameters, Consumer<String> log) {
        this.parameters = parameters;
        this.log = log;
    }

    /** Trains on {@code train}, tunes on {@code validation}; {@code about} goes into the manifest. */
    public MmClassifiers train(List<MmRecord> train, List<MmRecord> validation, Map<String, String> about) {
        Linear.disableDebugOutput();
        List<Set<String>> trainNames = names(train);
        List<String> vocabulary = new ArrayList<>();
        float[] idf = vocabulary(trainNames, vocabulary);
        Map<String, Integer> index = index(vocabulary);
        log.accept(String.format(Locale.ROOT, "%d training texts, %d validation texts, %d features",
                train.size(), validation.size(), vocabulary.size()));
        List<ArrayExample<Label>> trainExamples = examples(trainNames, index, idf);
        List<Set<String>> validationNames = names(validation);
        List<ArrayExample<Label>> validationExamples = examples(validationNames, index, idf);
        List<int[]> validationKnown = known(validationNames, index);

        Map<Task, List<MmClassifiers.LabelModel>> tuned = new EnumMap<>(Task.class);
        Map<Task, Double> costs = new EnumMap<>(Task.class);
        for (Task t : Task.values()) {
            double bestScore = -1;
            for (double cost : parameters.costs()) {
                List<MmClassifiers.LabelModel> models = new ArrayList<>();
                double sum = 0;
                int n = t.labels().size();
                double[][] probs = new double[n][validation.size()];
                boolean[][] gold = new boolean[n][validation.size()];
                boolean[] has = new boolean[validation.size()];
                double[] thresholds = new double[n];
                for (int l = 0; l < n; l++) {
                    String label = t.labels().get(l);
                    MmClassifiers.LabelModel m = fit(t, label, cost, train, trainExamples, index, idf,
                            validationExamples.subList(0, Math.min(50, validationExamples.size())));
                    for (int i = 0; i < validation.size(); i++) {
                        Set<String> g = validation.get(i).labels(t);
                        has[i] = g != null;
                        gold[l][i] = g != null && g.contains(label);
                        probs[l][i] = MmClassifiers.probability(m, validationKnown.get(i), idf);
                    }
                    double[] choice = bestThreshold(probs[l], gold[l], has, t == Task.VIOLENCE);
                    thresholds[l] = choice[0];
                    models.add(m);
                    sum += choice[1];
                }
                double score = sum / n;
                if (t.atLeastOne()) {
                    score = jointThresholds(probs, gold, has, thresholds);
                }
                for (int l = 0; l < n; l++) {
                    models.set(l, models.get(l).withThreshold(thresholds[l]));
                }
                log.accept(String.format(Locale.ROOT, "  %s, cost %.2f: validation %s %.3f", t.key(), cost,
                        t == Task.VIOLENCE ? "accuracy" : "macro-F1", score));
                if (score > bestScore) {
                    bestScore = score;
                    tuned.put(t, models);
                    costs.put(t, cost);
                }
            }
        }
        Map<String, String> info = new LinkedHashMap<>(about);
        info.put("features", Features.SCHEME);
        info.put("trainer", parameters.describe());
        for (Task t : Task.values()) {
            info.put(t.key() + ".cost", String.valueOf(costs.get(t)));
        }
        if (!parameters.refit()) {
            info.put("trained.on", train.size() + " texts");
            return new MmClassifiers(vocabulary, idf, tuned, info);
        }
        List<MmRecord> all = new ArrayList<>(train);
        all.addAll(validation);
        List<Set<String>> allNames = new ArrayList<>(trainNames);
        allNames.addAll(validationNames);
        List<String> allVocabulary = new ArrayList<>();
        float[] allIdf = vocabulary(allNames, allVocabulary);
        Map<String, Integer> allIndex = index(allVocabulary);
        List<ArrayExample<Label>> allExamples = examples(allNames, allIndex, allIdf);
        log.accept(String.format(Locale.ROOT, "refitting on %d texts, %d features", all.size(), allVocabulary.size()));
        Map<Task, List<MmClassifiers.LabelModel>> out = new EnumMap<>(Task.class);
        for (Task t : Task.values()) {
            List<MmClassifiers.LabelModel> models = new ArrayList<>();
            for (MmClassifiers.LabelModel m : tuned.get(t)) {
                models.add(fit(t, m.label(), costs.get(t), all, allExamples, allIndex, allIdf,
                        allExamples.subList(0, Math.min(50, allExamples.size())))
                        .withThreshold(m.threshold()));
            }
            out.put(t, models);
        }
        info.put("trained.on", all.size() + " texts");
        return new MmClassifiers(allVocabulary, allIdf, out, info);
    }

    private static List<Set<String>> names(List<MmRecord> records) {
        List<Set<String>> out = new ArrayList<>(records.size());
        for (MmRecord r : records) {
            out.add(Features.names(MmText.normalise(r.text())));
        }
        return out;
    }

    private static List<ArrayExample<Label>> examples(List<Set<String>> names, Map<String, Integer> index,
                                                      float[] idf) {
        List<ArrayExample<Label>> out = new ArrayList<>(names.size());
        for (Set<String> n : names) {
            out.add(Features.example(LabelFactory.UNKNOWN_LABEL, n, index, idf));
        }
        return out;
    }

    private static List<int[]> known(List<Set<String>> names, Map<String, Integer> index) {
        List<int[]> out = new ArrayList<>(names.size());
        for (Set<String> n : names) {
            out.add(n.stream().filter(index::containsKey).mapToInt(index::get).toArray());
        }
        return out;
    }

    /**
     * Puts the features in at least {@code minDocuments} texts into {@code kept}, sorted, and returns their idf
     * weights over {@code docs}.
     */
    private float[] vocabulary(List<Set<String>> docs, List<String> vocabulary) {
        Map<String, Integer> df = new HashMap<>();
        for (Set<String> d : docs) {
            for (String n : d) {
                df.merge(n, 1, Integer::sum);
            }
        }
        TreeSet<String> kept = new TreeSet<>();
        df.forEach((k, v) -> {
            if (v >= parameters.minDocuments()) {
                kept.add(k);
            }
        });
        vocabulary.addAll(kept);
        float[] idf = new float[vocabulary.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = Features.idf(df.get(vocabulary.get(i)), docs.size());
        }
        return idf;
    }

    private static Map<String, Integer> index(List<String> vocabulary) {
        Map<String, Integer> index = new HashMap<>(vocabulary.size() * 2);
        for (int i = 0; i < vocabulary.size(); i++) {
            index.put(vocabulary.get(i), i);
        }
        return index;
    }

    /** Trains one label's model with Tribuo and exports it to weights over {@code index}'s features. */
    private static MmClassifiers.LabelModel fit(Task t, String label, double cost, List<MmRecord> records,
                                                List<ArrayExample<Label>> examples, Map<String, Integer> index,
                                                float[] idf, List<ArrayExample<Label>> check) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(
                "unrest " + t.key() + ": " + label, OffsetDateTime.of(2020, 7, 31, 0, 0, 0, 0, ZoneOffset.UTC), factory),
                factory);
        for (int i = 0; i < records.size(); i++) {
            Set<String> gold = records.get(i).labels(t);
            ArrayExample<Label> e = examples.get(i);
            if (gold == null || e.size() == 0) {
                continue;
            }
            data.add(new ArrayExample<>(gold.contains(label) ? Features.YES : Features.NO, e, 1.0f));
        }
        int positive = 0;
        for (var e : data) {
            positive += e.getOutput().equals(Features.YES) ? 1 : 0;
        }
        double rate = data.size() == 0 ? 0 : positive / (double) data.size();
        LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost, 1000, 0.01);
        LibLinearModel<Label> model = trainer.train(data);
        MmClassifiers.LabelModel exported = export(label, model, index, rate);
        for (ArrayExample<Label> e : check) {
            double tribuo = tribuoProbability(model, e);
            double ours = MmClassifiers.probability(exported, e.size() == 0 ? new int[0] : known(e, index), idf);
            if (!Double.isNaN(tribuo) && Math.abs(tribuo - ours) > 1e-4) {
                throw new IllegalStateException(t.key() + "/" + label + ": exported weights give " + ours
                        + " where Tribuo gives " + tribuo);
            }
        }
        return exported;
    }

    private static int[] known(ArrayExample<Label> e, Map<String, Integer> index) {
        int[] out = new int[e.size()];
        int n = 0;
        for (var f : e) {
            out[n++] = index.get(f.getName());
        }
        return out;
    }

    private static double tribuoProbability(LibLinearModel<Label> model, ArrayExample<Label> e) {
        if (e.size() == 0) {
            return Double.NaN;
        }
        Label yes = model.predict(e).getOutputScores().get(Features.YES.getLabel());
        return yes == null ? 0 : yes.getScore();
    }

    /**
     * The weights of a binary LibLinear logistic regression, oriented so that a positive score means "yes", as one
     * float per feature of {@code index} (0 for features the model never saw) and a bias.
     */
    static MmClassifiers.LabelModel export(String label, LibLinearModel<Label> model, Map<String, Integer> index,
                                           double rate) {
        de.bwaldvogel.liblinear.Model inner = model.getInnerModels().get(0);
        int[] labels = inner.getLabels();
        int yesId = model.getOutputIDInfo().getID(Features.YES);
        double[] w = inner.getFeatureWeights();
        float[] weights = new float[index.size()];
        float bias = 0;
        if (inner.getNrClass() == 2 && yesId >= 0) {
            double sign = labels[0] == yesId ? 1 : -1;
            ImmutableFeatureMap fm = model.getFeatureIDMap();
            for (VariableInfo v : fm) {
                Integer i = index.get(v.getName());
                if (i != null) {
                    weights[i] = (float) (sign * w[fm.getID(v.getName())]);
                }
            }
            bias = inner.getBias() >= 0 ? (float) (sign * w[inner.getNrFeature()] * inner.getBias()) : 0;
        } else {
            // only one class in the training data: a constant answer
            bias = yesId >= 0 && inner.getNrClass() == 1 ? 20f : -20f;
        }
        return new MmClassifiers.LabelModel(label, bias, weights, 0.5, Math.round(rate * 10000) / 10000.0);
    }

    /**
     * Refines per-label thresholds (in place) for the macro-F1 of a task where every text gets at least one label
     * ({@link MmClassifiers#predict}): twice over the labels, each threshold in turn set to the value from 0.05 to 0.95
     * that gives the best macro-F1 with the others fixed. Returns that macro-F1.
     */
    static double jointThresholds(double[][] probs, boolean[][] gold, boolean[] has, double[] thresholds) {
        double best = macroF1(probs, gold, has, thresholds);
        for (int pass = 0; pass < 2; pass++) {
            for (int l = 0; l < thresholds.length; l++) {
                double keep = thresholds[l];
                for (int k = 5; k <= 95; k++) {
                    thresholds[l] = k / 100.0;
                    double score = macroF1(probs, gold, has, thresholds);
                    if (score > best + 1e-12) {
                        best = score;
                        keep = thresholds[l];
                    }
                }
                thresholds[l] = keep;
            }
        }
        return best;
    }

    /** Macro-F1 of the labels chosen as {@link MmClassifiers#predict} does: at their threshold, else the nearest. */
    static double macroF1(double[][] probs, boolean[][] gold, boolean[] has, double[] thresholds) {
        int n = thresholds.length;
        int[] tp = new int[n];
        int[] wrong = new int[n];
        for (int i = 0; i < has.length; i++) {
            if (!has[i]) {
                continue;
            }
            int nearest = 0;
            double bestRatio = -1;
            boolean any = false;
            for (int l = 0; l < n; l++) {
                any |= probs[l][i] >= thresholds[l];
                double ratio = probs[l][i] / thresholds[l];
                if (ratio > bestRatio) {
                    bestRatio = ratio;
                    nearest = l;
                }
            }
            for (int l = 0; l < n; l++) {
                boolean p = probs[l][i] >= thresholds[l] || (!any && l == nearest);
                if (p && gold[l][i]) {
                    tp[l]++;
                } else if (p || gold[l][i]) {
                    wrong[l]++;
                }
            }
        }
        double sum = 0;
        for (int l = 0; l < n; l++) {
            sum += 2 * tp[l] + wrong[l] == 0 ? 0 : 2.0 * tp[l] / (2 * tp[l] + wrong[l]);
        }
        return sum / n;
    }

    /** The threshold with the best F1 (or accuracy) on these probabilities: {threshold, score}. */
    static double[] bestThreshold(double[] probs, boolean[] gold, boolean[] has, boolean accuracy) {
        double bestT = 0.5;
        double best = -1;
        for (int k = 5; k <= 95; k++) {
            double t = k / 100.0;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int tn = 0;
            for (int i = 0; i < probs.length; i++) {
                if (!has[i]) {
                    continue;
                }
                boolean p = probs[i] >= t;
                if (p && gold[i]) {
                    tp++;
                } else if (p) {
                    fp++;
                } else if (gold[i]) {
                    fn++;
                } else {
                    tn++;
                }
            }
            int n = tp + fp + fn + tn;
            double score = accuracy ? (n == 0 ? 0 : (tp + tn) / (double) n)
                    : (2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn));
            if (score > best + 1e-12) {
                best = score;
                bestT = t;
            }
        }
        return new double[] {bestT, best};
    }
}
