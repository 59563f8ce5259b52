package org.unrest.learn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What a short report is about, learned from labelled reports ({@link EventTypeTrainer}): one logistic regression per
 * ACLED sub-event type ("does the report tell of this?") and one for {@value #IN_SCOPE} ("does it tell of any event at
 * all?"), over a text's words, neighbouring word pairs and five-letter word beginnings ({@link #featureNames}), each
 * worth its inverse document frequency, the vector scaled to unit length. Kept in one file, {@value #FILE} (gzip):
 * the scheme, what it was trained on, the feature names with their idf, then per label its bias and one weight per
 * feature. Immutable and thread-safe.
 */
public final class EventTypeModel {
    public static final String BUNDLED = "/org/unrest/learn/event-types/";
    public static final String FILE = "event-types.model.gz";
    /** The label of the in-scope model: the report tells of at least one event. */
    public static final String IN_SCOPE = "in-scope";
    public static final String SCHEME = "words+bigrams+prefix5,binary,idf,l2;types-v1";
    static final int PREFIX = 5;
    static final int MIN_TRIGGER_LETTERS = 4;
    private static final int MAGIC = 0x554e5431; // "UNT1"

    /** One label's weights: probability = logistic(bias + weights . x). */
    public record LabelWeights(String label, float bias, float[] weights) {
    }

    private final FeatureIndex features;
    private final List<LabelWeights> labels;
    private final Map<String, String> about;
    private final String fingerprint;

    public EventTypeModel(List<String> features, float[] idf, List<LabelWeights> labels, Map<String, String> about) {
        if (labels.stream().noneMatch(l -> l.label().equals(IN_SCOPE))) {
            throw new IllegalArgumentException("no " + IN_SCOPE + " model");
        }
        this.features = new FeatureIndex(features, idf);
        int h = this.features.hash();
        for (LabelWeights l : labels) {
            if (l.weights().length != features.size()) {
                throw new IllegalArgumentException(l.label() + ": " + l.weights().length + " weights for "
                        + features.size() + " features");
            }
            h = 31 * (31 * (31 * h + l.label().hashCode()) + Arrays.hashCode(l.weights())) + Float.hashCode(l.bias());
        }
        this.labels = List.copyOf(labels);
        this.about = Map.copyOf(about);
        this.fingerprint = String.format(Locale.ROOT, "%08x", h);
    }

    /**
     * The features of a text: those of {@link Features#names} (words and word pairs after {@link MmText#normalise})
     * and the first {@value #PREFIX} letters of every longer word ({@code p:protes}), which lets "protesters",
     * "protested" and Russian case forms ("митингующих", "митингующие") share evidence.
     */
    public static Set<String> featureNames(String text) {
        String normalised = MmText.normalise(text);
        Set<String> out = new TreeSet<>(Features.names(normalised));
        for (String t : MmText.tokens(normalised)) {
            if (t.length() >= PREFIX) {
                out.add("p:" + t.substring(0, PREFIX));
            }
        }
        return out;
    }

    /** The sub-event types the model knows, in its order (without {@value #IN_SCOPE}). */
    public List<String> subEventTypes() {
        return labels.stream().map(LabelWeights::label).filter(l -> !l.equals(IN_SCOPE)).toList();
    }

    /** The probability of every label for a text, {@value #IN_SCOPE} first, then the sub-event types. */
    public Map<String, Double> probabilities(String text) {
        int[] known = features.known(featureNames(text));
        double scale = features.scale(known);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(IN_SCOPE, probability(label(IN_SCOPE), known, scale));
        for (LabelWeights l : labels) {
            if (!l.label().equals(IN_SCOPE)) {
                out.put(l.label(), probability(l, known, scale));
            }
        }
        return out;
    }

    /** The probability of one label for a text. */
    public double probability(String text, String label) {
        int[] known = features.known(featureNames(text));
        return probability(label(label), known, features.scale(known));
    }

    /**
     * The word of {@code text} (of at least {@value #MIN_TRIGGER_LETTERS} letters, so not "his" or "the") whose own
     * features (the word and its beginning) add most to the label's score, as
     * {start, end} offsets into {@code text} (end exclusive), or null for a text without words: the evidence a coder
     * is shown for a type the model chose.
     */
    public int[] strongestWord(String text, String label) {
        LabelWeights l = label(label);
        int[] best = null;
        double bestWeight = Double.NEGATIVE_INFINITY;
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            String w = MmText.normalise(text.substring(start, i));
            if (w.length() < MIN_TRIGGER_LETTERS || w.indexOf(' ') >= 0) {
                continue;
            }
            double weight = 0;
            for (String f : w.length() >= PREFIX ? List.of("w:" + w, "p:" + w.substring(0, PREFIX)) : List.of("w:" + w)) {
                int k = features.indexOf(f);
                if (k >= 0) {
                    weight += (double) l.weights()[k] * features.idf(k);
                }
            }
            if (weight > bestWeight) {
                bestWeight = weight;
                best = new int[] {start, i};
            }
        }
        return best;
    }

    private LabelWeights label(String name) {
        for (LabelWeights l : labels) {
            if (l.label().equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("no model for " + name);
    }

    private double probability(LabelWeights l, int[] known, double scale) {
        return features.probability(l.weights(), l.bias(), known, scale);
    }

    /** A short hash of the features and weights: which model coded an event, in its provenance. */
    public String fingerprint() {
        return fingerprint;
    }

    /** How the model was trained (data, sizes, parameters). */
    public Map<String, String> about() {
        return about;
    }

    public int featureCount() {
        return features.size();
    }

    /** Loads the bundled model once, on first use (the holder-class idiom). */
    private static final class Bundled {
        static final EventTypeModel MODEL = readBundled();

        private static EventTypeModel readBundled() {
            InputStream in = EventTypeModel.class.getResourceAsStream(BUNDLED + FILE);
            if (in == null) {
                throw new IllegalStateException("no event-type model on the class path at " + BUNDLED + FILE
                        + "; run unrest train-types");
            }
            try (in) {
                return read(in, "class path " + BUNDLED + FILE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The model committed with unrest. */
    public static EventTypeModel bundled() {
        return Bundled.MODEL;
    }

    /** A model written by {@link #save}: the file itself or the directory holding {@value #FILE}. */
    public static EventTypeModel load(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(FILE) : path;
        if (!Files.exists(file)) {
            throw new IOException("no event-type model at " + file + "; run unrest train-types");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    private static EventTypeModel read(InputStream raw, String where) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(where + ": not an unrest event-type model");
            }
            String scheme = in.readUTF();
            if (!scheme.equals(SCHEME)) {
                throw new IOException(where + ": the model uses features '" + scheme + "', this unrest " + SCHEME
                        + "; retrain it with unrest train-types");
            }
            Map<String, String> about = new TreeMap<>();
            int nAbout = in.readInt();
            for (int i = 0; i < nAbout; i++) {
                about.put(in.readUTF(), in.readUTF());
            }
            int n = in.readInt();
            List<String> features = new ArrayList<>(n);
            float[] idf = new float[n];
            for (int i = 0; i < n; i++) {
                features.add(in.readUTF());
                idf[i] = in.readFloat();
            }
            int nLabels = in.readInt();
            List<LabelWeights> labels = new ArrayList<>(nLabels);
            for (int k = 0; k < nLabels; k++) {
                String label = in.readUTF();
                float bias = in.readFloat();
                float[] w = new float[n];
                for (int i = 0; i < n; i++) {
                    w[i] = in.readFloat();
                }
                labels.add(new LabelWeights(label, bias, w));
            }
            return new EventTypeModel(features, idf, labels, about);
        } catch (java.io.EOFException e) {
            throw new IOException(where + ": the model file ends early", e);
        }
    }

    /** Writes {@value #FILE} into {@code dir} (created if missing), replacing what is there. */
    public Path save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new GZIPOutputStream(Files.newOutputStream(file))))) {
            out.writeInt(MAGIC);
            out.writeUTF(SCHEME);
            Map<String, String> sorted = new TreeMap<>(about);
            out.writeInt(sorted.size());
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(features.size());
            for (int i = 0; i < features.size(); i++) {
                out.writeUTF(features.names().get(i));
                out.writeFloat(features.idf(i));
            }
            out.writeInt(labels.size());
            for (LabelWeights l : labels) {
                out.writeUTF(l.label());
                out.writeFloat(l.bias());
                for (float w : l.weights()) {
                    out.writeFloat(w);
                }
            }
        }
        return file;
    }
}
