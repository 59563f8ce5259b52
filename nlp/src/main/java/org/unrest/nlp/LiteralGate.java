package org.unrest.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap test that a lexicon pattern cannot match a text: every match contains at least one of the pattern's
 * {@link RequiredWords required words}, so a text that contains none of them, case-insensitively, is skipped
 * without running the regular expression. For a pattern whose structure is not understood, every literal word
 * (run of three or more letters) written in it is taken instead. Patterns with no such word are never skipped.
 */
final class LiteralGate {
    /** A literal word: three or more letters and digits with at least one letter ("strike", "M23"). */
    private static final Pattern LITERAL = Pattern.compile("(?<![\\\\\\[{\\p{L}\\d])(?=[\\p{L}\\d]{3,})[\\p{L}\\d]*\\p{L}[\\p{L}\\d]*");
    private final String[] words;
    /** Every match contains a digit, so a text without one is skipped as well. */
    private final boolean digit;

    private LiteralGate(String[] words) {
        this(words, false);
    }

    private LiteralGate(String[] words, boolean digit) {
        this.words = words;
        this.digit = digit;
    }

    /**
     * Function words that are never the only literal of a lexicon row's branch: the detector's gate leaves them out,
     * so a clause is not searched by a row just because it contains "the" or "were". {@code RuleEventDetectorTest}
     * checks that the gated detector finds exactly what the ungated one finds on the event-type test sets.
     */
    static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("the", "and", "was", "were", "has", "had",
            "have", "been", "are", "for", "with", "from", "into", "its", "his", "her", "their", "all", "some", "most",
            "two", "three", "several", "many", "who", "they", "them", "that", "which", "now", "again", "then", "also",
            "off", "out", "over", "back", "down", "not", "any", "each", "other", "more", "than", "about", "least",
            "new", "main", "key", "one", "dozens", "hundreds", "thousands", "soon", "quickly", "still", "being", "him",
            "это", "был", "была", "были", "его", "как");

    static LiteralGate of(String regex) {
        return of(regex, false);
    }

    /**
     * A gate on the pattern's {@link RequiredWords required words} and {@link RequiredWords#needsDigit required
     * digit} only: where the structure is not understood, or nothing is required, it never skips (no fallback to the
     * words written in the pattern).
     */
    static LiteralGate ofRequiredWords(String regex) {
        Set<String> required = RequiredWords.of(regex);
        return new LiteralGate(required == null ? new String[0] : required.toArray(new String[0]),
                RequiredWords.needsDigit(regex));
    }

    /** A gate on the row's content words only (function words left out), for lexicons checked to allow it. */
    static LiteralGate ofContentWords(String regex) {
        return of(regex, true);
    }

    private static LiteralGate of(String regex, boolean contentOnly) {
        Set<String> required = RequiredWords.of(regex);
        if (required != null) {
            return new LiteralGate(required.toArray(new String[0]));
        }
        // drop escapes (\b, \p{Lu}, \d) and character classes so their letters are not taken for words
        // a letter made optional ("markets?") or repeatable ("x*", "x{0,2}") is not a required part of the word
        String optionalDropped = regex.replaceAll("\\p{L}(?:\\?|\\*|\\{0,?\\d*})", "");
        String literal = optionalDropped.replaceAll("\\\\p\\{[^}]*}|\\\\[a-zA-Z]|\\[[^\\]]*]|\\(\\?<?[=!]?[a-zA-Z]*", " ");
        List<String> found = new ArrayList<>();
        Matcher m = LITERAL.matcher(literal);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (!found.contains(w) && !(contentOnly && FUNCTION_WORDS.contains(w))) {
                found.add(w);
            }
        }
        return new LiteralGate(found.toArray(new String[0]));
    }

    /** False only when the pattern cannot match {@code lowerCaseText}. */
    boolean mayMatch(String lowerCaseText) {
        if (digit && !hasDigit(lowerCaseText)) {
            return false;
        }
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

    private static boolean hasDigit(String text) {
        for (int k = 0; k < text.length(); k++) {
            if (Character.isDigit(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }
}
