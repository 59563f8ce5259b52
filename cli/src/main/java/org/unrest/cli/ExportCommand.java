package org.unrest.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.service.ExportService;
import org.unrest.store.EventQuery;
import org.unrest.store.JdbcEventStore;

@Command(name = "export", description = {
        "Writes the stored events: jsonl (the event data contract), acled-csv (ACLED's columns) or geojson."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Option(names = "--format", required = true, paramLabel = "jsonl|acled-csv|geojson", description = "Output format.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only events on or after this day.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only events on or before this day.")
    LocalDate to;

    @Option(names = "--report", paramLabel = "ID", description = "Only events from this report.")
    String report;

    @Override
    public Integer call() throws Exception {
        EventQuery q = new EventQuery(from, to, null, null, null, report, 0, 0);
        try (JdbcEventStore store = db.open()) {
            int n;
            if (out == null) {
                OutputStream stdout = new BufferedOutputStream(System.out);
                n = new ExportService(store).export(format, q, stdout);
                stdout.flush();
            } else {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
                    n = new ExportService(store).export(format, q, os);
                }
                spec.commandLine().getErr().println("wrote " + n + " events to " + out);
            }
        }
        return 0;
    }
}
