package org.unrest.service;

import java.util.Locale;

/**
 * What a person may do in the web app, each role including the ones before it: a {@code VIEWER} reads; a
 * {@code CODER} also accepts, edits and rejects events and adds reports; a {@code REVIEWER} also merges and splits
 * events and reopens reviewed ones; an {@code ADMIN} also manages accounts.
 */
public enum Role {
    VIEWER, CODER, REVIEWER, ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this name (any case). */
    public static Role parse(String name) {
        if (name != null) {
            for (Role r : values()) {
                if (r.name().equalsIgnoreCase(name.strip())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("unknown role " + name + ": use viewer, coder, reviewer or admin");
    }
}
