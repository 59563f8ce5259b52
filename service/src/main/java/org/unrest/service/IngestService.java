package org.unrest.service;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.unrest.io.ReadOptions;
import org.unrest.io.ReportReaders;
import org.unrest.io.ReportSink;
import org.unrest.model.Diagnostic;
import org.unrest.model.Event;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.pipeline.EventMerger;
import org.unrest.pipeline.Pipeline;
import org.unrest.store.EventQuery;
import org.unrest.store.EventStore;
import org.unrest.store.StoredReport;

/**
 * Reads report files, codes each new report with the pipeline and stores it with its events. A report whose text
 * is already stored is a duplicate and adds nothing. Problems in one input become diagnostics; the other inputs
 * still go in, and nothing stored before is touched. A report id already used by a different text gets the first
 * characters of its content hash appended. Reports are coded on every core and stored in the order they were read.
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
        try (Window window = new Window(c, true)) {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                listener.fileStarted(file, i, files.size());
                ReportReaders.read(file, options, new ReportSink() {
                    @Override
                    public void report(Report report) {
                        window.submit(report.withMetadata(report.metadata().overriddenBy(overrides)));
                    }

                    @Override
                    public void diagnostic(Diagnostic d) {
                        c.diagnostic(d);
                    }
                });
            }
        }
        return c.summary();
    }

    /** Ingests reports that are already read (uploads, benchmarks). */
    public IngestSummary ingestAll(List<Report> reports, IngestListener listener) {
        Counter c = new Counter(listener);
        try (Window window = new Window(c, true)) {
            reports.forEach(window::submit);
        }
        return c.summary();
    }

    /** Ingests one report that is already read. */
    public Outcome ingestOne(Report report) {
        Counter c = new Counter(IngestListener.NONE);
        Outcome[] outcome = new Outcome[1];
        try (Window window = new Window(c, false) {
            @Override
            void done(Outcome o) {
                outcome[0] = o;
                super.done(o);
            }
        }) {
            window.submit(report);
        }
        return outcome[0];
    }

    /**
     * Codes reports on all cores while storing them one at a time in the order they were read: a report is checked
     * for an already stored text (or the same text earlier in this run) before it is coded, given a free id, coded
     * in the pool, and stored when it reaches the head of the window.
     */
    private class Window implements AutoCloseable {
        private final Counter counter;
        private final ExecutorService pool;
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private final Set<String> hashesInFlight = new HashSet<>();
        private final Set<String> idsInFlight = new HashSet<>();
        private final int size;

        private record Pending(Report report, String hash, Future<List<Event>> events) {
        }

        /** {@code parallel}: code on a pool of one thread per core; else in the caller's thread (one report). */
        Window(Counter counter, boolean parallel) {
            this.counter = counter;
            int threads = parallel ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 0;
            this.size = threads * 4;
            this.pool = !parallel ? null : Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "unrest-ingest");
                t.setDaemon(true);
                return t;
            });
        }

        void submit(Report report) {
            String hash = report.contentHash();
            Optional<StoredReport> same = store.reportByHash(hash);
            if (same.isPresent()) {
                done(new Outcome(same.get().report().id(), "duplicate", 0, null));
                return;
            }
            if (!hashesInFlight.add(hash)) {
                done(new Outcome(report.id(), "duplicate", 0, null));
                return;
            }
            Report toStore = report;
            if (idsInFlight.contains(report.id()) || store.report(report.id()).isPresent()) {
                toStore = report.withId(report.id() + "-" + hash.substring(0, 8));
            }
            idsInFlight.add(toStore.id());
            Report coded = toStore;
            Callable<List<Event>> coding = () -> pipeline.process(coded).events();
            Future<List<Event>> events;
            if (pool != null) {
                events = pool.submit(coding);
            } else {
                FutureTask<List<Event>> here = new FutureTask<>(coding);
                here.run();
                events = here;
            }
            pending.add(new Pending(coded, hash, events));
            while (pending.size() > size) {
                storeHead();
            }
        }

        private void storeHead() {
            Pending p = pending.poll();
            hashesInFlight.remove(p.hash);
            idsInFlight.remove(p.report.id());
            List<Event> events;
            try {
                events = p.events.get();
            } catch (ExecutionException e) {
                Report r = p.report;
                done(new Outcome(r.id(), "failed", 0, Diagnostic.error(r.origin() == null ? r.id() : r.origin(),
                        "coding failed: " + e.getCause())));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while coding " + p.report.id(), e);
            }
            EventMerger.AcrossReports merged = pipeline.merger().mergeAcross(storedOnDaysOf(events), events);
            EventStore.AddOutcome added = store.addReport(p.report, merged.added(), merged.updated());
            if (added == EventStore.AddOutcome.DUPLICATE) {
                done(new Outcome(store.reportByHash(p.hash).map(s -> s.report().id()).orElse(p.report.id()),
                        "duplicate", 0, null));
            } else {
                done(new Outcome(p.report.id(), "new", merged.added().size(), null, merged.updated().size()));
            }
        }

        void done(Outcome o) {
            counter.handle(o);
        }

        /**
         * Stored events another report may share with these: told to the day, on the same day, of the same event
         * type, in the same country, and for regions in the same region (one indexed query for each).
         */
        private List<Event> storedOnDaysOf(List<Event> events) {
            List<Event> out = new ArrayList<>();
            events.stream().filter(e -> e.timePrecision() == 1 && e.eventDate() != null)
                    .map(e -> new EventQuery(e.eventDate(), e.eventDate(), e.eventType(),
                            e.location() == null ? null : e.location().country(),
                            e.location() == null || e.location().geoPrecision() == 1 ? null : e.location().admin1(),
                            null, 0, 0))
                    .distinct()
                    .forEach(q -> out.addAll(store.events(q)));
            return out;
        }

        @Override
        public void close() {
            try {
                while (!pending.isEmpty()) {
                    storeHead();
                }
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }
    }

    /**
     * What happened to one report: "new", "duplicate" or "failed"; how many events it added, and how many stored
     * events of other reports it was merged into.
     */
    public record Outcome(String reportId, String outcome, int events, Diagnostic problem, int mergedInto) {
        Outcome(String reportId, String outcome, int events, Diagnostic problem) {
            this(reportId, outcome, events, problem, 0);
        }
    }

    /** Counts outcomes; an input that failed is a file, corpus line or feed item with an error. */
    private static final class Counter {
        final IngestListener listener;
        final List<Diagnostic> diagnostics = new ArrayList<>();
        int added;
        int duplicates;
        int events;
        int merged;

        Counter(IngestListener listener) {
            this.listener = listener;
        }

        void handle(Outcome o) {
            switch (o.outcome()) {
                case "new" -> {
                    added++;
                    events += o.events();
                    merged += o.mergedInto();
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

        IngestSummary summary() {
            return new IngestSummary(added, duplicates, failedInputs(), events, merged, diagnostics);
        }

        int failedInputs() {
            return (int) diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                    .map(Diagnostic::origin).distinct().count();
        }
    }
}
