package org.unrest.model;

/**
 * A number a source gives: what it counts ({@code kind}), the value or range, whether it covers this event
 * or a whole period, a qualifier (official, independent, estimate), who claims it and where it is written.
 */
public record Figure(String kind, Long value, Long min, Long max, String scope, String qualifier, String claimedBy,
                     String reportId, Span span) {
}
