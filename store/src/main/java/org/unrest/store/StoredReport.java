package org.unrest.store;

import java.time.Instant;
import org.unrest.model.Report;

/** A report as stored: the report itself, the hash it is keyed by, and when it was ingested. */
public record StoredReport(Report report, String contentHash, Instant ingestedAt) {
}
