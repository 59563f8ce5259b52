package org.unrest.model;

import java.util.List;

/**
 * Something that may be an event, as found by an event detector: the trigger words, the sentence they
 * are in, a first guess at type, sub-type and forms, and how sure the detector is.
 */
public record CandidateEvent(String reportId, int sentenceIndex, Span trigger, String eventType, String subEventType,
                             List<String> forms, double confidence, Provenance provenance) {
    public CandidateEvent {
        forms = List.copyOf(forms);
    }
}
