package org.unrest.pipeline;

import java.util.List;
import org.unrest.model.Event;

/** Merges events that are the same what, where and when, keeping every source, span and figure. */
public interface EventMerger extends Stage {
    /** Merges the events of one report among themselves. */
    List<Event> merge(List<Event> events);

    /**
     * Merges a new report's events into stored events of other reports that tell the same happening (same day,
     * place and type, compatible actors). Updated stored events keep their ids and gain the new sources, spans and
     * figures; events that match nothing stored come back as new.
     */
    AcrossReports mergeAcross(List<Event> stored, List<Event> incoming);

    /** Stored events to update, and events to add. */
    record AcrossReports(List<Event> updated, List<Event> added) {
        public AcrossReports {
            updated = List.copyOf(updated);
            added = List.copyOf(added);
        }
    }
}
