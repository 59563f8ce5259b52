package org.unrest.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.unrest.io.ReportReaders;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.model.Sentence;
import org.unrest.store.JdbcEventStore;

/**
 * Measures end-to-end ingest: reports of about {@code words} English words are composed from the sentences of
 * the given source texts (shuffled, so every report's text differs; each published 45 days before the last, so
 * their yearless dates differ and they tell different happenings), then coded and stored into a fresh embedded
 * database, after a warm-up run. Reports reports per second, words per second and the heap used.
 */
public final class IngestBenchmark {
    public record Result(int reports, int words, long events, double seconds, long maxHeapMiB, long usedHeapMiB) {
        public double reportsPerSecond() {
            return reports / seconds;
        }

        public String format() {
            return String.format(Locale.ROOT,
                    "%d reports of ~%d words: %.1f reports/s, %.0f words/s, %d events; heap used %d MiB of max %d MiB (%d threads available)",
                    reports, words / Math.max(1, reports), reportsPerSecond(), words / seconds, events, usedHeapMiB,
                    maxHeapMiB, Runtime.getRuntime().availableProcessors());
        }
    }

    private final List<String> sentences = new ArrayList<>();

    /** Sentence pool from every readable report in the given files and folders. */
    public IngestBenchmark(List<Path> sources) throws IOException {
        for (Path p : sources) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
            for (Path f : files) {
                for (Report r : ReportReaders.read(f).reports()) {
                    for (Sentence s : Pipelines.standard().segmenter().segment(r)) {
                        String text = s.span().of(r.text());
                        if (text.split("\\s+").length >= 5) {
                            sentences.add(text);
                        }
                    }
                }
            }
        }
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("no sentences to compose benchmark reports from in " + sources);
        }
    }

    public List<Report> compose(int count, int words, long seed) {
        Random random = new Random(seed);
        List<Report> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 0;
            int paragraph = 0;
            while (n < words) {
                String s = sentences.get(random.nextInt(sentences.size()));
                sb.append(s);
                n += s.split("\\s+").length;
                sb.append(++paragraph % 5 == 0 ? "\n" : " ");
            }
            sb.append("\nBenchmark report ").append(seed).append('-').append(i).append('.');
            // each report published 45 days before the last, so that dates without a year fall on other days and
            // the reports tell different happenings, as the reports of a real corpus mostly do
            out.add(new Report("bench-" + seed + "-" + i, sb.toString(), new ReportMetadata(null, "bench",
                    LocalDate.of(2022, 1, 20).minusDays(45L * i), "en", null, null), "bench"));
        }
        return out;
    }

    public Result run(Path dbDir, int count, int words) {
        try (JdbcEventStore warm = JdbcEventStore.open(dbDir.resolve("warmup").toString())) {
            IngestService s = new IngestService(warm);
            compose(Math.min(50, count), words, 1).forEach(s::ingestOne);
        }
        List<Report> reports = compose(count, words, 2);
        int totalWords = reports.stream().mapToInt(r -> r.text().split("\\s+").length).sum();
        try (JdbcEventStore store = JdbcEventStore.open(dbDir.resolve("bench").toString())) {
            IngestService s = new IngestService(store);
            System.gc();
            long t0 = System.nanoTime();
            IngestSummary summary = s.ingestAll(reports, IngestListener.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Runtime rt = Runtime.getRuntime();
            return new Result(summary.newReports(), totalWords, summary.events(), seconds, rt.maxMemory() >> 20,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }
}
