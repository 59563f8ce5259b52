package org.unrest.store;

import java.time.LocalDate;
import java.util.List;

/**
 * The web app's event filter: every field that is null (or an empty list) does not filter; list fields match
 * any of their values. {@code from}/{@code to} are inclusive and compare with the event date. {@code actor}
 * matches either actor's name, case-insensitively, as a substring; {@code text} matches the whole event
 * (notes, places, actors, quoted words) case-insensitively as a substring. {@code limit} 0 means no limit.
 */
public record EventFilter(LocalDate from, LocalDate to, List<String> types, List<String> subTypes,
                          List<String> forms, String actor, String country, List<String> admin1, String reportId,
                          List<String> reviewStates, Double minConfidence, Double maxConfidence, String text,
                          Order order, int offset, int limit) {

    /** Event date then id (the map, lists, exports), or least confident first (the review queue). */
    public enum Order { DATE, CONFIDENCE }

    public EventFilter {
        types = types == null ? List.of() : List.copyOf(types);
        subTypes = subTypes == null ? List.of() : List.copyOf(subTypes);
        forms = forms == null ? List.of() : List.copyOf(forms);
        admin1 = admin1 == null ? List.of() : List.copyOf(admin1);
        reviewStates = reviewStates == null ? List.of() : List.copyOf(reviewStates);
        order = order == null ? Order.DATE : order;
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be >= 0, got " + offset + ", " + limit);
        }
    }

    public static EventFilter all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.from = from;
        b.to = to;
        b.types = types;
        b.subTypes = subTypes;
        b.forms = forms;
        b.actor = actor;
        b.country = country;
        b.admin1 = admin1;
        b.reportId = reportId;
        b.reviewStates = reviewStates;
        b.minConfidence = minConfidence;
        b.maxConfidence = maxConfidence;
        b.text = text;
        b.order = order;
        b.offset = offset;
        b.limit = limit;
        return b;
    }

    public static final class Builder {
        private LocalDate from;
        private LocalDate to;
        private List<String> types = List.of();
        private List<String> subTypes = List.of();
        private List<String> forms = List.of();
        private String actor;
        private String country;
        private List<String> admin1 = List.of();
        private String reportId;
        private List<String> reviewStates = List.of();
        private Double minConfidence;
        private Double maxConfidence;
        private String text;
        private Order order = Order.DATE;
        private int offset;
        private int limit;

        public Builder from(LocalDate v) { from = v; return this; }
        public Builder to(LocalDate v) { to = v; return this; }
        public Builder types(List<String> v) { types = v; return this; }
        public Builder subTypes(List<String> v) { subTypes = v; return this; }
        public Builder forms(List<String> v) { forms = v; return this; }
        public Builder actor(String v) { actor = v; return this; }
        public Builder country(String v) { country = v; return this; }
        public Builder admin1(List<String> v) { admin1 = v; return this; }
        public Builder reportId(String v) { reportId = v; return this; }
        public Builder reviewStates(List<String> v) { reviewStates = v; return this; }
        public Builder minConfidence(Double v) { minConfidence = v; return this; }
        public Builder maxConfidence(Double v) { maxConfidence = v; return this; }
        public Builder text(String v) { text = v; return this; }
        public Builder order(Order v) { order = v; return this; }
        public Builder offset(int v) { offset = v; return this; }
        public Builder limit(int v) { limit = v; return this; }

        public EventFilter build() {
            return new EventFilter(from, to, types, subTypes, forms, actor, country, admin1, reportId, reviewStates,
                    minConfidence, maxConfidence, text, order, offset, limit);
        }
    }
}
