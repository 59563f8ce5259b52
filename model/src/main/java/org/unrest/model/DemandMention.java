package org.unrest.model;

/** A demand stated in the text, coded, with the span of its words. */
public record DemandMention(Span span, Demand demand) {
}
