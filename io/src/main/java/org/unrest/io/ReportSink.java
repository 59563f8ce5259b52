package org.unrest.io;

import org.unrest.model.Diagnostic;
import org.unrest.model.Report;

/** Receives reports and diagnostics as a reader finds them, so large corpora are never held in memory. */
public interface ReportSink {
    void report(Report report);

    void diagnostic(Diagnostic diagnostic);
}
