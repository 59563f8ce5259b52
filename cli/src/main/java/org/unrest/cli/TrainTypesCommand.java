package org.unrest.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.learn.EventTypeTrainer;
import org.unrest.service.EventTypeTraining;

@Command(name = "train-types", description = {
        "Trains the event-type model that the default detector (rules+model) uses for reports in which the rules",
        "find no event, from labelled reports in the format of evaluate-types. The bundled model is re-derived with",
        "  ./unrest train-types --out learn/src/main/resources/org/unrest/learn/event-types --cases \\",
        "    nlp/src/test/resources/org/unrest/nlp/event-types{,-probes,-holdout,-holdout-[2-8]}.jsonl",
        "Use another model with UNREST_EVENT_TYPE_MODEL=DIR."})
final class TrainTypesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cases", paramLabel = "FILE.jsonl", required = true, arity = "1..*",
            description = "Files of labelled reports (id, published, text, expected: [{event_type, sub_event_type}]).")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the model.")
    Path out;

    @Option(names = "--cost", paramLabel = "C", defaultValue = "16",
            description = "LIBLINEAR's regularisation cost (default ${DEFAULT-VALUE}).")
    double cost;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        EventTypeTraining.train(files, out, new EventTypeTrainer.Parameters(cost,
                EventTypeTrainer.Parameters.defaults().minDocuments()), line -> {
                    err.println(line);
                    err.flush();
                });
        return 0;
    }
}
