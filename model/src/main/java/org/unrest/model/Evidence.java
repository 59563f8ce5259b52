package org.unrest.model;

import java.util.List;

/**
 * Why an event field has its value: the spans of text that support it in one report,
 * and the stage that produced it.
 */
public record Evidence(String field, String reportId, List<Span> spans, Provenance provenance) {
    public Evidence {
        spans = List.copyOf(spans);
    }
}
