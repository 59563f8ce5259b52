package org.unrest.learn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unrest.io.ReportReaders;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.pipeline.EventRefiner;
import org.unrest.pipeline.Pipeline;
import org.unrest.pipeline.PipelineConfig;
import org.unrest.pipeline.StageRegistry;

/**
 * Speed of the classifiers, run by hand (not a test):
 * {@code java -cp learn/target/test-classes:learn/target/classes:$(cat cp.txt) org.unrest.learn.MmClassifierBenchmark [SHARED]}.
 * Prints (1) sentences per second through all 15 classifiers (featuresOf + predict of the three tasks), on the
 * sentences of the seed article repeated, single thread; (2) reports per second of the whole pipeline on the seed
 * article with the rule refiner and with {@code mm-classifiers}, single thread, after warm-up.
 */
public final class MmClassifierBenchmark {
    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        Path seed = shared.resolve("seed/kazakhstan-january-2022.txt");
        String text = Files.readString(seed);
        List<String> sentences = new ArrayList<>();
        for (String s : text.split("(?<=[.!?])\\s+")) {
            if (!s.isBlank()) {
                sentences.add(s);
            }
        }
        MmClassifiers c = MmClassifiers.bundled();
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            sink += classify(c, sentences, 20_000);
        }
        int n = 100_000;
        long t0 = System.nanoTime();
        sink += classify(c, sentences, n);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "classifiers: %,.0f sentences/s (%d sentences, avg %.0f chars)  [%d]%n",
                n / secs, n, sentences.stream().mapToInt(String::length).average().orElse(0), sink % 10);

        Report r = ReportReaders.read(seed).reports().get(0);
        r = r.withMetadata(r.metadata().overriddenBy(new ReportMetadata(null, null, LocalDate.of(2022, 1, 20), "en", null, null)));
        int words = text.split("\\s+").length;
        for (String refiner : List.of("from-events", MmClassifierRefiner.NAME, "from-events", MmClassifierRefiner.NAME)) {
            Pipeline p = Pipeline.fromConfig(PipelineConfig.defaults().with(EventRefiner.class, refiner, Map.of()),
                    new StageRegistry());
            for (int i = 0; i < 20; i++) {
                p.process(r);
            }
            int reps = 100;
            long s0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                sink += p.process(r).events().size();
            }
            double s = (System.nanoTime() - s0) / 1e9;
            System.out.printf(Locale.ROOT, "pipeline with %-15s %6.1f seed reports/s (%d words each), %.2f ms/report%n",
                    refiner + ":", reps / s, words, 1000 * s / reps);
        }
    }

    private static long classify(MmClassifiers c, List<String> sentences, int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            int[] f = c.featuresOf(sentences.get(i % sentences.size()));
            for (Task t : Task.values()) {
                sink += c.predict(t, f).size();
            }
        }
        return sink;
    }
}
