package org.unrest.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.service.PlaceEvaluationService;

@Command(name = "evaluate-places", description = {
        "Scores the place resolver on toponym corpora with gold coordinates (LGL and GeoWebNews XML formats):",
        "end-to-end accuracy (gold toponyms found at an overlapping span and resolved within 161 km),",
        "accuracy of the spans found, the exact GeoNames id rate, and the share of mentions on annotated spans."})
final class EvaluatePlacesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "FILE.xml", required = true,
            description = "A corpus (e.g. ../shared/data/geo/lgl.xml, GWN.xml); repeat for several.")
    List<Path> corpora;

    @Option(names = "--errors", paramLabel = "FILE.jsonl",
            description = "Write each gold toponym missed or resolved too far away, with its context, here.")
    Path errors;

    @Option(names = "--demonyms", description = {"Report demonyms (\"Russian\") as mentions of their country, as the",
            "corpora annotate them (the resolver's demonyms=true setting; off in the product)."})
    boolean demonyms;

    @Option(names = "--no-publisher-homes", description = {"Resolve each article on its own, without first learning",
            "each publisher's home region from its other articles (on by default where articles name a publisher)."})
    boolean noPublisherHomes;

    @Override
    public Integer call() throws Exception {
        PlaceEvaluationService service = PlaceEvaluationService.withSettings(
            demonyms ? java.util.Map.of("demonyms", "true") : java.util.Map.of(), !noPublisherHomes);
        var out = spec.commandLine().getOut();
        Writer w = errors == null ? null : Files.newBufferedWriter(errors, StandardCharsets.UTF_8);
        try {
            for (Path c : corpora) {
                out.println(service.evaluate(c, w).summary());
                out.flush();
            }
        } finally {
            if (w != null) {
                w.close();
            }
        }
        return 0;
    }
}
