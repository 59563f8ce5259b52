package org.unrest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.unrest.contract.EventJson;
import org.unrest.model.Actor;
import org.unrest.model.Event;
import org.unrest.model.ReviewState;
import org.unrest.model.Source;
import org.unrest.model.Span;
import org.unrest.model.Vocabulary;
import org.unrest.store.EventChange;
import org.unrest.store.EventFilter;
import org.unrest.store.EventStore;
import org.unrest.store.HistoryEntry;

/**
 * What reviewers do to coded events: accept, edit any contract field, reject, merge two events, split one, reopen.
 * Every change is one store transaction with a history entry (who, when, before, after). Values are checked
 * against the contract's vocabularies; a bad one is a {@link ReviewException} and nothing is written. An unknown
 * event id is a {@link java.util.NoSuchElementException}.
 */
public final class ReviewService {
    /** The contract fields an edit may set. */
    public static final Set<String> EDITABLE = Set.of("event_date", "end_date", "time_of_day", "time_precision",
            "event_type", "sub_event_type", "forms", "actor1", "actor2", "location", "demands", "state_responses",
            "fatalities", "notes");

    private final EventStore store;

    public ReviewService(EventStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Events waiting for review, least confident first (the filter's review states, else unreviewed ones). */
    public List<Event> queue(EventFilter filter) {
        EventFilter f = filter.toBuilder().order(EventFilter.Order.CONFIDENCE)
                .reviewStates(filter.reviewStates().isEmpty() ? List.of(ReviewState.UNREVIEWED.wire())
                        : filter.reviewStates())
                .build();
        return store.events(f);
    }

    public List<HistoryEntry> history(String eventId) {
        return store.history(eventId);
    }

    public Event accept(String eventId, String user, String note) {
        return setState(eventId, user, ReviewState.ACCEPTED, "accept", note);
    }

    public Event reject(String eventId, String user, String note) {
        return setState(eventId, user, ReviewState.REJECTED, "reject", note);
    }

    /** Back to unreviewed (e.g. a wrong reject). A merged event stays merged: split it instead. */
    public Event reopen(String eventId, String user, String note) {
        return setState(eventId, user, ReviewState.UNREVIEWED, "reopen", note);
    }

    private Event setState(String eventId, String user, ReviewState state, String action, String note) {
        return store.change(List.of(eventId), user, evs -> {
            Event e = evs.get(0);
            if (e.reviewState() == ReviewState.MERGED) {
                throw new ReviewException("event " + eventId + " was merged into another; review that one");
            }
            return List.of(new EventChange(e.toBuilder().reviewState(state).build(), action, note));
        }).get(0);
    }

    /**
     * Sets the given contract fields (see {@link #EDITABLE}; {@code location} and actors may be given in part:
     * their other fields are kept) and marks the event {@code corrected}.
     */
    public Event edit(String eventId, String user, JsonNode fields, String note) {
        return store.change(List.of(eventId), user, evs -> {
            Event e = evs.get(0);
            if (e.reviewState() == ReviewState.MERGED) {
                throw new ReviewException("event " + eventId + " was merged into another; edit that one");
            }
            Event after = applyFields(e, fields).toBuilder().reviewState(ReviewState.CORRECTED).build();
            return List.of(new EventChange(after, "edit", note));
        }).get(0);
    }

    /**
     * Merges {@code otherId} into {@code keepId}: the kept event gains the other's sources, evidence, figures,
     * forms, demands and state responses, spans both events' days, keeps the higher fatality figure and confidence,
     * and is marked {@code corrected}; the other is marked {@code merged} (its history says into which).
     */
    public Event merge(String keepId, String otherId, String user, String note) {
        if (keepId.equals(otherId)) {
            throw new ReviewException("an event cannot be merged with itself");
        }
        return store.change(List.of(keepId, otherId), user, evs -> {
            Event keep = evs.get(0);
            Event other = evs.get(1);
            for (Event e : evs) {
                if (e.reviewState() == ReviewState.MERGED) {
                    throw new ReviewException("event " + e.eventId() + " is already merged into another");
                }
            }
            LocalDate first = min(keep.eventDate(), other.eventDate());
            LocalDate last = max(max(keep.eventDate(), keep.endDate()), max(other.eventDate(), other.endDate()));
            Event merged = keep.toBuilder()
                    .eventDate(first)
                    .endDate(last != null && first != null && last.isAfter(first) ? last : keep.endDate())
                    .sources(mergeSources(keep.sources(), other.sources()))
                    .evidence(union(keep.evidence(), other.evidence()))
                    .figures(union(keep.figures(), other.figures()))
                    .forms(union(keep.forms(), other.forms()))
                    .demands(union(keep.demands(), other.demands()))
                    .stateResponses(union(keep.stateResponses(), other.stateResponses()))
                    .fatalities(maxOf(keep.fatalities(), other.fatalities()))
                    .actor1(keep.actor1() != null ? keep.actor1() : other.actor1())
                    .actor2(keep.actor2() != null ? keep.actor2() : other.actor2())
                    .confidence(Math.max(keep.confidence(), other.confidence()))
                    .reviewState(ReviewState.CORRECTED)
                    .build();
            return List.of(
                    new EventChange(merged, "merge", join("merged " + otherId + " into this event", note)),
                    new EventChange(other.toBuilder().reviewState(ReviewState.MERGED).build(), "merged",
                            join("merged into " + keepId, note)));
        }).get(0);
    }

    /**
     * Splits an event in two or more: {@code parts} holds one object of field changes per resulting event (as for
     * {@link #edit}; each may also hold {@code "sources": ["report id", ...]} to keep only those reports' sources).
     * The first part changes the event itself, each further part becomes a new event {@code ID-s1}, {@code ID-s2},
     * ... (the next free suffix); all are marked {@code corrected}.
     */
    public List<Event> split(String eventId, String user, List<JsonNode> parts, String note) {
        if (parts == null || parts.size() < 2) {
            throw new ReviewException("a split needs at least two parts");
        }
        if (parts.size() > 20) {
            throw new ReviewException("a split makes at most 20 events");
        }
        return store.change(List.of(eventId), user, evs -> {
            Event e = evs.get(0);
            if (e.reviewState() == ReviewState.MERGED) {
                throw new ReviewException("event " + eventId + " was merged into another; split that one");
            }
            List<EventChange> out = new ArrayList<>();
            int suffix = 1;
            for (int i = 0; i < parts.size(); i++) {
                JsonNode part = parts.get(i) == null ? EventJson.MAPPER.createObjectNode() : parts.get(i);
                Event changed = keepSources(applyFields(e, withoutSources(part)), part.get("sources"))
                        .toBuilder().reviewState(ReviewState.CORRECTED).build();
                if (i == 0) {
                    out.add(new EventChange(changed, "split", join("split into " + parts.size() + " events", note)));
                } else {
                    String id;
                    do {
                        id = eventId + "-s" + suffix++;
                    } while (store.event(id).isPresent());
                    out.add(new EventChange(changed.toBuilder().eventId(id).build(), "split-from",
                            join("split from " + eventId, note)));
                }
            }
            return out;
        });
    }

    // ---- field changes ----------------------------------------------------------------------------------

    /** The event with the given contract fields set, checked against the vocabularies. */
    static Event applyFields(Event e, JsonNode fields) {
        if (fields == null || !fields.isObject()) {
            throw new ReviewException("the changes must be a JSON object of contract fields");
        }
        ObjectNode full = EventJson.toFull(e);
        Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            JsonNode value = f.getValue();
            if (!EDITABLE.contains(name)) {
                throw new ReviewException("field " + name + " cannot be edited (editable: "
                        + String.join(", ", new java.util.TreeSet<>(EDITABLE)) + ")");
            }
            if ((name.equals("location") || name.startsWith("actor")) && value.isObject()
                    && full.get(name) != null && full.get(name).isObject()) {
                ObjectNode merged = ((ObjectNode) full.get(name)).deepCopy();
                merged.setAll((ObjectNode) value);
                full.set(name, merged);
            } else if (name.equals("demands") && value.isArray()) {
                full.set(name, completeDemands((ArrayNode) value));
            } else {
                full.set(name, value);
            }
        }
        Event after;
        try {
            after = EventJson.fromJson(full);
        } catch (DateTimeParseException ex) {
            throw new ReviewException("a date must be YYYY-MM-DD: " + ex.getParsedString());
        } catch (RuntimeException ex) {
            throw new ReviewException("the changes do not make a valid event: " + ex.getMessage());
        }
        check(after);
        return after;
    }

    private static ArrayNode completeDemands(ArrayNode demands) {
        ArrayNode out = EventJson.MAPPER.createArrayNode();
        for (JsonNode d : demands) {
            ObjectNode o = d.isTextual() ? EventJson.MAPPER.createObjectNode().put("category", d.asText())
                    : d.isObject() ? ((ObjectNode) d).deepCopy() : null;
            if (o == null || !o.hasNonNull("category")) {
                throw new ReviewException("each demand needs a category");
            }
            List<String> cat = Vocabulary.DEMAND_CATEGORIES.get(o.get("category").asText());
            if (cat == null) {
                throw new ReviewException("unknown demand category " + o.get("category").asText() + " (known: "
                        + String.join(", ", Vocabulary.DEMAND_CATEGORIES.keySet()) + ")");
            }
            o.put("mm_category", cat.get(0));
            o.put("group", cat.get(1));
            out.add(o);
        }
        return out;
    }

    static void check(Event e) {
        if (e.eventType() == null || !Vocabulary.SUB_EVENT_TYPES.containsKey(e.eventType())) {
            throw new ReviewException("event_type must be one of " + String.join(", ", Vocabulary.SUB_EVENT_TYPES.keySet()));
        }
        List<String> subs = Vocabulary.SUB_EVENT_TYPES.get(e.eventType());
        if (e.subEventType() == null || !subs.contains(e.subEventType())) {
            throw new ReviewException("sub_event_type for " + e.eventType() + " must be one of " + String.join(", ", subs));
        }
        if (e.eventDate() == null && e.endDate() != null) {
            throw new ReviewException("an end_date needs an event_date");
        }
        if (e.endDate() != null && e.endDate().isBefore(e.eventDate())) {
            throw new ReviewException("end_date is before event_date");
        }
        if (e.timePrecision() < 1 || e.timePrecision() > 3) {
            throw new ReviewException("time_precision is 1, 2 or 3");
        }
        if (e.timeOfDay() != null && !e.timeOfDay().matches("night|morning|afternoon|evening|([01]\\d|2[0-3]):[0-5]\\d")) {
            throw new ReviewException("time_of_day is night, morning, afternoon, evening or HH:MM");
        }
        for (String f : e.forms()) {
            if (!Vocabulary.FORMS.contains(f)) {
                throw new ReviewException("unknown form " + f);
            }
        }
        for (String r : e.stateResponses()) {
            if (!Vocabulary.STATE_RESPONSES.contains(r)) {
                throw new ReviewException("state_responses are from: " + String.join(", ", Vocabulary.STATE_RESPONSES));
            }
        }
        checkActor("actor1", e.actor1());
        checkActor("actor2", e.actor2());
        if (e.fatalities() != null && e.fatalities() < 0) {
            throw new ReviewException("fatalities cannot be negative");
        }
        if (e.location() != null) {
            Double lat = e.location().lat();
            Double lon = e.location().lon();
            if ((lat == null) != (lon == null)) {
                throw new ReviewException("a location needs both lat and lon, or neither");
            }
            if (lat != null && (lat < -90 || lat > 90 || lon < -180 || lon > 180)) {
                throw new ReviewException("lat is -90..90 and lon -180..180");
            }
            if (e.location().geoPrecision() < 1 || e.location().geoPrecision() > 3) {
                throw new ReviewException("geo_precision is 1, 2 or 3");
            }
        }
        if (e.notes() != null && e.notes().length() > 5000) {
            throw new ReviewException("notes are at most 5000 characters");
        }
    }

    private static void checkActor(String field, Actor a) {
        if (a == null) {
            return;
        }
        if (a.name() == null || a.name().isBlank() || a.name().length() > 200) {
            throw new ReviewException(field + " needs a name (at most 200 characters)");
        }
        if (a.type() != null && !Vocabulary.ACTOR_TYPES.contains(a.type())) {
            throw new ReviewException(field + " type must be one of " + String.join(", ", new java.util.TreeSet<>(Vocabulary.ACTOR_TYPES)));
        }
        if (a.inter() < 0 || a.inter() > 8) {
            throw new ReviewException(field + " inter is an ACLED inter code 1-8");
        }
    }

    private static JsonNode withoutSources(JsonNode part) {
        if (part.isObject() && part.has("sources")) {
            ObjectNode o = ((ObjectNode) part).deepCopy();
            o.remove("sources");
            return o;
        }
        return part;
    }

    private static Event keepSources(Event e, JsonNode reportIds) {
        if (reportIds == null || reportIds.isNull()) {
            return e;
        }
        if (!reportIds.isArray() || reportIds.isEmpty()) {
            throw new ReviewException("sources of a split part is a non-empty list of report ids");
        }
        Set<String> keep = new LinkedHashSet<>();
        reportIds.forEach(n -> keep.add(n.asText()));
        List<Source> sources = e.sources().stream().filter(s -> keep.contains(s.reportId())).toList();
        if (sources.isEmpty()) {
            throw new ReviewException("a split part must keep at least one of the event's sources: " + keep);
        }
        return e.toBuilder().sources(sources)
                .evidence(e.evidence().stream().filter(x -> keep.contains(x.reportId())).toList())
                .figures(e.figures().stream().filter(x -> x.reportId() == null || keep.contains(x.reportId())).toList())
                .build();
    }

    private static List<Source> mergeSources(List<Source> a, List<Source> b) {
        Map<String, Source> byReport = new LinkedHashMap<>();
        for (Source s : a) {
            byReport.put(s.reportId(), s);
        }
        for (Source s : b) {
            Source had = byReport.get(s.reportId());
            if (had == null) {
                byReport.put(s.reportId(), s);
            } else {
                Set<Span> spans = new java.util.TreeSet<>(had.spans());
                spans.addAll(s.spans());
                byReport.put(s.reportId(), new Source(had.reportId(), had.url(), had.publisher(), had.published(),
                        List.copyOf(spans)));
            }
        }
        return List.copyOf(byReport.values());
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private static Integer maxOf(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String join(String what, String note) {
        return note == null || note.isBlank() ? what : what + ": " + note.strip();
    }
}
