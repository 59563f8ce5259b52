package org.unrest.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.unrest.pipeline.EventDetector;
import org.unrest.pipeline.EventRefiner;
import org.unrest.pipeline.StageFactory;
import org.unrest.pipeline.StageRegistry;
import org.unrest.pipeline.StageSettings;

/** The factories of this module's stages, registered in META-INF/services. */
public final class LearnStages {
    private LearnStages() {
    }

    /**
     * {@code mm-classifiers}: settings {@code rules} (the rule refiner run first, default {@code from-events}),
     * {@code models} (a directory written by {@code unrest train}; default {@code $UNREST_MODELS} when set, else the
     * models bundled with unrest) and
     * {@code min-probability} (default 0.5: the models must be at least this sure, and past their tuned threshold).
     */
    public static final class RefinerFactory implements StageFactory<EventRefiner> {
        public static final String DEFAULT_MIN_PROBABILITY = "0.5";
        public static final String MODELS_ENV = "UNREST_MODELS";

        public Class<EventRefiner> kind() {
            return EventRefiner.class;
        }

        public String name() {
            return MmClassifierRefiner.NAME;
        }

        public EventRefiner create(StageSettings s) {
            return create(s, true);
        }

        static EventRefiner create(StageSettings s, boolean add) {
            String rulesName = s.get("rules", "from-events");
            String env = System.getenv(MODELS_ENV);
            String models = s.get("models", env == null ? "" : env.strip());
            double min = Double.parseDouble(s.get("min-probability", DEFAULT_MIN_PROBABILITY));
            if (rulesName.equals(MmClassifierRefiner.NAME) || rulesName.equals(MmClassifierRefiner.CHECK_ONLY)) {
                throw new IllegalArgumentException("the classifier refiners cannot run themselves as their rules");
            }
            EventRefiner rules = new StageRegistry().create(EventRefiner.class, rulesName, java.util.Map.of());
            try {
                MmClassifiers c = models.isEmpty() ? MmClassifiers.bundled() : MmClassifiers.load(Path.of(models));
                return new MmClassifierRefiner(rules, c, min, add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * {@code violence-check}, the default refiner: the rules ({@code from-events}), then each protest's or riot's
     * confidence scaled by the violence model's agreement with its type; nothing added. Settings as
     * {@code mm-classifiers}.
     */
    public static final class ViolenceCheckFactory implements StageFactory<EventRefiner> {
        public Class<EventRefiner> kind() {
            return EventRefiner.class;
        }

        public String name() {
            return MmClassifierRefiner.CHECK_ONLY;
        }

        public EventRefiner create(StageSettings s) {
            return RefinerFactory.create(s, false);
        }
    }

    /**
     * {@code rules+model}, the default event detector: the rule detector ({@code rules} setting, default
     * {@code rules}), and where it finds nothing, the learned event-type model ({@link ModelFallbackEventDetector}).
     * Settings: {@code model} (a file or directory written by {@code unrest train-types}; default
     * {@code $UNREST_EVENT_TYPE_MODEL} when set, else the model bundled with unrest), {@code min-in-scope} (default
     * 0.9).
     */
    public static final class ModelFallbackDetectorFactory implements StageFactory<EventDetector> {
        public static final String MODEL_ENV = "UNREST_EVENT_TYPE_MODEL";

        public Class<EventDetector> kind() {
            return EventDetector.class;
        }

        public String name() {
            return ModelFallbackEventDetector.NAME;
        }

        public EventDetector create(StageSettings s) {
            String rulesName = s.get("rules", "rules");
            if (rulesName.equals(ModelFallbackEventDetector.NAME)) {
                throw new IllegalArgumentException("the rules+model detector cannot run itself as its rules");
            }
            String env = System.getenv(MODEL_ENV);
            String model = s.get("model", env == null ? "" : env.strip());
            double min = Double.parseDouble(s.get("min-in-scope",
                    Double.toString(ModelFallbackEventDetector.DEFAULT_MIN_IN_SCOPE)));
            EventDetector rules = new StageRegistry().create(EventDetector.class, rulesName, java.util.Map.of());
            try {
                EventTypeModel m = model.isEmpty() ? EventTypeModel.bundled() : EventTypeModel.load(Path.of(model));
                return new ModelFallbackEventDetector(rules, m, min);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
