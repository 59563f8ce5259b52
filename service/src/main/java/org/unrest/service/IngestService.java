package org.unrest.service;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
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
import org.unrest.model.PlaceContext;
import org.unrest.model.PlaceContext.HomeRegion;
import org.unrest.model.PlaceMention;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.pipeline.EventMerger;
import org.unrest.pipeline.Pipeline;
import org.unrest.pipeline.PipelineResult;
import org.unrest.store.EventQuery;
import org.unrest.store.EventStore;
import org.unrest.store.PublisherTally;
import org.unrest.store.StoredReport;

/**
 * Reads report files, codes each new report with the pipeline and stores it with its events. A report whose text
 * is already stored is a duplicate and adds nothing. Problems in one input become diagnostics; the other inputs
 * still go in, and nothing stored before is touched. A report id already used by a different text gets the first
 * characters of its content hash appended. Reports are coded on every core and stored in the order they were read.
 *
 * <p>Publisher homes: a report with a publisher is coded with its publisher's home region
 * ({@link PublisherHomes#homeOf(EventStore, String)}, from the counts in the store), and when it is stored its places
 * are added to those counts in the same transaction ({@link PublisherHomes#tally}), so a duplicate counts nothing.
 * The places counted are the report's places read without the home, so a home cannot feed itself. A report is
 * stored with the home its publisher has when it is stored: one coded in parallel while earlier reports of the
 * same publisher were still waiting to be stored is coded again if their counts changed its home, so the result is
 * that of ingesting the reports one by one.
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
     * What coding one report gave: its events, and what it adds to its publisher's counts (null without a
     * publisher).
     */
    private record Coded(List<Event> events, PublisherTally tally) {
    }

    /** Codes a report with its publisher's home (null: none). Thread-safe. */
    private Coded code(Report report, HomeRegion home) {
        PipelineResult result = pipeline.process(report, home);
        String publisher = report.metadata().publisher();
        if (PublisherHomes.key(publisher) == null) {
            return new Coded(result.events(), null);
        }
        List<PlaceMention> places = home == null ? result.annotations().places()
                : pipeline.placeResolver().resolve(report.text(), PlaceContext.of(report.metadata()));
        return new Coded(result.events(), PublisherHomes.tally(publisher, places));
    }

    /** The publisher's home as stored now; null without a publisher or a home. */
    private HomeRegion homeOf(Report report) {
        return PublisherHomes.homeOf(store, report.metadata().publisher());
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

        private record Pending(Report report, String hash, HomeRegion home, Future<Coded> coded) {
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
            HomeRegion home = homeOf(coded);
            Callable<Coded> coding = () -> code(coded, home);
            Future<Coded> result;
            if (pool != null) {
                result = pool.submit(coding);
            } else {
                FutureTask<Coded> here = new FutureTask<>(coding);
                here.run();
                result = here;
            }
            pending.add(new Pending(coded, hash, home, result));
            while (pending.size() > size) {
                storeHead();
            }
        }

        private void storeHead() {
            Pending p = pending.poll();
            hashesInFlight.remove(p.hash);
            idsInFlight.remove(p.report.id());
            Coded coded;
            try {
                coded = p.coded.get();
                // reports of the same publisher stored since this one was coded may have changed its home
                HomeRegion home = coded.tally() == null ? null : homeOf(p.report);
                if (coded.tally() != null && !Objects.equals(p.home, home)) {
                    FutureTask<Coded> again = new FutureTask<>(() -> code(p.report, home));
                    again.run();
                    coded = again.get();
                }
            } catch (ExecutionException e) {
                Report r = p.report;
                done(new Outcome(r.id(), "failed", 0, Diagnostic.error(r.origin() == null ? r.id() : r.origin(),
                        "coding failed: " + e.getCause())));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while coding " + p.report.id(), e);
            }
            List<Event> events = coded.events();
            EventMerger.AcrossReports merged = pipeline.merger().mergeAcross(storedOnDaysOf(events), events);
            EventStore.AddOutcome added = store.addReport(p.report, merged.added(), merged.updated(), coded.tally());
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
