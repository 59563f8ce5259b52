package org.unrest.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.service.EvaluationService;
import org.unrest.store.JdbcEventStore;

@Command(name = "evaluate", description = {
        "Scores the stored events against a gold file with the matching rules of the event data contract:",
        "recall, precision, F1, exact day, demand and figure recall, and each missed gold event with the",
        "condition it failed (date, place, type)."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Option(names = "--gold", required = true, paramLabel = "GOLD.jsonl", description = "Gold events (JSON Lines).")
    Path gold;

    @Override
    public Integer call() {
        try (JdbcEventStore store = db.open()) {
            spec.commandLine().getOut().print(EvaluationService.format(new EvaluationService(store).evaluate(gold)));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
