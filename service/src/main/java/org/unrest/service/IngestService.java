package org.unrest.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unrest.io.ReadOptions;
import org.unrest.io.ReportReaders;
import org.unrest.io.ReportSink;
import org.unrest.model.Diagnostic;
import org.unrest.model.Event;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.pipeline.Pipeline;
import org.unrest.store.EventStore;
import org.unrest.store.StoredReport;

/**
 * Reads report files, codes each new report with the pipeline and stores it with its events. A report whose text
 * is already stored is a duplicate and adds nothing. Problems in one input become diagnostics; the other inputs
 * still go in, and nothing stored before is touched. A report id already used by a different text gets the first
 * characters of its content hash appended.
 */
public final class IngestService {
    private final EventStore store;
    private final Pipeline pipeline;
    private final ReadOptions options;

    public IngestService(EventStore store, Pipeline pipeline, ReadOptions options) {
        this.store = store;
        this.pipeline = pipeline;
        this.options = options;
    }

    public IngestService(EventStore store) {
        this(store, Pipelines.standard(), ReadOptions.defaults());
    }

    /** Ingests every file; {@code overrides} (any field may be null) win over what the files say. */
    public IngestSummary ingest(List<Path> files, ReportMetadata overrides, IngestListener listener) {
        Counter c = new Counter(listener);
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            listener.fileStarted(file, i, files.size());
            ReportReaders.read(file, options, new ReportSink() {
                @Override
                public void report(Report report) {
                    c.handle(ingestOne(report.withMetadata(report.metadata().overriddenBy(overrides))));
                }

                @Override
                public void diagnostic(Diagnostic d) {
                    c.diagnostic(d);
                }
            });
        }
        return new IngestSummary(c.added, c.duplicates, c.failedInputs(), c.events, c.diagnostics);
    }

    /** Ingests one report that is already read (the web upload and tests use this). */
    public Outcome ingestOne(Report report) {
        String hash = report.contentHash();
        Optional<StoredReport> same = store.reportByHash(hash);
        if (same.isPresent()) {
            return Outcome.duplicate(report, same.get().report().id());
        }
        Report toStore = report;
        Optional<StoredReport> sameId = store.report(report.id());
        if (sameId.isPresent()) {
            toStore = report.withId(report.id() + "-" + hash.substring(0, 8));
        }
        List<Event> events;
        try {
            events = pipeline.process(toStore).events();
        } catch (RuntimeException e) {
            return Outcome.failed(report, Diagnostic.error(report.origin() == null ? report.id() : report.origin(),
                    "coding failed: " + e));
        }
        EventStore.AddOutcome added = store.addReport(toStore, events);
        if (added == EventStore.AddOutcome.DUPLICATE) {
            return Outcome.duplicate(report, store.reportByHash(hash).map(s -> s.report().id()).orElse(report.id()));
        }
        return new Outcome(toStore.id(), "new", events.size(), null);
    }

    /** What happened to one report. */
    public record Outcome(String reportId, String outcome, int events, Diagnostic problem) {
        static Outcome duplicate(Report r, String storedAs) {
            return new Outcome(storedAs, "duplicate", 0, null);
        }

        static Outcome failed(Report r, Diagnostic problem) {
            return new Outcome(r.id(), "failed", 0, problem);
        }
    }

    /** Counts outcomes; an input that failed is a file, corpus line or feed item with an error. */
    private static final class Counter {
        final IngestListener listener;
        final List<Diagnostic> diagnostics = new ArrayList<>();
        int added;
        int duplicates;
        int events;

        Counter(IngestListener listener) {
            this.listener = listener;
        }

        void handle(Outcome o) {
            switch (o.outcome()) {
                case "new" -> {
                    added++;
                    events += o.events();
                }
                case "duplicate" -> duplicates++;
                default -> diagnostic(o.problem());
            }
            listener.reportDone(o.reportId(), o.outcome(), o.events());
        }

        void diagnostic(Diagnostic d) {
            diagnostics.add(d);
            listener.diagnostic(d);
        }

        int failedInputs() {
            return (int) diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                    .map(Diagnostic::origin).distinct().count();
        }
    }
}
