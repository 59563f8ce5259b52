package org.unrest.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.unrest.learn.MmScores;
import org.unrest.learn.Training;
import org.unrest.service.TrainingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "train", description = {
        "Retrains the Mass Mobilization classifiers of demands, state responses and protester violence",
        "(logistic regression over words and word pairs, with Tribuo) and prints their scores on the fixed",
        "held-out fifth of the MM data. Reviewed events (--reviewed) are added to the training texts.",
        "The pipeline's mm-classifiers refiner uses the models in $UNREST_MODELS when it is set,",
        "else the ones bundled with unrest (retrained with: unrest train --out learn/src/main/resources/org/unrest/learn/models)."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "MM.csv", defaultValue = "../shared/data/mm/mm-train.csv",
            description = "The Mass Mobilization CSV (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--reviewed", paramLabel = "EVENTS.jsonl",
            description = {"Events people reviewed: JSON Lines in the event data contract, each with a \"text\" field",
                    "(the sentences the coding rests on; \"notes\" when absent). May be repeated."})
    List<Path> reviewed;

    @Option(names = "--from-reviews", description = {"Also train on the protests and riots people accepted or corrected",
            "in the database (--db), with their supporting sentences as text."})
    boolean fromReviews;

    @picocli.CommandLine.Mixin
    DbOption db;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the models (default: $UNREST_MODELS, else ./unrest-models).")
    Path out;

    @Option(names = "--costs", split = ",", paramLabel = "C",
            description = "LibLinear costs to try on the validation part (default: 2,4,8).")
    List<Double> costs;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        Path dir = out;
        if (dir == null) {
            String env = System.getenv("UNREST_MODELS");
            dir = Path.of(env != null && !env.isBlank() ? env : "unrest-models");
        }
        Training.Result r = new TrainingService().train(
                new TrainingService.Request(data, reviewed, dir, costs, fromReviews ? db.location() : null), line -> {
                    o.println(line);
                    o.flush();
                });
        o.printf("trained on %d texts (%d reviewed), tuned on %d, scored on %d held out%n",
                r.train(), r.reviewed(), r.validation(), r.heldOutTexts());
        o.print(MmScores.markdown(r.heldOut()));
        o.print(MmScores.summary(r.heldOut()));
        o.println("models in " + dir.toAbsolutePath().normalize() + "; use them with UNREST_MODELS=" + dir);
        o.flush();
        return 0;
    }
}
