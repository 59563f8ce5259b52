package org.unrest.pipeline;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings handed to a stage factory. A factory reads what it understands; {@link #requireAllUsed()} then
 * rejects any setting nobody read, so a misspelt option fails loudly instead of being ignored.
 */
public final class StageSettings {
    private final String owner;
    private final Map<String, String> values;
    private final Set<String> used = new HashSet<>();

    public StageSettings(String owner, Map<String, String> values) {
        this.owner = owner;
        this.values = Map.copyOf(values);
    }

    public static StageSettings none(String owner) {
        return new StageSettings(owner, Map.of());
    }

    public String get(String key, String defaultValue) {
        used.add(key);
        return values.getOrDefault(key, defaultValue);
    }

    public void requireAllUsed() {
        Set<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("unknown settings for " + owner + ": " + unused);
        }
    }
}
