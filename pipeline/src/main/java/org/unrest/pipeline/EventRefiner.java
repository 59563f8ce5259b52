package org.unrest.pipeline;

import java.util.List;
import org.unrest.model.Document;
import org.unrest.model.Event;

/**
 * Revises assembled events with knowledge the rule stages lack (trained classifiers of demands, state responses
 * and violence): returns new events, each change recorded in the event's evidence with this stage's provenance.
 * Runs after assembly and before merging.
 */
public interface EventRefiner extends Stage {
    List<Event> refine(Document document, List<Event> events);
}
