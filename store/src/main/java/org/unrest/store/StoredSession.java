package org.unrest.store;

import java.time.Instant;

/** A server-side session: whose it is, the CSRF token its writes must carry, and when it ends. */
public record StoredSession(String tokenHash, String userName, String role, String csrfToken, Instant createdAt,
                            Instant expiresAt) {
}
