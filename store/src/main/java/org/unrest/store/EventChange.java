package org.unrest.store;

import java.util.Objects;
import org.unrest.model.Event;

/**
 * A new version of an event, or a new event, to write with {@link EventStore#change}: the event after the change,
 * the action recorded in its history and an optional note.
 */
public record EventChange(Event after, String action, String note) {
    public EventChange {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(action, "action");
        if (after.eventId() == null || after.eventId().isBlank()) {
            throw new IllegalArgumentException("a changed event needs an event_id");
        }
    }
}
