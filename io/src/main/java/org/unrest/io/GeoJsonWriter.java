package org.unrest.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.unrest.contract.EventJson;
import org.unrest.model.Actor;
import org.unrest.model.Event;
import org.unrest.model.Location;
import org.unrest.model.Source;

/**
 * Events as a GeoJSON FeatureCollection (RFC 7946), streamed. One Feature per event, {@code id} = event_id,
 * geometry a Point {@code [lon, lat]} (null when the event has no coordinates; it is still a Feature), and
 * properties = every field of the contract object as {@link EventJson#toContract} writes it (nested actors,
 * location, demands, figures, sources), plus flat copies for GIS tools that cannot read nested values:
 * {@code location_text, location_name, location_country, location_admin1, location_admin2, location_geo_precision,
 * actor1_name, actor1_inter, actor2_name, actor2_inter, source_publishers} ("; "-joined).
 */
public final class GeoJsonWriter implements EventWriter {
    private final JsonGenerator gen;
    private final OutputStream out;
    private boolean started;
    private boolean finished;

    public GeoJsonWriter(OutputStream out) throws IOException {
        this.out = out;
        this.gen = EventJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private void start() throws IOException {
        if (!started) {
            started = true;
            gen.writeStartObject();
            gen.writeStringField("type", "FeatureCollection");
            gen.writeArrayFieldStart("features");
        }
    }

    @Override
    public void write(Event e) throws IOException {
        if (finished) {
            throw new IllegalStateException("GeoJSON document already finished");
        }
        start();
        EventJson.MAPPER.writeTree(gen, feature(e));
        gen.writeRaw('\n');
    }

    /** The Feature for one event. */
    public static ObjectNode feature(Event e) {
        ObjectNode f = EventJson.MAPPER.createObjectNode();
        f.put("type", "Feature");
        f.put("id", e.eventId());
        Location loc = e.location();
        if (loc != null && loc.lat() != null && loc.lon() != null && !loc.lat().isNaN() && !loc.lon().isNaN()) {
            ObjectNode g = f.putObject("geometry");
            g.put("type", "Point");
            g.putArray("coordinates").add(loc.lon()).add(loc.lat());
        } else {
            f.putNull("geometry");
        }
        ObjectNode p = f.putObject("properties");
        ObjectNode contract = EventJson.toContract(e);
        for (Iterator<Map.Entry<String, JsonNode>> it = contract.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            p.set(field.getKey(), field.getValue());
        }
        p.put("location_text", loc == null ? null : loc.text());
        p.put("location_name", loc == null ? null : loc.name());
        p.put("location_country", loc == null ? null : loc.country());
        p.put("location_admin1", loc == null ? null : loc.admin1());
        p.put("location_admin2", loc == null ? null : loc.admin2());
        if (loc == null) {
            p.putNull("location_geo_precision");
        } else {
            p.put("location_geo_precision", loc.geoPrecision());
        }
        putActor(p, "actor1", e.actor1());
        putActor(p, "actor2", e.actor2());
        p.put("source_publishers", e.sources().stream().map(Source::publisher).filter(Objects::nonNull)
                .distinct().collect(Collectors.joining("; ")));
        return f;
    }

    private static void putActor(ObjectNode p, String prefix, Actor a) {
        p.put(prefix + "_name", a == null ? null : a.name());
        if (a == null) {
            p.putNull(prefix + "_inter");
        } else {
            p.put(prefix + "_inter", a.inter());
        }
    }

    @Override
    public void finish() throws IOException {
        if (!finished) {
            start();
            finished = true;
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeRaw('\n');
        }
        gen.flush();
    }

    @Override
    public void flush() throws IOException {
        gen.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
            gen.close();
        } finally {
            out.close();
        }
    }
}
