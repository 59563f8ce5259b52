package org.unrest.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Long operations of the web app (ingesting uploads, retraining), run one at a time on a daemon thread, and the
 * last {@code keep} of them by id so that their progress can be polled.
 */
final class BackgroundJobs<J> implements AutoCloseable {
    private final ExecutorService worker;
    private final Map<String, J> jobs;

    BackgroundJobs(String threadName, int keep) {
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.jobs = Collections.synchronizedMap(new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, J> eldest) {
                return size() > keep;
            }
        });
    }

    /** Keeps the job under its id and runs {@code work} after the jobs queued before it. */
    void submit(String id, J job, Runnable work) {
        jobs.put(id, job);
        worker.submit(work);
    }

    Optional<J> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
