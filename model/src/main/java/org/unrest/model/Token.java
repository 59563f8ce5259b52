package org.unrest.model;

/** A token: its span in the document text and the text itself. */
public record Token(Span span, String text) {
}
