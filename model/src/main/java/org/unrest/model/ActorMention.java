package org.unrest.model;

/** An actor named in the text (or referred to: "they", "the oilmen"), coded. */
public record ActorMention(Span span, Actor actor) {
}
