package org.unrest.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap test that a lexicon pattern cannot match a text: every match of a lexicon pattern contains at least one
 * of the literal words (runs of three or more letters) written in the pattern, so a text that contains none of
 * them, case-insensitively, is skipped without running the regular expression. Patterns with no such word are
 * never skipped.
 */
final class LiteralGate {
    private static final Pattern LITERAL = Pattern.compile("(?<![\\\\\\[{])\\p{L}{3,}");
    private final String[] words;

    private LiteralGate(String[] words) {
        this.words = words;
    }

    static LiteralGate of(String regex) {
        // drop escapes (\b, \p{Lu}, \d) and character classes so their letters are not taken for words
        String literal = regex.replaceAll("\\\\p\\{[^}]*}|\\\\[a-zA-Z]|\\[[^\\]]*]|\\(\\?<?[=!]?[a-zA-Z]*", " ");
        List<String> found = new ArrayList<>();
        Matcher m = LITERAL.matcher(literal);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (!found.contains(w)) {
                found.add(w);
            }
        }
        return new LiteralGate(found.toArray(new String[0]));
    }

    /** False only when the pattern cannot match {@code lowerCaseText}. */
    boolean mayMatch(String lowerCaseText) {
        if (words.length == 0) {
            return true;
        }
        for (String w : words) {
            if (lowerCaseText.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
