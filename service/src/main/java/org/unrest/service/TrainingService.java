package org.unrest.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.unrest.learn.MmCsvSource;
import org.unrest.learn.MmTrainer;
import org.unrest.learn.ReviewedEventsSource;
import org.unrest.store.EventStore;
import org.unrest.store.JdbcEventStore;
import org.unrest.learn.MmRecord;
import org.unrest.learn.Training;
import org.unrest.learn.TrainingSource;

/**
 * Retrains the demand, state-response and violence classifiers ({@code unrest train}): from the Mass Mobilization
 * CSV, plus events people reviewed (JSON Lines in the contract with a {@code text} field; see
 * {@link ReviewedEventsSource}), scores them on the fixed held-out part of the MM data and writes the model files.
 * The pipeline's {@code mm-classifiers} refiner uses models in {@code $UNREST_MODELS} when set, else the bundled ones.
 * With {@code reviewsDb}, the events people accepted or corrected in that store are added too
 * ({@link StoredReviewsSource}).
 */
public final class TrainingService {
    /**
     * @param mmCsv    the Mass Mobilization CSV ({@code ../shared/data/mm/mm-train.csv})
     * @param reviewed JSON Lines files of reviewed events, merged into the training part
     * @param out      where to write the models; null writes nothing
     * @param costs    LibLinear costs to try (empty: the defaults)
     */
    public record Request(Path mmCsv, List<Path> reviewed, Path out, List<Double> costs, String reviewsDb) {
        public Request(Path mmCsv, List<Path> reviewed, Path out, List<Double> costs) {
            this(mmCsv, reviewed, out, costs, null);
        }

        public Request {
            reviewed = reviewed == null ? List.of() : List.copyOf(reviewed);
            costs = costs == null ? List.of() : List.copyOf(costs);
        }
    }

    /** A source read once, so its records outlive the store it came from. */
    private record FixedSource(String describe, List<MmRecord> records) implements TrainingSource {
        FixedSource(TrainingSource from) throws IOException {
            this(from.describe(), List.copyOf(from.records()));
        }

        @Override
        public boolean split() {
            return false;
        }
    }

    public Training.Result train(Request request, Consumer<String> log) throws IOException {
        checkCsv(request);
        if (request.reviewsDb() == null) {
            return train(request, null, log);
        }
        try (JdbcEventStore store = JdbcEventStore.open(request.reviewsDb())) {
            return train(request, store, log);
        }
    }

    /**
     * As {@link #train(Request, Consumer)}, with the reviewed events of an open store ({@code reviews}, may be
     * null; {@link Request#reviewsDb()} is not opened): how the web app trains on its own store.
     */
    public Training.Result train(Request request, EventStore reviews, Consumer<String> log) throws IOException {
        checkCsv(request);
        List<TrainingSource> sources = new ArrayList<>();
        sources.add(new MmCsvSource(request.mmCsv()));
        for (Path p : request.reviewed()) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(p + " is not a file");
            }
            sources.add(new ReviewedEventsSource(p));
        }
        if (reviews != null) {
            sources.add(new FixedSource(new StoredReviewsSource(reviews)));
        }
        MmTrainer.Parameters defaults = MmTrainer.Parameters.defaults();
        MmTrainer.Parameters parameters = request.costs().isEmpty() ? defaults
                : new MmTrainer.Parameters(request.costs(), defaults.minDocuments(), defaults.refit());
        return Training.run(sources, parameters, request.out(), log);
    }

    private static void checkCsv(Request request) {
        if (!Files.isRegularFile(request.mmCsv())) {
            throw new IllegalArgumentException(request.mmCsv() + " is not there (the Mass Mobilization CSV, "
                    + "../shared/data/mm/mm-train.csv); give it with --data");
        }
    }
}
