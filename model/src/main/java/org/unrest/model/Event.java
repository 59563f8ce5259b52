package org.unrest.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A coded event, with every field of the event data contract ({@code ../shared/spec/event-data.md})
 * plus the evidence and provenance of each field and its review state.
 */
public record Event(
        String eventId,
        LocalDate eventDate,
        LocalDate endDate,
        String timeOfDay,
        int timePrecision,
        String eventType,
        String subEventType,
        List<String> forms,
        Actor actor1,
        Actor actor2,
        Location location,
        List<Demand> demands,
        List<String> stateResponses,
        Integer fatalities,
        List<Figure> figures,
        List<Source> sources,
        double confidence,
        String notes,
        List<Evidence> evidence,
        ReviewState reviewState) {

    public Event {
        forms = forms == null ? List.of() : List.copyOf(forms);
        demands = demands == null ? List.of() : List.copyOf(demands);
        stateResponses = stateResponses == null ? List.of() : List.copyOf(stateResponses);
        figures = figures == null ? List.of() : List.copyOf(figures);
        sources = sources == null ? List.of() : List.copyOf(sources);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        reviewState = reviewState == null ? ReviewState.UNREVIEWED : reviewState;
    }

    /** The report ids of every source, in order. */
    public List<String> reportIds() {
        return sources.stream().map(Source::reportId).distinct().toList();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a changed copy; records between stages stay immutable. */
    public static final class Builder {
        private String eventId;
        private LocalDate eventDate;
        private LocalDate endDate;
        private String timeOfDay;
        private int timePrecision = 1;
        private String eventType;
        private String subEventType;
        private List<String> forms = List.of();
        private Actor actor1;
        private Actor actor2;
        private Location location;
        private List<Demand> demands = List.of();
        private List<String> stateResponses = List.of();
        private Integer fatalities;
        private List<Figure> figures = List.of();
        private List<Source> sources = List.of();
        private double confidence;
        private String notes;
        private List<Evidence> evidence = List.of();
        private ReviewState reviewState = ReviewState.UNREVIEWED;

        private Builder() {
        }

        private Builder(Event e) {
            eventId = e.eventId;
            eventDate = e.eventDate;
            endDate = e.endDate;
            timeOfDay = e.timeOfDay;
            timePrecision = e.timePrecision;
            eventType = e.eventType;
            subEventType = e.subEventType;
            forms = e.forms;
            actor1 = e.actor1;
            actor2 = e.actor2;
            location = e.location;
            demands = e.demands;
            stateResponses = e.stateResponses;
            fatalities = e.fatalities;
            figures = e.figures;
            sources = e.sources;
            confidence = e.confidence;
            notes = e.notes;
            evidence = e.evidence;
            reviewState = e.reviewState;
        }

        public Builder eventId(String v) { eventId = v; return this; }
        public Builder eventDate(LocalDate v) { eventDate = v; return this; }
        public Builder endDate(LocalDate v) { endDate = v; return this; }
        public Builder timeOfDay(String v) { timeOfDay = v; return this; }
        public Builder timePrecision(int v) { timePrecision = v; return this; }
        public Builder eventType(String v) { eventType = v; return this; }
        public Builder subEventType(String v) { subEventType = v; return this; }
        public Builder forms(List<String> v) { forms = v; return this; }
        public Builder actor1(Actor v) { actor1 = v; return this; }
        public Builder actor2(Actor v) { actor2 = v; return this; }
        public Builder location(Location v) { location = v; return this; }
        public Builder demands(List<Demand> v) { demands = v; return this; }
        public Builder stateResponses(List<String> v) { stateResponses = v; return this; }
        public Builder fatalities(Integer v) { fatalities = v; return this; }
        public Builder figures(List<Figure> v) { figures = v; return this; }
        public Builder sources(List<Source> v) { sources = v; return this; }
        public Builder confidence(double v) { confidence = v; return this; }
        public Builder notes(String v) { notes = v; return this; }
        public Builder evidence(List<Evidence> v) { evidence = v; return this; }
        public Builder reviewState(ReviewState v) { reviewState = v; return this; }

        public Event build() {
            return new Event(eventId, eventDate, endDate, timeOfDay, timePrecision, eventType, subEventType, forms,
                    actor1, actor2, location, demands, stateResponses, fatalities, figures, sources, confidence,
                    notes, evidence, reviewState);
        }
    }
}
