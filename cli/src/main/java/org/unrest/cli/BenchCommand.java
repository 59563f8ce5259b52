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
import org.unrest.service.PlaceBenchService;
import org.unrest.service.PlaceEvaluationService;

@Command(name = "bench", description = "Benchmarks a stage.", subcommands = {BenchCommand.Places.class})
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
}
