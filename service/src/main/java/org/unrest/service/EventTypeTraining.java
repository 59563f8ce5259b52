package org.unrest.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.unrest.learn.EventTypeModel;
import org.unrest.learn.EventTypeTrainer;

/**
 * Trains the event-type model of the default detector ({@code unrest train-types}) from files of labelled reports in
 * the format of {@link EventTypeEvaluation#read}, and writes it where the detector can load it
 * ({@code UNREST_EVENT_TYPE_MODEL}, or the class-path folder of the bundled model).
 */
public final class EventTypeTraining {
    private EventTypeTraining() {
    }

    /** Reads every file (an error names the file and line), trains, saves into {@code out}; returns the file written. */
    public static Path train(List<Path> cases, Path out, EventTypeTrainer.Parameters parameters, Consumer<String> log)
            throws IOException {
        List<EventTypeTrainer.LabelledText> reports = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Path f : cases) {
            List<EventTypeEvaluation.Case> read = EventTypeEvaluation.read(f);
            for (EventTypeEvaluation.Case c : read) {
                reports.add(new EventTypeTrainer.LabelledText(c.id(), c.text(), c.expected()));
            }
            sources.add(f.getFileName() + " (" + read.size() + ")");
            log.accept(f + ": " + read.size() + " labelled reports");
        }
        Map<String, String> about = new LinkedHashMap<>();
        about.put("data", String.join(", ", sources));
        EventTypeModel model = new EventTypeTrainer(parameters).train(reports, about);
        Path file = model.save(out);
        log.accept("trained on " + reports.size() + " reports, " + model.subEventTypes().size() + " sub-event types, "
                + model.featureCount() + " features; model " + model.fingerprint() + " written to " + file);
        return file;
    }
}
