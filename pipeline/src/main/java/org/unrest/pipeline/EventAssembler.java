package org.unrest.pipeline;

import java.util.List;
import org.unrest.model.Annotations;
import org.unrest.model.CandidateEvent;
import org.unrest.model.Document;
import org.unrest.model.Event;

/** Turns candidate events and the document's annotations into resolved events with evidence. */
public interface EventAssembler extends Stage {
    List<Event> assemble(Document document, List<CandidateEvent> candidates, Annotations annotations);
}
