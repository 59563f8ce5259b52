package org.unrest.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unrest.model.Span;

/**
 * A lexicon pattern whose top-level alternatives are searched separately, each only in texts that contain one of
 * its own {@link RequiredWords required words}: a row of thirty alternatives then runs the two or three whose words
 * the clause has, instead of trying all thirty at every character. The matches are exactly those of the whole
 * pattern's {@code find()} loop: at each search position the leftmost match of any alternative, the earliest
 * alternative where two start at the same place (as the regular-expression engine chooses), the next search from
 * its end. A pattern that cannot be split (inline flags, back-references) is searched whole.
 */
final class BranchGatedPattern {
    private final Pattern whole;
    private final List<Pattern> branches;
    private final List<LiteralGate> gates;

    private BranchGatedPattern(Pattern whole, List<Pattern> branches, List<LiteralGate> gates) {
        this.whole = whole;
        this.branches = branches;
        this.gates = gates;
    }

    /** Splits {@code whole} (compiled from {@code regex}) into its top-level alternatives, each with the same flags. */
    static BranchGatedPattern of(String regex, Pattern whole) {
        List<String> parts = topLevelAlternatives(regex);
        if (parts.size() < 2 || regex.contains("(?i)") || regex.matches("(?s).*\\\\(?:[1-9]|k<).*")) {
            return new BranchGatedPattern(whole, List.of(), List.of());
        }
        List<Pattern> branches = new ArrayList<>();
        List<LiteralGate> gates = new ArrayList<>();
        for (String p : parts) {
            branches.add(Pattern.compile(p, whole.flags()));
            gates.add(LiteralGate.ofRequiredWords(p));
        }
        return new BranchGatedPattern(whole, List.copyOf(branches), List.copyOf(gates));
    }

    /** How many alternatives the pattern was split into (0 when it is searched whole). */
    int branchCount() {
        return branches.size();
    }

    /** Every match of the pattern in {@code text}, as the whole pattern's {@code find()} loop finds them. */
    List<Span> matches(String text, String lowerText) {
        if (branches.isEmpty()) {
            return wholeMatches(text);
        }
        List<Span> out = new ArrayList<>();
        List<Matcher> live = new ArrayList<>();
        for (int b = 0; b < branches.size(); b++) {
            if (gates.get(b).mayMatch(lowerText)) {
                live.add(branches.get(b).matcher(text));
            }
        }
        if (live.isEmpty()) {
            return out;
        }
        int n = live.size();
        int[] start = new int[n]; // each alternative's first match at or after the search position; -1: not searched
        int[] end = new int[n];
        java.util.Arrays.fill(start, -1);
        int from = 0;
        while (from <= text.length()) {
            int best = -1;
            for (int b = 0; b < n; b++) {
                if (start[b] == Integer.MAX_VALUE) {
                    continue; // no match at or after an earlier position, so none after this one
                }
                if (start[b] < from) {
                    Matcher m = live.get(b);
                    if (!m.find(from)) {
                        start[b] = Integer.MAX_VALUE;
                        continue;
                    }
                    start[b] = m.start();
                    end[b] = m.end();
                }
                if (best < 0 || start[b] < start[best]) {
                    best = b;
                }
            }
            if (best < 0) {
                break;
            }
            out.add(new Span(start[best], end[best]));
            from = end[best] == start[best] ? end[best] + 1 : end[best];
        }
        return out;
    }

    /** Every match of the whole pattern, without splitting or gates (what {@link #matches} must equal). */
    List<Span> wholeMatches(String text) {
        List<Span> out = new ArrayList<>();
        Matcher m = whole.matcher(text);
        while (m.find()) {
            out.add(new Span(m.start(), m.end()));
        }
        return out;
    }

    /** The pattern's alternatives at the top level (outside groups and character classes). */
    static List<String> topLevelAlternatives(String regex) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = endOfClass(regex, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(from, i));
                from = i + 1;
            }
        }
        out.add(regex.substring(from));
        return out;
    }

    private static int endOfClass(String re, int start) {
        int j = start + 1;
        if (j < re.length() && re.charAt(j) == '^') {
            j++;
        }
        if (j < re.length() && re.charAt(j) == ']') {
            j++;
        }
        int nested = 0;
        while (j < re.length() && (re.charAt(j) != ']' || nested > 0)) {
            if (re.charAt(j) == '\\') {
                j++;
            } else if (re.charAt(j) == '[') {
                nested++;
            } else if (re.charAt(j) == ']') {
                nested--;
            }
            j++;
        }
        return j;
    }
}
