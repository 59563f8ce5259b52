package org.unrest.model;

/** A sentence of a document: its position in the document and its span in the text. */
public record Sentence(int index, Span span) {
    public String text(String documentText) {
        return span.of(documentText);
    }
}
