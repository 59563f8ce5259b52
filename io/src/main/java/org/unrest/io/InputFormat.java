package org.unrest.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The input formats {@link ReportReaders} understands, each under a stable name. */
public enum InputFormat {
    TEXT("text"), HTML("html"), JSONL("jsonl"), FEED("feed");

    private final String wireName;

    InputFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<InputFormat> byName(String name) {
        for (InputFormat f : values()) {
            if (f.wireName.equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format a file extension (without dot, any case) says, or empty when it says nothing. */
    public static Optional<InputFormat> byExtension(String extension) {
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "txt", "text", "md", "markdown" -> Optional.of(TEXT);
            case "html", "htm", "xhtml" -> Optional.of(HTML);
            case "jsonl", "ndjson" -> Optional.of(JSONL);
            case "xml", "rss", "atom", "rdf" -> Optional.of(FEED);
            default -> Optional.empty();
        };
    }

    /**
     * Guesses the format from the first bytes of a file: an XML prolog or root naming rss/feed/RDF is a feed,
     * an HTML doctype or root element is HTML, a first line that starts with '{' and ends with '}' (or names a
     * {@code "text"} field) is JSON Lines, anything else is text.
     */
    public static InputFormat sniff(byte[] head) {
        String s = new String(head, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        s = s.stripLeading();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<?xml") || lower.startsWith("<rss") || lower.startsWith("<feed")
                || lower.startsWith("<rdf:rdf")) {
            if (lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf")) {
                return FEED;
            }
            if (lower.contains("<html")) {
                return HTML;
            }
            return FEED;
        }
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.startsWith("<head")
                || lower.startsWith("<body") || (lower.startsWith("<!--") && lower.contains("<html"))) {
            return HTML;
        }
        if (s.startsWith("{")) {
            int nl = s.indexOf('\n');
            String first = (nl < 0 ? s : s.substring(0, nl)).strip();
            if (first.endsWith("}") || first.contains("\"text\"")) {
                return JSONL;
            }
        }
        return TEXT;
    }
}
