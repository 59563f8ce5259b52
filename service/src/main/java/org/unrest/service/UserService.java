package org.unrest.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.unrest.store.EventStore;
import org.unrest.store.StoredSession;
import org.unrest.store.StoredUser;

/**
 * Accounts and sessions. Passwords are kept as salted BCrypt hashes (Spring Security Crypto, cost 10); a session is
 * a random 256-bit token held by the browser, of which the store keeps only the SHA-256, with its own random CSRF
 * token. Sessions last {@link #sessionLength()} from login; a new password ends every session of that user.
 */
public final class UserService {
    /** Names: letters, digits and . _ @ -, 1 to 64 of them. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");
    public static final int MIN_PASSWORD = 8;
    /** BCrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final EventStore store;
    private final Clock clock;
    private final Duration sessionLength;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    private final SecureRandom random = new SecureRandom();
    /** Checked when a name is unknown, so a login takes as long whether or not the name exists. */
    private final String dummyHash;

    public UserService(EventStore store) {
        this(store, Clock.systemUTC(), Duration.ofHours(12));
    }

    public UserService(EventStore store, Clock clock, Duration sessionLength) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = clock;
        this.sessionLength = sessionLength;
        this.dummyHash = encoder.encode("not a password " + random.nextLong());
    }

    public Duration sessionLength() {
        return sessionLength;
    }

    /** A logged-in session as the web app sees it. {@code token} is only known right after login. */
    public record Session(String token, String tokenHash, String user, Role role, String csrfToken,
                          Instant expiresAt) {
        @Override
        public String toString() {
            return "Session[" + user + ", " + role + "]";
        }
    }

    /** An account without its hash. */
    public record Account(String name, Role role, Instant createdAt) {
    }

    /**
     * Adds an account.
     *
     * @throws IllegalArgumentException for a bad name or password, or a name already taken
     */
    public Account add(String name, char[] password, Role role) {
        checkName(name);
        Objects.requireNonNull(role, "role");
        String hash = hash(password);
        Instant now = clock.instant();
        if (!store.addUser(new StoredUser(name, hash, role.wire(), now))) {
            throw new IllegalArgumentException("there is already a user called " + name);
        }
        return new Account(name, role, now);
    }

    public void setRole(String name, Role role) {
        if (!store.updateUser(name, role.wire(), null)) {
            throw new IllegalArgumentException("no user called " + name);
        }
    }

    public void setPassword(String name, char[] password) {
        if (!store.updateUser(name, null, hash(password))) {
            throw new IllegalArgumentException("no user called " + name);
        }
    }

    public List<Account> accounts() {
        return store.users().stream().map(u -> new Account(u.name(), Role.parse(u.role()), u.createdAt())).toList();
    }

    public boolean anyAdmin() {
        return store.users().stream().anyMatch(u -> Role.parse(u.role()) == Role.ADMIN);
    }

    /** Checks the password and opens a session; empty when the name or password is wrong. */
    public Optional<Session> login(String name, char[] password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        Optional<StoredUser> user = store.user(name);
        String raw = new String(password);
        boolean ok = encoder.matches(raw, user.map(StoredUser::passwordHash).orElse(dummyHash)) && user.isPresent();
        if (!ok) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        store.deleteExpiredSessions(now);
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = now.plus(sessionLength);
        store.addSession(new StoredSession(sha256(token), name, null, csrf, now, expires));
        return Optional.of(new Session(token, sha256(token), name, Role.parse(user.get().role()), csrf, expires));
    }

    /** The live session for a token from a cookie (with the user's current role). */
    public Optional<Session> session(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return store.session(sha256(token), clock.instant())
                .map(s -> new Session(null, s.tokenHash(), s.userName(), Role.parse(s.role()), s.csrfToken(),
                        s.expiresAt()));
    }

    public void logout(Session session) {
        store.deleteSession(session.tokenHash());
    }

    /** Compares a CSRF token from a request with the session's, in constant time. */
    public static boolean csrfMatches(Session session, String fromRequest) {
        if (session == null || fromRequest == null) {
            return false;
        }
        return MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                fromRequest.getBytes(StandardCharsets.UTF_8));
    }

    private String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        if (password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
        }
        String raw = new String(password);
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("a password may have at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
        }
        return encoder.encode(raw);
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits or . _ @ -, not "
                    + (name == null ? "nothing" : "\"" + name + "\""));
        }
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
