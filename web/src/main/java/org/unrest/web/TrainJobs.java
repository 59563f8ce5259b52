package org.unrest.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.unrest.learn.MmScores;
import org.unrest.learn.Training;
import org.unrest.service.TrainingService;
import org.unrest.store.EventStore;

/**
 * Retrainings started by an admin ({@code POST /api/train}), one at a time, in the background through
 * {@link TrainingService#train(TrainingService.Request, EventStore, java.util.function.Consumer)} (the path of
 * {@code unrest train --from-reviews}): the Mass Mobilization CSV plus the events reviewed in this server's store.
 * Each job's log lines and final scores can be polled at {@code GET /api/jobs/{id}}, like the ingest jobs.
 */
final class TrainJobs implements AutoCloseable {
    private static final int KEEP = 10;
    /** At most this many log lines are kept per job (the trainer writes a few dozen). */
    private static final int MAX_LINES = 2000;

    private final EventStore store;
    private final Path data;
    private final Path models;
    private final BackgroundJobs<Job> jobs = new BackgroundJobs<>("unrest-train", KEEP);
    private Job current;

    TrainJobs(EventStore store, Path data, Path models) {
        this.store = store;
        this.data = data;
        this.models = models;
    }

    /** Another retraining is under way. */
    static final class BusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Job running;

        BusyException(Job running) {
            super("a retraining is already running (job " + running.id + ", started by " + running.user
                    + "); wait for it to finish");
            this.running = running;
        }
    }

    /** What a retraining has done so far; {@code state} is queued, running, done or failed. */
    static final class Job {
        final String id;
        final String user;
        final Instant created = Instant.now();
        final String data;
        final String models;
        volatile String state = "queued";
        volatile Instant finished;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        volatile Map<String, Object> result;
        volatile String error;

        Job(String id, String user, Path data, Path models) {
            this.id = id;
            this.user = user;
            this.data = data.toString();
            this.models = models.toString();
        }

        boolean finishedRunning() {
            return state.equals("done") || state.equals("failed");
        }

        void line(String line) {
            synchronized (lines) {
                if (lines.size() < MAX_LINES) {
                    lines.add(line);
                }
            }
        }

        Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("kind", "train");
            m.put("user", user);
            m.put("state", state);
            m.put("created", created.toString());
            m.put("finished", finished == null ? null : finished.toString());
            m.put("data", data);
            m.put("models", models);
            synchronized (lines) {
                m.put("lines", List.copyOf(lines));
            }
            m.put("result", result);
            m.put("error", error);
            return m;
        }
    }

    Path data() {
        return data;
    }

    Path models() {
        return models;
    }

    /** Starts a retraining, unless one is queued or running ({@link BusyException}). */
    synchronized Job submit(String user) {
        if (current != null && !current.finishedRunning()) {
            throw new BusyException(current);
        }
        Job job = new Job(UUID.randomUUID().toString(), user, data.toAbsolutePath().normalize(),
                models.toAbsolutePath().normalize());
        current = job;
        jobs.submit(job.id, job, () -> run(job));
        return job;
    }

    Optional<Job> job(String id) {
        return jobs.get(id);
    }

    private void run(Job job) {
        job.state = "running";
        job.line("training on " + data + " and the events reviewed in this store; models go to " + job.models);
        try {
            TrainingService.Request request = new TrainingService.Request(data, List.of(), models, List.of(),
                    store.location());
            Training.Result r = new TrainingService().train(request, store, job::line);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("train", r.train());
            result.put("reviewed", r.reviewed());
            result.put("validation", r.validation());
            result.put("held_out", r.heldOutTexts());
            List<Map<String, Object>> scores = new ArrayList<>();
            for (MmScores.TaskScore s : r.heldOut().values()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("task", s.task().key());
                t.put("texts", s.texts());
                t.put("macro_f1", round(s.macroF1()));
                t.put("micro_f1", round(s.microF1()));
                t.put("accuracy", round(s.accuracy()));
                scores.add(t);
            }
            result.put("scores", scores);
            result.put("summary", MmScores.summary(r.heldOut()).strip());
            result.put("models", job.models);
            job.line(String.format(java.util.Locale.ROOT,
                    "trained on %d texts (%d reviewed), tuned on %d, scored on %d held out",
                    r.train(), r.reviewed(), r.validation(), r.heldOutTexts()));
            for (String l : MmScores.summary(r.heldOut()).split("\\R")) {
                job.line(l);
            }
            job.line("models in " + job.models + "; new ingests use them once the server runs with UNREST_MODELS="
                    + job.models);
            job.result = result;
            job.state = "done";
        } catch (Exception | LinkageError e) {
            job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            job.line("failed: " + job.error);
            job.state = "failed";
        } finally {
            job.finished = Instant.now();
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    public void close() {
        jobs.close();
    }
}
