package org.unrest.model;

/**
 * A problem found in the input (not a programming error): which input, what is wrong, and how bad.
 * Problems in the input are reported as diagnostics; the run goes on with the other inputs.
 */
public record Diagnostic(Severity severity, String origin, String message) {
    public enum Severity { WARNING, ERROR }

    public static Diagnostic error(String origin, String message) {
        return new Diagnostic(Severity.ERROR, origin, message);
    }

    public static Diagnostic warning(String origin, String message) {
        return new Diagnostic(Severity.WARNING, origin, message);
    }

    /** One line: {@code origin: message}. */
    public String line() {
        return origin + ": " + message;
    }
}
