package org.unrest.learn;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains an {@link EventTypeModel}: one L2-regularised logistic regression (LIBLINEAR, {@code L2R_LR}) per sub-event
 * type seen in the labelled reports, and one for "tells of any event", over {@link EventTypeModel#featureNames}
 * seen in at least {@link Parameters#minDocuments} reports. Deterministic: the same reports give the same model.
 */
public final class EventTypeTrainer {
    private static final String LIBLINEAR_VERSION = java.util.Objects.requireNonNullElse(
            Linear.class.getPackage().getImplementationVersion(), "2.x");
    /** A report's text and the sub-event types it tells of (empty for news that is no event). */
    public record LabelledText(String id, String text, Set<String> subEventTypes) {
        public LabelledText {
            subEventTypes = Set.copyOf(subEventTypes);
        }
    }

    /**
     * @param cost         LIBLINEAR's C (higher fits the training reports more closely)
     * @param minDocuments keep features seen in at least this many reports
     */
    public record Parameters(double cost, int minDocuments) {
        public static Parameters defaults() {
            return new Parameters(16, 2);
        }

        public String describe() {
            return String.format(Locale.ROOT, "liblinear-java %s L2R_LR C=%s eps=0.01, features in >= %d reports",
                    LIBLINEAR_VERSION, cost, minDocuments);
        }
    }

    private final Parameters parameters;

    public EventTypeTrainer(Parameters parameters) {
        this.parameters = parameters;
    }

    /** Trains on the reports; {@code about} (where they came from) is kept in the model with the parameters. */
    public EventTypeModel train(List<LabelledText> reports, Map<String, String> about) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no labelled reports to train the event-type model on");
        }
        Linear.disableDebugOutput();
        List<Set<String>> names = new ArrayList<>(reports.size());
        Map<String, Integer> df = new TreeMap<>();
        for (LabelledText r : reports) {
            Set<String> n = EventTypeModel.featureNames(r.text());
            names.add(n);
            n.forEach(f -> df.merge(f, 1, Integer::sum));
        }
        List<String> features = new ArrayList<>();
        List<Float> idfList = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() >= parameters.minDocuments()) {
                index.put(e.getKey(), features.size());
                features.add(e.getKey());
                idfList.add(Features.idf(e.getValue(), reports.size()));
            }
        }
        float[] idf = new float[features.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = idfList.get(i);
        }
        Feature[][] x = new Feature[reports.size()][];
        for (int k = 0; k < reports.size(); k++) {
            x[k] = vector(names.get(k), index, idf);
        }
        TreeSet<String> types = new TreeSet<>();
        reports.forEach(r -> types.addAll(r.subEventTypes()));
        List<String> labelNames = new ArrayList<>();
        labelNames.add(EventTypeModel.IN_SCOPE);
        labelNames.addAll(types);
        List<EventTypeModel.LabelWeights> labels = new ArrayList<>();
        for (String label : labelNames) {
            double[] y = new double[reports.size()];
            for (int k = 0; k < y.length; k++) {
                Set<String> t = reports.get(k).subEventTypes();
                y[k] = (label.equals(EventTypeModel.IN_SCOPE) ? !t.isEmpty() : t.contains(label)) ? 1 : 0;
            }
            labels.add(fit(label, x, y, features.size()));
        }
        Map<String, String> info = new LinkedHashMap<>(about);
        info.put("trainer", parameters.describe());
        info.put("trained.on", reports.size() + " reports, " + types.size() + " sub-event types");
        info.put("features", features.size() + "");
        return new EventTypeModel(features, idf, labels, info);
    }

    private EventTypeModel.LabelWeights fit(String label, Feature[][] x, double[] y, int n) {
        float[] w = new float[n];
        boolean any = false;
        boolean all = true;
        for (double v : y) {
            any |= v == 1;
            all &= v == 1;
        }
        if (!any || all) { // one class only: a constant answer
            return new EventTypeModel.LabelWeights(label, any ? 10f : -10f, w);
        }
        Problem p = new Problem();
        p.l = y.length;
        p.n = n + 1;
        p.x = x;
        p.y = y;
        p.bias = 1;
        Model m = Linear.train(p, new Parameter(SolverType.L2R_LR, parameters.cost(), 0.01));
        double[] raw = m.getFeatureWeights();
        // LIBLINEAR orders the weights by its first label; turn them into the weights of "yes" (1).
        double sign = m.getLabels()[0] == 1 ? 1 : -1;
        for (int i = 0; i < n; i++) {
            w[i] = (float) (sign * raw[i]);
        }
        return new EventTypeModel.LabelWeights(label, (float) (sign * raw[n]), w);
    }

    /**
     * A report's vector in LIBLINEAR's form: 1-based feature indices, scaled to unit length, then the bias feature
     * (index n + 1, value 1), which LIBLINEAR expects the caller to append when {@code Problem.bias} is set.
     */
    private static Feature[] vector(Set<String> names, Map<String, Integer> index, float[] idf) {
        TreeMap<Integer, Double> kept = new TreeMap<>();
        double norm = 0;
        for (String f : names) {
            Integer i = index.get(f);
            if (i != null) {
                kept.put(i, (double) idf[i]);
                norm += (double) idf[i] * idf[i];
            }
        }
        double scale = kept.isEmpty() ? 0 : 1 / Math.sqrt(norm);
        Feature[] out = new Feature[kept.size() + 1];
        int k = 0;
        for (Map.Entry<Integer, Double> e : kept.entrySet()) {
            out[k++] = new FeatureNode(e.getKey() + 1, e.getValue() * scale);
        }
        out[k] = new FeatureNode(idf.length + 1, 1.0);
        return out;
    }
}
