package org.unrest.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.model.ReportMetadata;
import org.unrest.service.IngestService;
import org.unrest.service.IngestSummary;
import org.unrest.store.JdbcEventStore;

@Command(name = "ingest", description = {
        "Reads reports (.txt, .html, .jsonl corpora, RSS/Atom feeds), codes their events and stores both.",
        "A report already stored (same text) is not stored again. A file's metadata may be given in a sidecar",
        "NAME.meta.json (published, url, publisher, language, title); options here override both."})
final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Option(names = "--published", paramLabel = "YYYY-MM-DD", description = "Publication date of the reports.")
    LocalDate published;

    @Option(names = "--url", description = "URL of the report.")
    String url;

    @Option(names = "--publisher", description = "Publisher of the reports.")
    String publisher;

    @Option(names = "--language", paramLabel = "LANG", description = "Language of the reports (en, ru, ...).")
    String language;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to ingest.")
    List<Path> files;

    @Override
    public Integer call() {
        ReportMetadata overrides = new ReportMetadata(url, publisher, published, language, null, null);
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        Progress progress = new Progress(err, System.console() != null);
        IngestSummary s;
        try (JdbcEventStore store = db.open()) {
            s = new IngestService(store).ingest(files, overrides, progress);
            progress.finish();
            out.println("ingested into " + store.location() + ": " + s.line());
        }
        return s.hasErrors() ? Unrest.INPUT_FAILED : 0;
    }
}
