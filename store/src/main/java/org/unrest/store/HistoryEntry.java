package org.unrest.store;

import java.time.Instant;
import org.unrest.model.Event;

/**
 * One change to an event: who made it and when, what kind of change ({@code accept}, {@code edit}, {@code reject},
 * {@code merge}, {@code merged}, {@code split}, {@code split-from}, ...), an optional note, and the event before and
 * after ({@code before} is null for an event that a change created).
 */
public record HistoryEntry(long id, String eventId, Instant changedAt, String changedBy, String action, String note,
                           Event before, Event after) {
}
