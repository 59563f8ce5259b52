package org.unrest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.service.IngestService;
import org.unrest.service.IngestSummary;
import org.unrest.store.JdbcEventStore;

@Command(name = "demo", description = {
        "Ingests the bundled example reports (examples/) into the database and serves them in the browser."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Option(names = "--port", defaultValue = "7070", description = "Port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--no-serve", description = "Only ingest; do not start the server.")
    boolean noServe;

    @Option(names = "--examples", paramLabel = "DIR", description = "Folder of example reports. Default: the bundled examples/.")
    Path examples;

    @Override
    public Integer call() throws Exception {
        Path dir = examples != null ? examples : bundledExamples();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> !p.getFileName().toString().equals("README.md")
                            && !p.getFileName().toString().endsWith(".meta.json"))
                    .sorted().toList();
        }
        JdbcEventStore store = db.open();
        IngestSummary summary = new IngestService(store).ingest(files, null, new Progress(spec.commandLine().getErr(), false));
        spec.commandLine().getOut().println("demo: ingested " + dir + " into " + store.location() + ": " + summary.line());
        spec.commandLine().getOut().flush();
        if (noServe) {
            store.close();
            return summary.hasErrors() ? Unrest.INPUT_FAILED : 0;
        }
        ServeCommand.serve(spec, store, host, port);
        return 0;
    }

    /** examples/ under $UNREST_HOME (set by the ./unrest launcher), else under the working directory. */
    static Path bundledExamples() throws IOException {
        String home = System.getenv("UNREST_HOME");
        Path dir = (home != null ? Path.of(home) : Path.of("")).resolve("examples");
        if (!Files.isDirectory(dir)) {
            throw new IOException("no examples folder at " + dir.toAbsolutePath() + " (run from the unrest checkout, or pass --examples DIR)");
        }
        return dir;
    }
}
