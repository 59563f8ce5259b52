package org.unrest.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.service.EventTypeEvaluation;
import org.unrest.service.Pipelines;
import org.unrest.pipeline.EventDetector;
import org.unrest.pipeline.Pipeline;
import org.unrest.pipeline.PipelineConfig;
import org.unrest.pipeline.StageRegistry;

@Command(name = "evaluate-types", description = {
        "Scores what happened against short reports with expected ACLED event types (JSON Lines: id, published,",
        "language, text, expected: [{event_type, sub_event_type}], an empty list for news that is no event):",
        "sub-event-type accuracy (a report is right when the set of sub-event types coded is the expected set),",
        "a table per sub-event type, and each report coded wrong. The project's sets are in",
        "nlp/src/test/resources/org/unrest/nlp/event-types*.jsonl."})
final class EvaluateTypesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cases", paramLabel = "FILE.jsonl", required = true,
            description = "A file of labelled reports; repeat for several.")
    List<Path> files;

    @Option(names = "--score-only", description = {"Print the accuracy only, not the table and the reports coded",
            "wrong (for a held-out set whose errors should stay unread)."})
    boolean scoreOnly;

    @Option(names = "--detector", paramLabel = "NAME", description = {"The event detector to score (default: the",
            "standard pipeline's, rules+model; 'rules' scores the rules alone)."})
    String detector;

    @Override
    public Integer call() throws Exception {
        EventTypeEvaluation evaluation = new EventTypeEvaluation(detector == null ? Pipelines.standard()
                : Pipeline.fromConfig(PipelineConfig.defaults().with(EventDetector.class, detector, Map.of()),
                        new StageRegistry()));
        var out = spec.commandLine().getOut();
        for (Path f : files) {
            out.print(evaluation.evaluate(EventTypeEvaluation.read(f)).summary(f.toString(), !scoreOnly));
            out.flush();
        }
        return 0;
    }
}
