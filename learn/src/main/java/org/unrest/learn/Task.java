package org.unrest.learn;

import java.util.List;
import org.unrest.model.Vocabulary;

/** The three things the models are trained to tell from a text, each as one yes/no classifier per label. */
public enum Task {
    /** Mass Mobilization's seven demand categories (several may hold). */
    DEMANDS("demands", Vocabulary.MM_DEMANDS, true),
    /** Mass Mobilization's seven state responses (several may hold). */
    STATE_RESPONSES("state-responses", Vocabulary.STATE_RESPONSES, true),
    /** Mass Mobilization's {@code protesterviolence}: one label, "violent". */
    VIOLENCE("violence", List.of(Task.VIOLENT), false);

    public static final String VIOLENT = "violent";

    private final String key;
    private final List<String> labels;
    private final boolean atLeastOne;

    Task(String key, List<String> labels, boolean atLeastOne) {
        this.key = key;
        this.labels = labels;
        this.atLeastOne = atLeastOne;
    }

    /**
     * Whether every protest has at least one label of this task: in the MM data all but 1 of 13,409 protests have a
     * demand and all but 24 a state response ("ignore" when the state did nothing).
     */
    public boolean atLeastOne() {
        return atLeastOne;
    }

    /** The stable name used in file names and reports. */
    public String key() {
        return key;
    }

    public List<String> labels() {
        return labels;
    }

    /** A file-name-safe form of a label: "price increases, tax policy" → "price-increases-tax-policy". */
    public static String slug(String label) {
        return MmText.normalise(label).replace(' ', '-');
    }
}
