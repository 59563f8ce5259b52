package org.unrest.pipeline;

import java.util.List;
import org.unrest.model.CandidateEvent;
import org.unrest.model.Document;

/** Finds what may be events: trigger words with a first guess at type and forms. */
public interface EventDetector extends Stage {
    List<CandidateEvent> detect(Document document);
}
