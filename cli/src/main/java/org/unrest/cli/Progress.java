package org.unrest.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.unrest.model.Diagnostic;
import org.unrest.service.IngestListener;

/**
 * Progress of an ingest on standard error: a bar over the input files and a running count of reports, redrawn in
 * place on a terminal once there are more than a few reports; every problem as one line.
 */
final class Progress implements IngestListener {
    private static final int FEW = 5;
    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int files;
    private int fileIndex;
    private int reports;
    private int events;
    private long lastDraw;
    private boolean drawn;

    Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void fileStarted(Path file, int index, int files) {
        this.files = files;
        this.fileIndex = index;
        draw(false);
    }

    @Override
    public void reportDone(String reportId, String outcome, int events) {
        reports++;
        this.events += events;
        if (outcome.equals("duplicate")) {
            clear();
            err.println("already stored (same text), not added again: report " + reportId);
            err.flush();
        }
        draw(false);
    }

    @Override
    public void diagnostic(Diagnostic d) {
        clear();
        err.println((d.severity() == Diagnostic.Severity.ERROR ? "error: " : "warning: ") + d.line());
        err.flush();
    }

    void finish() {
        draw(true);
        if (drawn && terminal) {
            err.println();
        }
    }

    private void draw(boolean force) {
        if (!terminal || reports <= FEW && files <= FEW) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int done = files == 0 ? 0 : (int) Math.round(width * (double) (force ? files : fileIndex) / files);
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        err.print(String.format(Locale.ROOT, "\r[%s%s] file %d/%d  %d reports  %d events  %.0f reports/s ",
                "#".repeat(done), " ".repeat(width - done), Math.min(fileIndex + 1, files), files, reports, events,
                reports / seconds));
        err.flush();
        drawn = true;
    }

    private void clear() {
        if (drawn && terminal) {
            err.print("\r" + " ".repeat(100) + "\r");
        }
    }
}
