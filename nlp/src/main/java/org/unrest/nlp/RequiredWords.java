package org.unrest.nlp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words a regular expression cannot match without: a set of lower-case letter runs such that every match
 * contains at least one of them. Found by reading the pattern's structure: a run of literal letters is required
 * unless a quantifier makes it optional; a group is required when it is not optional, with the union of what each
 * of its alternatives requires; a sequence requires the most selective of its required parts; lookarounds, classes,
 * escapes and wildcards require nothing. {@code null} means the pattern may match without any literal word.
 */
final class RequiredWords {
    /** The part a digit adds in {@link #needsDigit} mode. */
    private static final String DIGIT = "0-9";
    private final String re;
    /** Read digits instead of words: {@code \d} and literal digits are the required parts, letters are not. */
    private final boolean digits;
    private int i;

    private RequiredWords(String re, boolean digits) {
        this.re = re;
        this.digits = digits;
    }

    /**
     * Whether every match of {@code regex} contains a digit (a required {@code \d} or literal digit, read the way
     * {@link #of} reads words); false when it need not, or the pattern is not understood.
     */
    static boolean needsDigit(String regex) {
        try {
            RequiredWords p = new RequiredWords(regex, true);
            Set<String> parts = p.alternation();
            return p.i == regex.length() && parts != null && parts.equals(Set.of(DIGIT));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The required words of {@code regex}, or null when there are none (or the pattern is not understood). */
    static Set<String> of(String regex) {
        try {
            RequiredWords p = new RequiredWords(regex, false);
            Set<String> words = p.alternation();
            if (p.i != regex.length() || words == null) {
                return null;
            }
            for (String w : words) {
                if (w.length() < 2) {
                    return null;
                }
            }
            return words;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Set<String> alternation() {
        Set<String> all = new LinkedHashSet<>();
        boolean unknown = false;
        while (true) {
            Set<String> branch = sequence();
            if (branch == null) {
                unknown = true;
            } else {
                all.addAll(branch);
            }
            if (i < re.length() && re.charAt(i) == '|') {
                i++;
                continue;
            }
            return unknown ? null : all;
        }
    }

    /** The most selective required part of a sequence: longest shortest word, then fewest words. */
    private Set<String> sequence() {
        List<Set<String>> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        while (i < re.length() && re.charAt(i) != '|' && re.charAt(i) != ')') {
            char c = re.charAt(i);
            if (digits && (Character.isLetter(c) || c >= '0' && c <= '9')) {
                i++;
                if (quantifier()[0] > 0 && c >= '0' && c <= '9') {
                    parts.add(Set.of(DIGIT));
                }
                continue;
            }
            if (Character.isLetter(c)) {
                i++;
                int[] q = quantifier();
                if (q[0] == 0) {
                    flush(run, parts);
                } else {
                    run.append(Character.toLowerCase(c));
                    if (q[1] != 1) {
                        flush(run, parts);
                    }
                }
                continue;
            }
            flush(run, parts);
            if (c == '(') {
                i++;
                boolean lookaround = false;
                if (re.startsWith("?:", i) || re.startsWith("?>", i)) {
                    i += 2;
                } else if (re.startsWith("?=", i) || re.startsWith("?!", i)) {
                    i += 2;
                    lookaround = true;
                } else if (re.startsWith("?<=", i) || re.startsWith("?<!", i)) {
                    i += 3;
                    lookaround = true;
                } else if (re.startsWith("?<", i)) {
                    i = re.indexOf('>', i) + 1;
                } else if (re.startsWith("?", i)) {
                    // a group with its own flags, (?-i:...) or (?i:...), reads like (?:...); bare (?i) is not understood
                    int j = i + 1;
                    while (j < re.length() && (Character.isLetter(re.charAt(j)) || re.charAt(j) == '-')) {
                        j++;
                    }
                    if (j >= re.length() || re.charAt(j) != ':') {
                        throw new IllegalArgumentException("inline flags");
                    }
                    i = j + 1;
                }
                Set<String> inner = alternation();
                if (i >= re.length() || re.charAt(i) != ')') {
                    throw new IllegalArgumentException("unbalanced");
                }
                i++;
                int[] q = quantifier();
                if (!lookaround && q[0] > 0 && inner != null) {
                    parts.add(inner);
                }
            } else if (c == '[') {
                i = endOfClass(i);
                quantifier();
            } else if (c == '\\') {
                boolean digit = i + 1 < re.length() && re.charAt(i + 1) == 'd';
                i += 2;
                if (i <= re.length() && (re.charAt(i - 1) == 'p' || re.charAt(i - 1) == 'P') && i < re.length()
                        && re.charAt(i) == '{') {
                    i = re.indexOf('}', i) + 1;
                }
                if (quantifier()[0] > 0 && digit && digits) {
                    parts.add(Set.of(DIGIT));
                }
            } else {
                i++;
                quantifier();
            }
        }
        flush(run, parts);
        Set<String> best = null;
        for (Set<String> p : parts) {
            if (best == null || moreSelective(p, best)) {
                best = p;
            }
        }
        return best;
    }

    /**
     * Words so common in news text that a part containing one says little: a part without them beats any part with
     * them; then the longer shortest word, then fewer words.
     */
    private static final Set<String> COMMON = java.util.stream.Stream.concat(LiteralGate.FUNCTION_WORDS.stream(),
            Set.of("may", "in", "on", "of", "to", "by", "at", "as", "is", "it", "be", "an", "or", "if").stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static boolean moreSelective(Set<String> p, Set<String> than) {
        boolean common = p.stream().anyMatch(COMMON::contains);
        boolean thanCommon = than.stream().anyMatch(COMMON::contains);
        if (common != thanCommon) {
            return !common;
        }
        return shortest(p) > shortest(than) || shortest(p) == shortest(than) && p.size() < than.size();
    }

    private static int shortest(Set<String> words) {
        return words.stream().mapToInt(String::length).min().orElse(0);
    }

    private static void flush(StringBuilder run, List<Set<String>> parts) {
        if (run.length() > 0) {
            parts.add(Set.of(run.toString().toLowerCase(Locale.ROOT)));
            run.setLength(0);
        }
    }

    /** The quantifier at the current position as {min, max} (max -1: unbounded); {1, 1} when there is none. */
    private int[] quantifier() {
        int[] q = {1, 1};
        if (i >= re.length()) {
            return q;
        }
        char c = re.charAt(i);
        if (c == '?') {
            q = new int[] {0, 1};
            i++;
        } else if (c == '*') {
            q = new int[] {0, -1};
            i++;
        } else if (c == '+') {
            q = new int[] {1, -1};
            i++;
        } else if (c == '{') {
            int end = re.indexOf('}', i);
            String[] mn = re.substring(i + 1, end).split(",", -1);
            q = new int[] {Integer.parseInt(mn[0].trim()), mn.length == 1 ? Integer.parseInt(mn[0].trim())
                    : mn[1].isBlank() ? -1 : Integer.parseInt(mn[1].trim())};
            i = end + 1;
        } else {
            return q;
        }
        if (i < re.length() && (re.charAt(i) == '?' || re.charAt(i) == '+')) {
            i++;
        }
        return q;
    }

    private int endOfClass(int start) {
        int j = start + 1;
        if (j < re.length() && re.charAt(j) == '^') {
            j++;
        }
        if (j < re.length() && re.charAt(j) == ']') {
            j++;
        }
        while (j < re.length() && re.charAt(j) != ']') {
            j += re.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
    }
}
