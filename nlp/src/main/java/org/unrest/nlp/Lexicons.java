package org.unrest.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the tab-separated lexicons kept as resources next to this class ('#' starts a comment line). */
final class Lexicons {
    /** Case-insensitive in every script; {@code \\b} and {@code \\w} know letters of every script. */
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    /** The same for patterns written in ASCII only: ASCII case folding and word characters, several times faster. */
    static final int ASCII_FLAGS = Pattern.CASE_INSENSITIVE;

    private Lexicons() {
    }

    /** The rows of a lexicon, each split on tabs; a row with the wrong number of columns fails with its line. */
    static List<String[]> rows(String resource, int columns) {
        InputStream in = Lexicons.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("lexicon missing from the class path: " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != columns) {
                    throw new IllegalStateException(resource + ":" + n + ": expected " + columns + " columns, got " + cols.length);
                }
                rows.add(cols);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return rows;
    }

    /** Compiles a lexicon pattern: ASCII-only patterns with {@link #ASCII_FLAGS}, others with {@link #FLAGS}. */
    static Pattern compile(String resource, String regex) {
        try {
            return Pattern.compile(regex, regex.chars().allMatch(c -> c < 128) ? ASCII_FLAGS : FLAGS);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalStateException(resource + ": bad pattern " + regex + ": " + e.getDescription(), e);
        }
    }
}
