package org.unrest.service;

import java.nio.file.Path;
import org.unrest.model.Diagnostic;

/** Hears how an ingest run goes, for progress bars and logs. Every method has a do-nothing default. */
public interface IngestListener {
    IngestListener NONE = new IngestListener() { };

    default void fileStarted(Path file, int index, int files) {
    }

    /** One report handled: {@code outcome} is "new", "duplicate" or "failed". */
    default void reportDone(String reportId, String outcome, int events) {
    }

    default void diagnostic(Diagnostic d) {
    }
}
