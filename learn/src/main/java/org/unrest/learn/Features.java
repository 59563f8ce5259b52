package org.unrest.learn;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * The features of a text: its words ({@code w:oil}) and pairs of neighbouring words ({@code b:oil_workers}) after
 * {@link MmText#normalise}, each present or absent and worth its inverse document frequency in the training texts
 * ({@link #idf}: rare words count more than "the"), the vector scaled to unit length. Training keeps only those seen in
 * at least {@link #MIN_DOCUMENTS} training texts; at prediction time features the models never saw are ignored
 * (and not counted in the scaling).
 */
public final class Features {
    /** Version of the feature scheme, recorded with the models; a model trained on another version is refused. */
    public static final String SCHEME = "words+bigrams,binary,idf,l2;v2";
    public static final int MIN_DOCUMENTS = 3;
    /** The outputs of each yes/no model. */
    public static final Label YES = new Label("yes");
    public static final Label NO = new Label("no");

    private Features() {
    }

    /** Feature names of a normalised text, sorted, without repeats. */
    public static Set<String> names(String normalised) {
        List<String> tokens = MmText.tokens(normalised);
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        String previous = "<s>";
        for (String t : tokens) {
            out.add("w:" + t);
            out.add("b:" + previous + "_" + t);
            previous = t;
        }
        if (!tokens.isEmpty()) {
            out.add("b:" + previous + "_</s>");
        }
        return out;
    }

    /**
     * Smoothed inverse document frequency of a feature seen in {@code df} of {@code n} texts: ln((1 + n) / (1 + df)) + 1
     * (at least 1, so a feature in every text still counts).
     */
    public static float idf(int df, int n) {
        return (float) (Math.log((1.0 + n) / (1.0 + df)) + 1);
    }

    /**
     * A Tribuo example with the given output from feature names, keeping only those in {@code vocabulary}, each
     * worth its {@code idf} (indexed like {@code vocabulary}) divided by the length of the whole vector.
     */
    public static ArrayExample<Label> example(Label output, Set<String> names, Map<String, Integer> vocabulary,
                                              float[] idf) {
        TreeMap<String, Double> kept = new TreeMap<>();
        double norm = 0;
        for (String n : names) {
            Integer i = vocabulary.get(n);
            if (i != null) {
                kept.put(n, (double) idf[i]);
                norm += (double) idf[i] * idf[i];
            }
        }
        String[] fn = kept.keySet().toArray(new String[0]);
        double[] fv = new double[fn.length];
        double scale = fn.length == 0 ? 0 : 1.0 / Math.sqrt(norm);
        int k = 0;
        for (double v : kept.values()) {
            fv[k++] = v * scale;
        }
        return new ArrayExample<>(output, fn, fv);
    }
}
