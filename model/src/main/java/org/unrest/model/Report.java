package org.unrest.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One news report as ingested: its id, its text exactly as stored (all offsets point into it),
 * its metadata and where it came from (a file, a line of a corpus, a feed item).
 */
public record Report(String id, String text, ReportMetadata metadata, String origin) {
    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        metadata = metadata == null ? ReportMetadata.empty() : metadata;
    }

    /** SHA-256 of the text: two reports with the same text are the same report. */
    public String contentHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Report withId(String newId) {
        return new Report(newId, text, metadata, origin);
    }

    public Report withMetadata(ReportMetadata newMetadata) {
        return new Report(id, text, newMetadata, origin);
    }
}
