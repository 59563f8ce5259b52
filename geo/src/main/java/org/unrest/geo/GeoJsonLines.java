package org.unrest.geo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.unrest.model.Location;
import org.unrest.model.PlaceMention;

/** Place mentions as JSON objects for the CLI and JSON Lines output. */
public final class GeoJsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GeoJsonLines() {
    }

    /**
     * {@code {"start","end","text","geonameid","name","country","admin1","lat","lon","feature_class","confidence"}}
     * plus {@code "geo_precision"} and, for vague regions, {@code "regions"}.
     */
    public static ObjectNode toJson(PlaceMention m) {
        Location l = m.location();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("start", m.span().start());
        o.put("end", m.span().end());
        o.put("text", l.text());
        if (l.geonameid() == null) {
            o.putNull("geonameid");
        } else {
            o.put("geonameid", l.geonameid());
        }
        o.put("name", l.name());
        o.put("country", l.country());
        o.put("admin1", l.admin1());
        if (l.lat() == null) {
            o.putNull("lat");
            o.putNull("lon");
        } else {
            o.put("lat", l.lat());
            o.put("lon", l.lon());
        }
        o.put("feature_class", m.featureClass());
        o.put("confidence", m.confidence());
        o.put("geo_precision", l.geoPrecision());
        if (m.inName()) {
            o.put("in_name", true);
        }
        if (!l.regions().isEmpty()) {
            l.regions().forEach(o.putArray("regions")::add);
        }
        return o;
    }

    /** One JSON line. */
    public static String toJsonLine(PlaceMention m) {
        return toJson(m).toString();
    }
}
