package org.unrest.learn;

import java.util.Objects;
import java.util.Set;

/**
 * One labelled text to learn from: a Mass Mobilization row (its {@code notes}) or an event a person reviewed.
 *
 * @param id        where it came from ("mm:201990001", "reviewed:EVENT_ID"), for messages
 * @param text      the text as given; it is normalised with {@link MmText} before features are taken
 * @param demands   Mass Mobilization demand categories ({@code Vocabulary.MM_DEMANDS})
 * @param responses Mass Mobilization state responses ({@code Vocabulary.STATE_RESPONSES})
 * @param violent   protester violence, or null where the source does not say
 */
public record MmRecord(String id, String text, Set<String> demands, Set<String> responses, Boolean violent) {
    public MmRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        demands = Set.copyOf(demands);
        responses = Set.copyOf(responses);
    }

    /** The labels of a task this record carries, or null where it says nothing about the task. */
    public Set<String> labels(Task task) {
        return switch (task) {
            case DEMANDS -> demands;
            case STATE_RESPONSES -> responses;
            case VIOLENCE -> violent == null ? null : (violent ? Set.of(Task.VIOLENT) : Set.of());
        };
    }
}
