package org.unrest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.service.IngestBenchmark;
import org.unrest.service.PlaceBenchService;
import org.unrest.service.PlaceEvaluationService;

@Command(name = "bench", description = "Measures speed: end-to-end ingest, or the places stage.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Places.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "places", description = {
            "Measures the gazetteer index's load time and the MB of text per second per thread that `places`",
            "handles after start-up (after a warm-up). Texts: the files given (plain text, or LGL/GeoWebNews",
            "corpus XML, whose articles are used), else the bundled examples/."})
    static final class Places implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Texts or corpus XML files.")
        List<Path> files = new ArrayList<>();

        @Option(names = "--threads", defaultValue = "1", description = "Threads. Default: ${DEFAULT-VALUE}.")
        int threads;

        @Option(names = "--seconds", defaultValue = "10", description = "Measured run. Default: ${DEFAULT-VALUE}.")
        double seconds;

        @Option(names = "--warmup", defaultValue = "5", description = "Warm-up run. Default: ${DEFAULT-VALUE}.")
        double warmup;

        @Option(names = "--index", paramLabel = "FILE", description = "Gazetteer index. Default: the standard one.")
        Path index;

        @Override
        public Integer call() throws Exception {
            List<String> texts = new ArrayList<>();
            List<Path> inputs = new ArrayList<>(files);
            if (inputs.isEmpty()) {
                try (Stream<Path> s = Files.list(DemoCommand.bundledExamples())) {
                    s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(inputs::add);
                }
            }
            for (Path p : inputs) {
                if (p.toString().endsWith(".xml")) {
                    PlaceEvaluationService.read(p).forEach(a -> texts.add(a.text()));
                } else {
                    texts.add(TextInput.read(p.toString()));
                }
            }
            var r = new PlaceBenchService().run(index, texts, threads, warmup, seconds);
            spec.commandLine().getOut().println(r.summary());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "ingest", description = {
            "Measures end-to-end ingest speed: composes English reports of about --words words from the sentences",
            "of the bundled examples (and ../shared/seed when present), then codes and stores them in a fresh",
            "embedded database after a warm-up. Run with UNREST_JAVA_OPTS=-Xmx1g to check the 1 GiB heap budget."})
    static final class Ingest implements Callable<Integer> {
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
                Path examples = DemoCommand.bundledExamples();
                from.add(examples);
                Path seed = examples.resolveSibling("../shared/seed/kazakhstan-january-2022.txt").normalize();
                if (Files.exists(seed)) {
                    from.add(seed);
                }
            }
            Path tmp = Files.createTempDirectory("unrest-bench");
            try {
                IngestBenchmark.Result r = new IngestBenchmark(from).run(tmp, reports, words);
                spec.commandLine().getOut().println("bench ingest: " + r.format());
            } finally {
                try (Stream<Path> walk = Files.walk(tmp)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return 0;
        }
    }
}
