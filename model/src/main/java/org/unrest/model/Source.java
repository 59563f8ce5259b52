package org.unrest.model;

import java.time.LocalDate;
import java.util.List;

/** One report that tells an event, and the spans of its sentences that support it. */
public record Source(String reportId, String url, String publisher, LocalDate published, List<Span> spans) {
    public Source {
        spans = List.copyOf(spans);
    }
}
