package org.unrest.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.unrest.contract.EventJson;
import org.unrest.model.Event;

/** JSON Lines in the event data contract: one {@link EventJson#contractLine} per event, LF after each. */
public final class JsonlEventWriter implements EventWriter {
    private final Writer out;
    private final boolean full;

    /** Contract fields only. */
    public JsonlEventWriter(OutputStream out) {
        this(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), false);
    }

    public JsonlEventWriter(Writer out) {
        this(out, false);
    }

    private JsonlEventWriter(Writer out, boolean full) {
        this.out = out;
        this.full = full;
    }

    /** Contract fields plus evidence, provenance and review state ({@link EventJson#fullLine}). */
    public static JsonlEventWriter full(OutputStream out) {
        return new JsonlEventWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), true);
    }

    @Override
    public void write(Event event) throws IOException {
        out.write(full ? EventJson.fullLine(event) : EventJson.contractLine(event));
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }
}
