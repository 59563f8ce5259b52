package org.unrest.learn;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature list of a set of linear models and each feature's inverse document frequency: looks up which of a
 * text's feature names the models know, and scores a weight vector over them the way training saw them (each known
 * feature worth its idf, the vector scaled to unit length). Shared by {@link MmClassifiers} and
 * {@link EventTypeModel}. Immutable.
 */
final class FeatureIndex {
    private final List<String> names;
    private final float[] idf;
    private final Map<String, Integer> index;

    FeatureIndex(List<String> names, float[] idf) {
        if (idf.length != names.size()) {
            throw new IllegalArgumentException(idf.length + " idf weights for " + names.size() + " features");
        }
        this.names = List.copyOf(names);
        this.idf = idf.clone();
        this.index = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    float idf(int i) {
        return idf[i];
    }

    float[] idf() {
        return idf.clone();
    }

    /** A hash of the names and idf weights, for a model's fingerprint. */
    int hash() {
        return 31 * names.hashCode() + Arrays.hashCode(idf);
    }

    /** The index of a feature, or -1 for one the models do not know. */
    int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /** The indices of the known features among {@code featureNames}. */
    int[] known(Collection<String> featureNames) {
        int[] out = new int[featureNames.size()];
        int n = 0;
        for (String name : featureNames) {
            Integer i = index.get(name);
            if (i != null) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** 1 / the length of the vector of the known features' idf weights (0 for none). */
    double scale(int[] known) {
        double norm = 0;
        for (int i : known) {
            norm += (double) idf[i] * idf[i];
        }
        return known.length == 0 ? 0 : 1 / Math.sqrt(norm);
    }

    /** logistic(bias + (weights . idf over the known features) * scale). */
    double probability(float[] weights, float bias, int[] known, double scale) {
        double dot = 0;
        for (int i : known) {
            dot += (double) weights[i] * idf[i];
        }
        return 1 / (1 + Math.exp(-(dot * scale + bias)));
    }
}
