package org.unrest.pipeline;

import java.util.List;
import org.unrest.model.Event;

/** Merges events that are the same what, where and when, keeping every source, span and figure. */
public interface EventMerger extends Stage {
    List<Event> merge(List<Event> events);
}
