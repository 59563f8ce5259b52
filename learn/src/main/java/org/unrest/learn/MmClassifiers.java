package org.unrest.learn;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained classifiers of every task: one logistic regression per label over a shared feature list, with the
 * probability above which it says yes. Trained with Tribuo ({@link MmTrainer}); kept as their weights only, because
 * a Tribuo model file carries its whole feature map with per-feature statistics (8 MB for each of the 15 models).
 * On disk (a directory written by {@code unrest train}, or the class-path folder {@value #BUNDLED}):
 * {@value #MANIFEST} (thresholds, feature scheme, how they were trained), {@value #FEATURES} (one feature name a
 * line, gzip) and {@value #WEIGHTS} (each feature's inverse document frequency, then per label: bias and one float
 * per feature, gzip). Immutable and thread-safe.
 */
public final class MmClassifiers {
    public static final String BUNDLED = "/org/unrest/learn/models/";
    public static final String MANIFEST = "models.properties";
    public static final String FEATURES = "features.txt.gz";
    public static final String WEIGHTS = "weights.bin.gz";
    private static final int MAGIC = 0x554e4c32; // "UNL2"

    /**
     * One label's logistic regression over the shared features, its threshold, and the share of training texts that
     * have the label (its base rate).
     */
    public record LabelModel(String label, float bias, float[] weights, double threshold, double rate) {
        public LabelModel withThreshold(double t) {
            return new LabelModel(label, bias, weights, t, rate);
        }
    }

    private final FeatureIndex features;
    private final Map<Task, List<LabelModel>> models;
    private final Map<String, String> about;

    /**
     * @param features the feature names
     * @param idf      each feature's weight before the vector is scaled to unit length ({@link Features#idf})
     */
    public MmClassifiers(List<String> features, float[] idf, Map<Task, List<LabelModel>> models,
                         Map<String, String> about) {
        this.features = new FeatureIndex(features, idf);
        Map<Task, List<LabelModel>> m = new EnumMap<>(Task.class);
        for (Task t : Task.values()) {
            List<LabelModel> list = models.get(t);
            if (list == null || !list.stream().map(LabelModel::label).toList().equals(t.labels())) {
                throw new IllegalArgumentException("need one model per label of " + t.key() + ", in order");
            }
            for (LabelModel lm : list) {
                if (lm.weights().length != features.size()) {
                    throw new IllegalArgumentException(t.key() + "/" + lm.label() + ": " + lm.weights().length
                            + " weights for " + features.size() + " features");
                }
            }
            m.put(t, List.copyOf(list));
        }
        this.models = m;
        this.about = Map.copyOf(about);
        int h = this.features.hash();
        for (List<LabelModel> list : m.values()) {
            for (LabelModel lm : list) {
                h = 31 * h + java.util.Arrays.hashCode(lm.weights());
                h = 31 * h + Float.hashCode(lm.bias());
                h = 31 * h + Double.hashCode(lm.threshold());
                h = 31 * h + Double.hashCode(lm.rate());
            }
        }
        this.fingerprint = String.format(Locale.ROOT, "%08x", h);
    }

    private final String fingerprint;

    /** A short hash of the features, weights and thresholds: which models coded an event, in its provenance. */
    public String fingerprint() {
        return fingerprint;
    }

    private static volatile MmClassifiers bundled;

    /** The models committed with unrest, loaded once. */
    public static MmClassifiers bundled() {
        MmClassifiers b = bundled;
        if (b == null) {
            synchronized (MmClassifiers.class) {
                b = bundled;
                if (b == null) {
                    try {
                        b = load(name -> MmClassifiers.class.getResourceAsStream(BUNDLED + name), "class path " + BUNDLED);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bundled = b;
                }
            }
        }
        return b;
    }

    /** Models written to a directory by {@link #save}. */
    public static MmClassifiers load(Path dir) throws IOException {
        return load(name -> {
            Path p = dir.resolve(name);
            return Files.exists(p) ? Files.newInputStream(p) : null;
        }, dir.toString());
    }

    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static InputStream open(Opener opener, String name, String where) throws IOException {
        InputStream in = opener.open(name);
        if (in == null) {
            throw new IOException("no trained models in " + where + " (" + name + " is missing); run unrest train");
        }
        return in;
    }

    private static MmClassifiers load(Opener opener, String where) throws IOException {
        Properties p = new Properties();
        try (InputStream in = open(opener, MANIFEST, where)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        if (!Features.SCHEME.equals(p.getProperty("features"))) {
            throw new IOException(where + ": the models use features '" + p.getProperty("features") + "', this unrest "
                    + Features.SCHEME + "; retrain them with unrest train");
        }
        List<String> features = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(open(opener, FEATURES, where)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                features.add(line);
            }
        }
        Map<Task, List<LabelModel>> models = new EnumMap<>(Task.class);
        float[] idf = new float[features.size()];
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
                new GZIPInputStream(open(opener, WEIGHTS, where))))) {
            if (in.readInt() != MAGIC || in.readInt() != features.size()) {
                throw new IOException(where + ": " + WEIGHTS + " does not belong to " + FEATURES);
            }
            for (int i = 0; i < idf.length; i++) {
                idf[i] = in.readFloat();
            }
            for (Task t : Task.values()) {
                List<LabelModel> list = new ArrayList<>();
                for (String label : t.labels()) {
                    String key = key(t, label);
                    String stored = in.readUTF();
                    if (!stored.equals(key)) {
                        throw new IOException(where + ": " + WEIGHTS + " has " + stored + " where " + key + " belongs");
                    }
                    String threshold = p.getProperty(key + ".threshold");
                    String rate = p.getProperty(key + ".rate");
                    if (threshold == null || rate == null) {
                        throw new IOException(where + ": " + MANIFEST + " lacks " + key + ".threshold or .rate");
                    }
                    float bias = in.readFloat();
                    float[] w = new float[features.size()];
                    for (int i = 0; i < w.length; i++) {
                        w[i] = in.readFloat();
                    }
                    list.add(new LabelModel(label, bias, w, Double.parseDouble(threshold), Double.parseDouble(rate)));
                }
                models.put(t, list);
            }
        }
        Map<String, String> about = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (!k.endsWith(".threshold") && !k.endsWith(".rate")) {
                about.put(k, p.getProperty(k));
            }
        }
        return new MmClassifiers(features, idf, models, about);
    }

    static String key(Task t, String label) {
        return t.key() + "." + Task.slug(label);
    }

    /** Writes the three files into {@code dir} (created if missing), replacing what is there. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder manifest = new StringBuilder("# Written by unrest train; see learn/MODEL-CARD.md\n");
        for (Map.Entry<String, String> e : new TreeMap<>(about).entrySet()) {
            manifest.append(e.getKey()).append('=').append(escape(e.getValue())).append('\n');
        }
        for (Task t : Task.values()) {
            for (LabelModel m : models.get(t)) {
                manifest.append(key(t, m.label())).append(".threshold=")
                        .append(String.format(Locale.ROOT, "%.2f", m.threshold())).append('\n');
                manifest.append(key(t, m.label())).append(".rate=")
                        .append(String.format(Locale.ROOT, "%.4f", m.rate())).append('\n');
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            w.write(manifest.toString());
        }
        try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(dir.resolve(FEATURES))),
                StandardCharsets.UTF_8)) {
            for (String f : features.names()) {
                w.write(f);
                w.write('\n');
            }
        }
        try (OutputStream raw = Files.newOutputStream(dir.resolve(WEIGHTS));
             DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(new GZIPOutputStream(raw)))) {
            out.writeInt(MAGIC);
            out.writeInt(features.size());
            for (float x : features.idf()) {
                out.writeFloat(x);
            }
            for (Task t : Task.values()) {
                for (LabelModel m : models.get(t)) {
                    out.writeUTF(key(t, m.label()));
                    out.writeFloat(m.bias());
                    for (float x : m.weights()) {
                        out.writeFloat(x);
                    }
                }
            }
        }
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n");
    }

    public List<LabelModel> models(Task t) {
        return models.get(t);
    }

    public List<String> features() {
        return features.names();
    }

    /** Each feature's idf weight, in the order of {@link #features()}. */
    public float[] idf() {
        return features.idf();
    }

    /** How the models were trained (data, sizes, parameters), as recorded in the manifest. */
    public Map<String, String> about() {
        return about;
    }

    /** The indices of a text's features that the models know, for {@link #probabilities(Task, int[])}. */
    public int[] featuresOf(String text) {
        return featuresOf(Features.names(MmText.normalise(text)));
    }

    public int[] featuresOf(Collection<String> names) {
        return features.known(names);
    }

    /** The probability of each label of the task for a text (any form; it is normalised here). */
    public Map<String, Double> probabilities(Task t, String text) {
        return probabilities(t, featuresOf(text));
    }

    public Map<String, Double> probabilities(Task t, int[] known) {
        Map<String, Double> out = new LinkedHashMap<>();
        double scale = features.scale(known);
        for (LabelModel m : models.get(t)) {
            out.put(m.label(), features.probability(m.weights(), m.bias(), known, scale));
        }
        return out;
    }

    /**
     * Logistic regression over the known features, each worth its idf over the length of the vector as in training;
     * a text with no known feature gets the bias alone.
     */
    public double probability(LabelModel m, int[] known) {
        return features.probability(m.weights(), m.bias(), known, features.scale(known));
    }

    /** {@link #probability(LabelModel, int[])} with these idf weights (for training, before the models are built). */
    static double probability(LabelModel m, int[] known, float[] idf) {
        double norm = 0;
        double dot = 0;
        float[] w = m.weights();
        for (int i : known) {
            norm += (double) idf[i] * idf[i];
            dot += (double) w[i] * idf[i];
        }
        double z = (known.length == 0 ? 0 : dot / Math.sqrt(norm)) + m.bias();
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The labels of the task whose probability reaches their threshold; for a task where every protest has a label
     * ({@link Task#atLeastOne()}), the one nearest its threshold when none reaches it.
     */
    public List<String> predict(Task t, String text) {
        return predict(t, featuresOf(text));
    }

    public List<String> predict(Task t, int[] known) {
        List<String> out = new ArrayList<>();
        String best = null;
        double bestRatio = -1;
        double scale = features.scale(known);
        for (LabelModel m : models.get(t)) {
            double p = features.probability(m.weights(), m.bias(), known, scale);
            if (p >= m.threshold()) {
                out.add(m.label());
            }
            if (p / m.threshold() > bestRatio) {
                bestRatio = p / m.threshold();
                best = m.label();
            }
        }
        if (out.isEmpty() && t.atLeastOne() && best != null) {
            out.add(best);
        }
        return out;
    }
}
