package org.unrest.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds stage factories on the class path and creates stages by interface and name. */
public final class StageRegistry {
    private final List<StageFactory<?>> factories = new ArrayList<>();

    public StageRegistry() {
        @SuppressWarnings("rawtypes")
        ServiceLoader<StageFactory> loader = ServiceLoader.load(StageFactory.class);
        for (StageFactory<?> f : loader) {
            factories.add(f);
        }
    }

    public <T extends Stage> T create(Class<T> kind, String name, Map<String, String> settings) {
        for (StageFactory<?> f : factories) {
            if (f.kind().equals(kind) && f.name().equals(name)) {
                StageSettings s = new StageSettings(kind.getSimpleName() + " '" + name + "'", settings);
                T stage = kind.cast(f.create(s));
                s.requireAllUsed();
                return stage;
            }
        }
        throw new IllegalArgumentException("no " + kind.getSimpleName() + " named '" + name + "'; known: " + names(kind));
    }

    public TreeSet<String> names(Class<? extends Stage> kind) {
        TreeSet<String> names = new TreeSet<>();
        for (StageFactory<?> f : factories) {
            if (f.kind().equals(kind)) {
                names.add(f.name());
            }
        }
        return names;
    }
}
