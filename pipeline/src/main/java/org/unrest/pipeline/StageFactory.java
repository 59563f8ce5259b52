package org.unrest.pipeline;

/**
 * Makes one stage implementation, chosen by its stable {@link #name()} for the stage interface {@link #kind()}.
 * Implementations are found with {@link java.util.ServiceLoader}.
 */
public interface StageFactory<T extends Stage> {
    Class<T> kind();

    String name();

    T create(StageSettings settings);
}
