package org.unrest.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which implementation runs each stage, by name, and their settings ({@code stage.setting = value}).
 * The default names the implementations shipped with unrest.
 */
public record PipelineConfig(Map<Class<? extends Stage>, String> implementations,
                             Map<Class<? extends Stage>, Map<String, String>> settings) {

    public PipelineConfig {
        implementations = Map.copyOf(implementations);
        settings = Map.copyOf(settings);
    }

    public static PipelineConfig defaults() {
        Map<Class<? extends Stage>, String> m = new LinkedHashMap<>();
        m.put(Segmenter.class, "rules");
        m.put(EventDetector.class, "rules+model");
        m.put(DateResolver.class, "narrative");
        m.put(PlaceResolver.class, "gazetteer");
        m.put(ActorCoder.class, "rules");
        m.put(DemandCoder.class, "rules");
        m.put(FigureExtractor.class, "rules");
        m.put(EventAssembler.class, "narrative");
        m.put(EventRefiner.class, "violence-check");
        m.put(EventMerger.class, "same-what-where-when");
        return new PipelineConfig(m, Map.of());
    }

    public String implementation(Class<? extends Stage> kind) {
        String name = implementations.get(kind);
        if (name == null) {
            throw new IllegalArgumentException("no implementation configured for " + kind.getSimpleName());
        }
        return name;
    }

    public Map<String, String> settingsFor(Class<? extends Stage> kind) {
        return settings.getOrDefault(kind, Map.of());
    }

    public PipelineConfig with(Class<? extends Stage> kind, String name, Map<String, String> stageSettings) {
        Map<Class<? extends Stage>, String> m = new LinkedHashMap<>(implementations);
        m.put(kind, name);
        Map<Class<? extends Stage>, Map<String, String>> s = new LinkedHashMap<>(settings);
        s.put(kind, stageSettings);
        return new PipelineConfig(m, s);
    }
}
