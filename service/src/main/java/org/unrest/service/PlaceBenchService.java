package org.unrest.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.unrest.geo.Gazetteer;
import org.unrest.geo.GazetteerFile;
import org.unrest.geo.GazetteerPlaceResolver;
import org.unrest.model.PlaceContext;

/**
 * Measures the place resolver: how long the gazetteer index takes to load, and how many megabytes (UTF-8) of text
 * {@code places} handles per second per thread after start-up (after a warm-up, so the JIT has compiled it).
 */
public final class PlaceBenchService {
    /** The measurements. */
    public record Result(String gazetteer, int entries, long loadMillis, int threads, long bytes, double seconds,
                         long mentions) {
        public double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }

        public double mbPerSecondPerThread() {
            return mbPerSecond() / threads;
        }

        public String summary() {
            return String.format(java.util.Locale.ROOT,
                "gazetteer: %s, %,d entries, loaded in %d ms%n"
                    + "places: %d thread(s), %.1f MB in %.2f s, %,d mentions: %.2f MB/s, %.2f MB/s per thread",
                gazetteer, entries, loadMillis, threads, bytes / 1e6, seconds, mentions, mbPerSecond(),
                mbPerSecondPerThread());
        }
    }

    /**
     * Loads the gazetteer from {@code index} (null: the standard one, the index UNREST_GAZETTEER names or the
     * bundled cities15000), then runs {@code places} over {@code texts} again and again on {@code threads}
     * threads for {@code warmupSeconds} and then for {@code seconds}, counting only the second run.
     */
    public Result run(java.nio.file.Path index, List<String> texts, int threads, double warmupSeconds,
                      double seconds) throws Exception {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to run over");
        }
        long t0 = System.nanoTime();
        Gazetteer g = index != null ? GazetteerFile.read(index) : Gazetteer.standard();
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        GazetteerPlaceResolver r = new GazetteerPlaceResolver(g);
        long[] sizes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).toArray();
        pass(r, texts, sizes, threads, warmupSeconds);
        long t1 = System.nanoTime();
        long[] done = pass(r, texts, sizes, threads, seconds);
        double secs = (System.nanoTime() - t1) / 1e9;
        return new Result(g.source(), g.size(), loadMillis, threads, done[0], secs, done[1]);
    }

    private static long[] pass(GazetteerPlaceResolver r, List<String> texts, long[] sizes, int threads,
                               double seconds) throws Exception {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> fs = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                fs.add(pool.submit(() -> {
                    long bytes = 0;
                    long mentions = 0;
                    int i = offset % texts.size();
                    PlaceContext ctx = new PlaceContext(null, null, null);
                    while (System.nanoTime() < until) {
                        mentions += r.resolve(texts.get(i), ctx).size();
                        bytes += sizes[i];
                        i = (i + 1) % texts.size();
                    }
                    return new long[] {bytes, mentions};
                }));
            }
            long[] sum = new long[2];
            for (Future<long[]> f : fs) {
                long[] v = f.get();
                sum[0] += v[0];
                sum[1] += v[1];
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }
}
