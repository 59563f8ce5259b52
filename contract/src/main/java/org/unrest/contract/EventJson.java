package org.unrest.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.unrest.model.Actor;
import org.unrest.model.Demand;
import org.unrest.model.Event;
import org.unrest.model.Evidence;
import org.unrest.model.Figure;
import org.unrest.model.Location;
import org.unrest.model.Provenance;
import org.unrest.model.ReviewState;
import org.unrest.model.Source;
import org.unrest.model.Span;

/**
 * Writes and reads events in the contract's JSON form, field by field as {@code shared/spec/event-data.md}
 * names them. {@link #toContract} writes exactly the contract's fields; {@link #toFull} adds the evidence,
 * provenance and review state unrest keeps besides (used for storage and the API).
 */
public final class EventJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    /** The contract's fields, in the contract's order. */
    public static ObjectNode toContract(Event e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("event_id", e.eventId());
        o.put("event_date", date(e.eventDate()));
        o.put("end_date", date(e.endDate()));
        o.put("time_of_day", e.timeOfDay());
        o.put("time_precision", e.timePrecision());
        o.put("event_type", e.eventType());
        o.put("sub_event_type", e.subEventType());
        ArrayNode forms = o.putArray("forms");
        e.forms().forEach(forms::add);
        o.set("actor1", actor(e.actor1()));
        o.set("actor2", actor(e.actor2()));
        o.set("location", location(e.location()));
        ArrayNode demands = o.putArray("demands");
        for (Demand d : e.demands()) {
            ObjectNode dn = demands.addObject();
            dn.put("category", d.category());
            dn.put("mm_category", d.mmCategory());
            dn.put("group", d.group());
            dn.put("text", d.text());
        }
        ArrayNode responses = o.putArray("state_responses");
        e.stateResponses().forEach(responses::add);
        if (e.fatalities() == null) {
            o.putNull("fatalities");
        } else {
            o.put("fatalities", e.fatalities());
        }
        ArrayNode figures = o.putArray("figures");
        for (Figure f : e.figures()) {
            figures.add(figure(f));
        }
        ArrayNode sources = o.putArray("sources");
        for (Source s : e.sources()) {
            ObjectNode sn = sources.addObject();
            sn.put("report_id", s.reportId());
            sn.put("url", s.url());
            sn.put("publisher", s.publisher());
            sn.put("published", date(s.published()));
            sn.set("spans", spans(s.spans()));
        }
        o.put("confidence", Math.round(e.confidence() * 1000) / 1000.0);
        o.put("notes", e.notes());
        return o;
    }

    /** The contract's fields plus {@code review_state} and {@code evidence} (field, report, spans, provenance). */
    public static ObjectNode toFull(Event e) {
        ObjectNode o = toContract(e);
        if (e.location() != null && !e.location().regions().isEmpty()) {
            ArrayNode regions = ((ObjectNode) o.get("location")).putArray("regions");
            e.location().regions().forEach(regions::add);
        }
        o.put("review_state", e.reviewState().wire());
        ArrayNode ev = o.putArray("evidence");
        for (Evidence x : e.evidence()) {
            ObjectNode n = ev.addObject();
            n.put("field", x.field());
            n.put("report_id", x.reportId());
            n.set("spans", spans(x.spans()));
            if (x.provenance() != null) {
                n.put("stage", x.provenance().stage());
                n.put("implementation", x.provenance().implementation());
                n.put("version", x.provenance().version());
            }
        }
        return o;
    }

    public static String contractLine(Event e) {
        return write(toContract(e));
    }

    public static String fullLine(Event e) {
        return write(toFull(e));
    }

    private static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Reads an event written by {@link #toContract} or {@link #toFull} (or a gold file line). */
    public static Event fromJson(JsonNode o) {
        List<String> forms = strings(o.get("forms"));
        List<Demand> demands = new ArrayList<>();
        for (JsonNode d : iter(o.get("demands"))) {
            demands.add(new Demand(text(d, "category"), text(d, "mm_category"), text(d, "group"), text(d, "text")));
        }
        List<Figure> figures = new ArrayList<>();
        for (JsonNode f : iter(o.get("figures"))) {
            figures.add(readFigure(f));
        }
        List<Source> sources = new ArrayList<>();
        for (JsonNode s : iter(o.get("sources"))) {
            sources.add(new Source(text(s, "report_id"), text(s, "url"), text(s, "publisher"),
                    parseDate(text(s, "published")), readSpans(s.get("spans"))));
        }
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode x : iter(o.get("evidence"))) {
            Provenance p = x.hasNonNull("stage")
                    ? new Provenance(text(x, "stage"), text(x, "implementation"), text(x, "version")) : null;
            evidence.add(new Evidence(text(x, "field"), text(x, "report_id"), readSpans(x.get("spans")), p));
        }
        String review = text(o, "review_state");
        return Event.builder()
                .eventId(text(o, "event_id"))
                .eventDate(parseDate(text(o, "event_date")))
                .endDate(parseDate(text(o, "end_date")))
                .timeOfDay(text(o, "time_of_day"))
                .timePrecision(o.path("time_precision").asInt(1))
                .eventType(text(o, "event_type"))
                .subEventType(text(o, "sub_event_type"))
                .forms(forms)
                .actor1(readActor(o.get("actor1")))
                .actor2(readActor(o.get("actor2")))
                .location(readLocation(o.get("location")))
                .demands(demands)
                .stateResponses(strings(o.get("state_responses")))
                .fatalities(o.hasNonNull("fatalities") ? o.get("fatalities").asInt() : null)
                .figures(figures)
                .sources(sources)
                .confidence(o.path("confidence").asDouble(0))
                .notes(text(o, "notes"))
                .evidence(evidence)
                .reviewState(review == null ? ReviewState.UNREVIEWED
                        : ReviewState.valueOf(review.toUpperCase(java.util.Locale.ROOT)))
                .build();
    }

    public static Event fromLine(String line) {
        try {
            return fromJson(MAPPER.readTree(line));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not a JSON object: " + ex.getOriginalMessage(), ex);
        }
    }

    public static ObjectNode figure(Figure f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", f.kind());
        putLong(n, "value", f.value());
        putLong(n, "min", f.min());
        putLong(n, "max", f.max());
        n.put("scope", f.scope());
        n.put("qualifier", f.qualifier());
        n.put("claimed_by", f.claimedBy());
        n.put("report_id", f.reportId());
        if (f.span() == null) {
            n.putNull("span");
        } else {
            n.putArray("span").add(f.span().start()).add(f.span().end());
        }
        return n;
    }

    public static Figure readFigure(JsonNode f) {
        JsonNode sp = f.get("span");
        Span span = sp != null && sp.isArray() && sp.size() == 2 ? new Span(sp.get(0).asInt(), sp.get(1).asInt()) : null;
        return new Figure(text(f, "kind"), longOrNull(f, "value"), longOrNull(f, "min"), longOrNull(f, "max"),
                text(f, "scope"), text(f, "qualifier"), text(f, "claimed_by"), text(f, "report_id"), span);
    }

    public static JsonNode actor(Actor a) {
        if (a == null) {
            return MAPPER.nullNode();
        }
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", a.name());
        n.put("type", a.type());
        n.put("inter", a.inter());
        n.put("group", a.group());
        return n;
    }

    public static JsonNode location(Location l) {
        if (l == null) {
            return MAPPER.nullNode();
        }
        ObjectNode n = MAPPER.createObjectNode();
        n.put("text", l.text());
        n.put("name", l.name());
        putLong(n, "geonameid", l.geonameid());
        n.put("country", l.country());
        n.put("admin1", l.admin1());
        n.put("admin2", l.admin2());
        if (l.lat() == null) {
            n.putNull("lat");
        } else {
            n.put("lat", l.lat());
        }
        if (l.lon() == null) {
            n.putNull("lon");
        } else {
            n.put("lon", l.lon());
        }
        n.put("geo_precision", l.geoPrecision());
        return n;
    }

    public static Actor readActor(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new Actor(text(n, "name"), text(n, "type"), n.path("inter").asInt(0), text(n, "group"));
    }

    public static Location readLocation(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new Location(text(n, "text"), text(n, "name"), longOrNull(n, "geonameid"), text(n, "country"),
                text(n, "admin1"), text(n, "admin2"), n.hasNonNull("lat") ? n.get("lat").asDouble() : null,
                n.hasNonNull("lon") ? n.get("lon").asDouble() : null, n.path("geo_precision").asInt(3),
                strings(n.get("regions")));
    }

    private static ArrayNode spans(List<Span> spans) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Span s : spans) {
            a.addArray().add(s.start()).add(s.end());
        }
        return a;
    }

    private static List<Span> readSpans(JsonNode n) {
        List<Span> out = new ArrayList<>();
        for (JsonNode s : iter(n)) {
            out.add(new Span(s.get(0).asInt(), s.get(1).asInt()));
        }
        return out;
    }

    static Iterable<JsonNode> iter(JsonNode n) {
        return n == null || n.isNull() ? List.of() : n;
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : iter(n)) {
            out.add(x.asText());
        }
        return out;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long longOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    private static void putLong(ObjectNode n, String field, Long v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static LocalDate parseDate(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }
}
