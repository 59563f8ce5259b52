package org.unrest.web;

/**
 * How the web app is offered. {@code openRead}: anyone may read events, reports and analyses without logging in
 * (writes always need a session); otherwise every read of the API needs a session too. {@code secureCookies}:
 * the session cookie is marked Secure (set it when the app is served over HTTPS, e.g. behind a proxy).
 */
public record WebOptions(boolean openRead, boolean secureCookies) {
    public static WebOptions defaults() {
        return new WebOptions(true, false);
    }
}
