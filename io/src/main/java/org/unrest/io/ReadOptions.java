package org.unrest.io;

/**
 * Limits for reading reports.
 *
 * @param maxBytes the largest single-report file (plain text, HTML) or feed file accepted, in bytes; for JSON Lines
 *                 corpora, which are streamed, the largest single line. Larger inputs are refused with a diagnostic
 *                 before they are read.
 * @param maxDiagnosticsPerFile at most this many diagnostics are reported per file (a corpus with a million bad lines
 *                 gives this many lines and one summary), like jsoup's bounded parse-error list
 */
public record ReadOptions(long maxBytes, int maxDiagnosticsPerFile) {
    /** 20 MiB. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    public static final int DEFAULT_MAX_DIAGNOSTICS = 100;

    public ReadOptions {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (maxDiagnosticsPerFile <= 0) {
            throw new IllegalArgumentException("maxDiagnosticsPerFile must be positive: " + maxDiagnosticsPerFile);
        }
    }

    public static ReadOptions defaults() {
        return new ReadOptions(DEFAULT_MAX_BYTES, DEFAULT_MAX_DIAGNOSTICS);
    }

    public ReadOptions withMaxBytes(long bytes) {
        return new ReadOptions(bytes, maxDiagnosticsPerFile);
    }
}
