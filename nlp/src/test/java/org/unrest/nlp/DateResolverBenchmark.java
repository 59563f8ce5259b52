package org.unrest.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unrest.model.Document;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;

/**
 * How many time expressions per second the narrative date resolver finds and resolves, over the test narratives
 * (English and Russian). Sentence splitting is done once beforehand and not timed. Not a test: run it by hand
 * (see nlp/README.md), with the number of seconds to measure as the optional argument (default 10).
 */
public final class DateResolverBenchmark {
    private DateResolverBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        List<Document> documents = new ArrayList<>();
        long chars = 0;
        for (String name : NarrativeDateResolverTest.NARRATIVES) {
            NarrativeDateResolverTest.Narrative n = NarrativeDateResolverTest.load(name);
            Report r = new Report(name, n.text(), new ReportMetadata(null, null, n.published(), n.language(), null, null), null);
            documents.add(new Document(r, new RuleSegmenter().segment(r)));
            chars += n.text().length();
        }
        NarrativeDateResolver resolver = new NarrativeDateResolver();
        run(resolver, documents, seconds / 3); // warm-up
        long[] result = run(resolver, documents, seconds);
        double elapsed = result[2] / 1e9;
        System.out.printf(Locale.ROOT, "%d documents (%d characters) resolved %d times in %.1f s%n",
                documents.size(), chars, result[0], elapsed);
        System.out.printf(Locale.ROOT, "%.0f time expressions/s, %.0f documents/s, %.0f thousand characters/s%n",
                result[1] / elapsed, result[0] * documents.size() / elapsed, result[0] * chars / elapsed / 1e3);
    }

    /** Rounds over all documents until {@code seconds} have passed: {rounds, expressions, nanoseconds}. */
    private static long[] run(NarrativeDateResolver resolver, List<Document> documents, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long rounds = 0;
        long expressions = 0;
        do {
            for (Document d : documents) {
                expressions += resolver.resolve(d).size();
            }
            rounds++;
        } while (System.nanoTime() < deadline);
        return new long[] {rounds, expressions, System.nanoTime() - start};
    }
}
