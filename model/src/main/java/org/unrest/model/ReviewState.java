package org.unrest.model;

/** Where an event stands with the people who check the coding. */
public enum ReviewState {
    UNREVIEWED, ACCEPTED, CORRECTED, REJECTED, MERGED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
