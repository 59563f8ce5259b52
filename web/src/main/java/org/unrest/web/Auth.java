package org.unrest.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Optional;
import org.unrest.service.Role;
import org.unrest.service.UserService;

/**
 * Sessions, CSRF and roles for the web app.
 * <ul>
 *   <li>The session is a random token in the cookie {@value #COOKIE} (HttpOnly, SameSite=Strict, Path=/); the
 *       server keeps its hash, the user and a CSRF token ({@link UserService}).</li>
 *   <li>Every write (POST, PUT, PATCH, DELETE) must come from this origin (an {@code Origin} header, when the browser
 *       sends one, must name this host) and, except the login itself, carry the session's CSRF token in the header
 *       {@value #CSRF_HEADER}; the login must be a JSON body, which no cross-site form can send.</li>
 *   <li>Each write route names the least role it needs; a weaker role gets 403.</li>
 * </ul>
 */
final class Auth {
    static final String COOKIE = "unrest_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_ATTR = "unrest.session";

    private final UserService users;
    private final WebOptions options;

    Auth(UserService users, WebOptions options) {
        this.users = users;
        this.options = options;
    }

    boolean accountsEnabled() {
        return users != null;
    }

    /** Looks up the session of the request's cookie (once per request). */
    Optional<UserService.Session> session(Context ctx) {
        Object cached = ctx.attribute(SESSION_ATTR);
        if (cached instanceof Optional<?> o) {
            @SuppressWarnings("unchecked")
            Optional<UserService.Session> s = (Optional<UserService.Session>) o;
            return s;
        }
        Optional<UserService.Session> s = users == null ? Optional.empty() : users.session(ctx.cookie(COOKIE));
        ctx.attribute(SESSION_ATTR, s);
        return s;
    }

    /** Reads need a session unless reading is open. */
    void checkRead(Context ctx) {
        if (!options.openRead() && session(ctx).isEmpty()) {
            throw new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(), "log in to read (this server is not open for reading)");
        }
    }

    /** A write: same origin, a session, its CSRF token, and at least {@code role}. Returns the session. */
    UserService.Session checkWrite(Context ctx, Role role) {
        checkOrigin(ctx);
        if (users == null) {
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(), "this server is read-only");
        }
        UserService.Session s = session(ctx).orElseThrow(() ->
                new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(), "log in first"));
        if (!UserService.csrfMatches(s, ctx.header(CSRF_HEADER))) {
            throw new HttpResponseException(HttpStatus.FORBIDDEN.getCode(),
                    "missing or wrong CSRF token (send the session's token in the " + CSRF_HEADER + " header)");
        }
        if (!s.role().atLeast(role)) {
            throw new HttpResponseException(HttpStatus.FORBIDDEN.getCode(),
                    "this needs the role " + role.wire() + " or higher; " + s.user() + " is a " + s.role().wire());
        }
        return s;
    }

    /** Refuses a write whose Origin (or, without one, Referer) names another site. */
    static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            origin = ctx.header("Referer");
        }
        if (origin == null) {
            return; // not a browser (curl, scripts): they still need the session and CSRF token
        }
        String host = ctx.header("Host");
        try {
            URI u = URI.create(origin);
            String authority = u.getRawAuthority();
            if (host != null && host.equalsIgnoreCase(authority)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new HttpResponseException(HttpStatus.FORBIDDEN.getCode(), "cross-site write refused (Origin " + origin + ")");
    }

    void setCookie(Context ctx, UserService.Session s) {
        long maxAge = users.sessionLength().toSeconds();
        ctx.header("Set-Cookie", COOKIE + "=" + s.token() + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (options.secureCookies() ? "; Secure" : ""));
    }

    void clearCookie(Context ctx) {
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (options.secureCookies() ? "; Secure" : ""));
    }
}
