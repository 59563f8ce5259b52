package org.unrest.learn;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Scores of the classifiers on labelled texts: per-label precision, recall and F1, macro-F1, violence accuracy. */
public final class MmScores {
    /** Counts for one label. */
    public record LabelScore(String label, int support, int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            int p = truePositives + falsePositives;
            return p == 0 ? 0 : truePositives / (double) p;
        }

        public double recall() {
            return support == 0 ? 0 : truePositives / (double) support;
        }

        public double f1() {
            int d = 2 * truePositives + falsePositives + falseNegatives;
            return d == 0 ? 0 : 2.0 * truePositives / d;
        }
    }

    /** Scores of one task over {@code texts} labelled texts. */
    public record TaskScore(Task task, int texts, List<LabelScore> labels, int correct) {
        /** Mean F1 over the task's labels. */
        public double macroF1() {
            return labels.stream().mapToDouble(LabelScore::f1).average().orElse(0);
        }

        /** F1 over all (text, label) decisions of the task pooled: frequent labels weigh more than in macro-F1. */
        public double microF1() {
            int tp = 0;
            int wrong = 0;
            for (LabelScore l : labels) {
                tp += l.truePositives();
                wrong += l.falsePositives() + l.falseNegatives();
            }
            return 2 * tp + wrong == 0 ? 0 : 2.0 * tp / (2 * tp + wrong);
        }

        /** Share of texts whose labels were all right (for violence: accuracy). */
        public double accuracy() {
            return texts == 0 ? 0 : correct / (double) texts;
        }

        public LabelScore label(String label) {
            return labels.stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow();
        }
    }

    private MmScores() {
    }

    public static Map<Task, TaskScore> evaluate(MmClassifiers classifiers, List<MmRecord> records) {
        List<int[]> examples = new ArrayList<>(records.size());
        for (MmRecord r : records) {
            examples.add(classifiers.featuresOf(r.text()));
        }
        Map<Task, TaskScore> out = new EnumMap<>(Task.class);
        for (Task t : Task.values()) {
            int[] tp = new int[t.labels().size()];
            int[] fp = new int[tp.length];
            int[] fn = new int[tp.length];
            int texts = 0;
            int correct = 0;
            for (int i = 0; i < records.size(); i++) {
                Set<String> gold = records.get(i).labels(t);
                if (gold == null) {
                    continue;
                }
                texts++;
                List<String> predicted = classifiers.predict(t, examples.get(i));
                boolean allRight = true;
                for (int k = 0; k < tp.length; k++) {
                    String label = t.labels().get(k);
                    boolean g = gold.contains(label);
                    boolean p = predicted.contains(label);
                    if (g && p) {
                        tp[k]++;
                    } else if (p) {
                        fp[k]++;
                    } else if (g) {
                        fn[k]++;
                    }
                    allRight &= g == p;
                }
                if (allRight) {
                    correct++;
                }
            }
            List<LabelScore> labels = new ArrayList<>();
            for (int k = 0; k < tp.length; k++) {
                labels.add(new LabelScore(t.labels().get(k), tp[k] + fn[k], tp[k], fp[k], fn[k]));
            }
            out.put(t, new TaskScore(t, texts, labels, correct));
        }
        return out;
    }

    /** The scores as a Markdown table per task, as in MODEL-CARD.md. */
    public static String markdown(Map<Task, TaskScore> scores) {
        StringBuilder sb = new StringBuilder();
        for (TaskScore s : scores.values()) {
            sb.append(String.format(Locale.ROOT, "%s (%d texts): macro-F1 %.3f, micro-F1 %.3f, all labels right %.3f%n%n",
                    s.task().key(), s.texts(), s.macroF1(), s.microF1(), s.accuracy()));
            sb.append("| label | support | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n");
            for (LabelScore l : s.labels()) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n",
                        l.label(), l.support(), l.precision(), l.recall(), l.f1()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The three headline figures on one line each. */
    public static String summary(Map<Task, TaskScore> scores) {
        return String.format(Locale.ROOT, "demands macro-F1          %.3f (micro %.3f)%nstate responses macro-F1  %.3f (micro %.3f)%n"
                        + "violence accuracy         %.3f%n",
                scores.get(Task.DEMANDS).macroF1(), scores.get(Task.DEMANDS).microF1(),
                scores.get(Task.STATE_RESPONSES).macroF1(), scores.get(Task.STATE_RESPONSES).microF1(),
                scores.get(Task.VIOLENCE).accuracy());
    }
}
