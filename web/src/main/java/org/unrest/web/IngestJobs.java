package org.unrest.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.unrest.model.Diagnostic;
import org.unrest.model.ReportMetadata;
import org.unrest.service.IngestListener;
import org.unrest.service.IngestService;
import org.unrest.service.IngestSummary;

/**
 * Uploaded or pasted reports, ingested one job at a time in the background through {@link IngestService#ingest}
 * (the CLI's path: the same readers, duplicate check and diagnostics). Each job's progress can be polled.
 */
final class IngestJobs implements AutoCloseable {
    private static final int KEEP = 50;

    private final IngestService ingest;
    private final BackgroundJobs<Job> jobs = new BackgroundJobs<>("unrest-ingest", KEEP);

    IngestJobs(IngestService ingest) {
        this.ingest = ingest;
    }

    /** What a job has done so far; {@code state} is queued, running, done or failed. */
    static final class Job {
        final String id;
        final String user;
        final Instant created = Instant.now();
        volatile String state = "queued";
        volatile int files;
        volatile int filesStarted;
        volatile String currentFile;
        volatile int newReports;
        volatile int duplicates;
        volatile int events;
        final List<String> reportIds = Collections.synchronizedList(new ArrayList<>());
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        volatile String summary;

        Job(String id, String user) {
            this.id = id;
            this.user = user;
        }

        Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("user", user);
            m.put("state", state);
            m.put("files", files);
            m.put("files_started", filesStarted);
            m.put("current_file", currentFile);
            m.put("new_reports", newReports);
            m.put("duplicates", duplicates);
            m.put("events", events);
            synchronized (reportIds) {
                m.put("report_ids", List.copyOf(reportIds));
            }
            synchronized (problems) {
                m.put("problems", List.copyOf(problems));
            }
            m.put("summary", summary);
            return m;
        }
    }

    /** An uploaded file: its name as the browser gave it (only the last path part is used) and its bytes. */
    record Upload(String name, byte[] bytes) {
    }

    /** Starts a job for these uploads; the files are written to a private temporary folder first. */
    Job submit(String user, List<Upload> uploads, ReportMetadata overrides) {
        Job job = new Job(UUID.randomUUID().toString(), user);
        job.files = uploads.size();
        Path dir;
        List<Path> files = new ArrayList<>();
        try {
            dir = Files.createTempDirectory("unrest-upload-");
            int i = 0;
            for (Upload u : uploads) {
                Path sub = Files.createDirectory(dir.resolve(Integer.toString(i++)));
                Path f = sub.resolve(safeName(u.name()));
                Files.write(f, u.bytes());
                files.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the upload for ingesting: " + e.getMessage(), e);
        }
        Path root = dir;
        jobs.submit(job.id, job, () -> run(job, root, files, overrides));
        return job;
    }

    Optional<Job> job(String id) {
        return jobs.get(id);
    }

    private void run(Job job, Path root, List<Path> files, ReportMetadata overrides) {
        job.state = "running";
        String prefix = root.toString();
        try {
            IngestSummary s = ingest.ingest(files, overrides, new IngestListener() {
                @Override
                public void fileStarted(Path file, int index, int count) {
                    job.filesStarted = index + 1;
                    job.currentFile = file.getFileName().toString();
                }

                @Override
                public void reportDone(String reportId, String outcome, int events) {
                    if (outcome.equals("new")) {
                        job.newReports++;
                        job.events += events;
                    } else if (outcome.equals("duplicate")) {
                        job.duplicates++;
                    }
                    if (!outcome.equals("failed")) {
                        job.reportIds.add(reportId);
                    }
                }

                @Override
                public void diagnostic(Diagnostic d) {
                    job.problems.add(strip(d.line(), prefix));
                }
            });
            job.summary = strip(s.line(), prefix);
            job.state = "done";
        } catch (RuntimeException e) {
            job.problems.add(strip(String.valueOf(e.getMessage()), prefix));
            job.state = "failed";
        } finally {
            deleteQuietly(root);
        }
    }

    /** Messages name the uploaded file, not where the server kept it. */
    private static String strip(String message, String prefix) {
        return message == null ? null : message.replaceAll(java.util.regex.Pattern.quote(prefix) + "/\\d+/", "");
    }

    static String safeName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        if (n.isEmpty() || n.startsWith(".")) {
            n = "upload" + n;
        }
        return n.length() > 120 ? n.substring(n.length() - 120) : n;
    }

    private static void deleteQuietly(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            });
        } catch (IOException e) {
            // as above
        }
    }

    @Override
    public void close() {
        jobs.close();
    }
}
