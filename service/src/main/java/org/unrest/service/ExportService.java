package org.unrest.service;

import java.io.IOException;
import java.io.OutputStream;
import org.unrest.io.EventWriter;
import org.unrest.io.EventWriters;
import org.unrest.model.Event;
import org.unrest.store.EventQuery;
import org.unrest.store.EventStore;

/** Writes stored events in one of the export formats: {@code jsonl} (the contract), {@code acled-csv}, {@code geojson}. */
public final class ExportService {
    private final EventStore store;

    public ExportService(EventStore store) {
        this.store = store;
    }

    /** Writes the events the query selects; returns how many. The stream is flushed, not closed. */
    public int export(String format, EventQuery query, OutputStream out) throws IOException {
        EventWriter writer = EventWriters.create(format, out);
        int n = 0;
        for (Event e : store.events(query)) {
            writer.write(e);
            n++;
        }
        writer.finish();
        return n;
    }
}
