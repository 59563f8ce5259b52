package org.unrest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.service.IngestBenchmark;

@Command(name = "bench", description = {
        "Measures end-to-end ingest speed: composes English reports of about --words words from the sentences of",
        "the bundled examples (and ../shared/seed when present), then codes and stores them in a fresh embedded",
        "database after a warm-up. Run with UNREST_JAVA_OPTS=-Xmx1g to check the 1 GiB heap budget."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reports", defaultValue = "1000", description = "Reports to ingest. Default: ${DEFAULT-VALUE}.")
    int reports;

    @Option(names = "--words", defaultValue = "800", description = "Words per report. Default: ${DEFAULT-VALUE}.")
    int words;

    @Option(names = "--source", paramLabel = "FILE|DIR", description = "Texts to compose reports from (repeatable).")
    List<Path> sources;

    @Override
    public Integer call() throws Exception {
        List<Path> from = new ArrayList<>();
        if (sources != null) {
            from.addAll(sources);
        } else {
            from.add(DemoCommand.bundledExamples());
            Path seed = DemoCommand.bundledExamples().resolveSibling("../shared/seed/kazakhstan-january-2022.txt").normalize();
            if (Files.exists(seed)) {
                from.add(seed);
            }
        }
        Path tmp = Files.createTempDirectory("unrest-bench");
        try {
            IngestBenchmark.Result r = new IngestBenchmark(from).run(tmp, reports, words);
            spec.commandLine().getOut().println("bench ingest: " + r.format());
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }
}
