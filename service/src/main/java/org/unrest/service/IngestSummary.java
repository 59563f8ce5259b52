package org.unrest.service;

import java.util.List;
import org.unrest.model.Diagnostic;

/**
 * What an ingest run did: reports stored, reports already stored (same text), inputs that failed, events added,
 * stored events of other reports that the new reports were merged into, and every problem found, one line each.
 */
public record IngestSummary(int newReports, int duplicates, int failed, int events, int merged,
                            List<Diagnostic> diagnostics) {
    public IngestSummary {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return failed > 0 || diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    public String line() {
        return newReports + " new, " + duplicates + " duplicate, " + failed + " failed, " + events + " events"
                + (merged > 0 ? " (and " + merged + " merged into events other reports tell)" : "");
    }
}
