package org.unrest.store;

import java.time.Instant;

/** A person who may log in: the name, a salted password hash (never the password) and a role name. */
public record StoredUser(String name, String passwordHash, String role, Instant createdAt) {
    @Override
    public String toString() {
        return "StoredUser[" + name + ", " + role + "]"; // keeps the hash out of logs
    }
}
