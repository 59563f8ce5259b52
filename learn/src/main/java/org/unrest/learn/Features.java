package org.unrest.learn;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * The features of a text: its words ({@code w:oil}) and pairs of neighbouring words ({@code b:oil_workers}) after
 * {@link MmText#normalise}, each present or absent, the vector scaled to unit length. Training keeps only those seen in
 * at least {@link #MIN_DOCUMENTS} training texts; at prediction time features the models never saw are ignored
 * (and not counted in the scaling).
 */
public final class Features {
    /** Version of the feature scheme, recorded with the models; a model trained on another version is refused. */
    public static final String SCHEME = "words+bigrams,binary,l2;v1";
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
     * A Tribuo example with the given output from feature names, keeping only those in {@code vocabulary}, each
     * worth 1/sqrt(the number kept).
     */
    public static ArrayExample<Label> example(Label output, Set<String> names, Map<String, Integer> vocabulary) {
        TreeMap<String, Double> kept = new TreeMap<>();
        for (String n : names) {
            if (vocabulary.containsKey(n)) {
                kept.put(n, 1.0);
            }
        }
        String[] fn = kept.keySet().toArray(new String[0]);
        double[] fv = new double[fn.length];
        double value = fn.length == 0 ? 0 : 1.0 / Math.sqrt(fn.length);
        java.util.Arrays.fill(fv, value);
        return new ArrayExample<>(output, fn, fv);
    }
}
