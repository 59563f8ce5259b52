package org.unrest.io;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import org.unrest.model.Event;

/**
 * Streams events to an output in one format, UTF-8. {@link #finish()} completes the document (closing brackets,
 * flush) and leaves the underlying stream open (for standard output); {@link #close()} finishes and closes it.
 */
public interface EventWriter extends Closeable, Flushable {
    void write(Event event) throws IOException;

    default void writeAll(Iterable<Event> events) throws IOException {
        for (Event e : events) {
            write(e);
        }
    }

    /** Completes the document and flushes; the underlying stream stays open. Idempotent. */
    void finish() throws IOException;
}
