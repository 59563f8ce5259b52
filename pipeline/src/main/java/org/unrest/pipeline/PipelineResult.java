package org.unrest.pipeline;

import java.util.List;
import org.unrest.model.Annotations;
import org.unrest.model.CandidateEvent;
import org.unrest.model.Document;
import org.unrest.model.Event;

/** What the pipeline made of one report, stage by stage. */
public record PipelineResult(Document document, Annotations annotations, List<CandidateEvent> candidates,
                             List<Event> events) {
    public PipelineResult {
        candidates = List.copyOf(candidates);
        events = List.copyOf(events);
    }
}
