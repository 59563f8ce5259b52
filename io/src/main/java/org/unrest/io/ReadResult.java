package org.unrest.io;

import java.util.List;
import org.unrest.model.Diagnostic;
import org.unrest.model.Report;

/** The reports read from one input and the problems found in it (one line each). */
public record ReadResult(List<Report> reports, List<Diagnostic> diagnostics) {
    public ReadResult {
        reports = List.copyOf(reports);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
