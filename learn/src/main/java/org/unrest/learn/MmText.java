package org.unrest.learn;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text as the Mass Mobilization notes are written: lower-cased, accents dropped, every run of characters other than
 * letters and digits a single space ("Kazakhstan's largest city," becomes "kazakhstan s largest city"). The models
 * are trained on and applied to text in this form only, so report sentences and MM notes look alike to them.
 */
public final class MmText {
    private MmText() {
    }

    public static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == ' ') {
            sb.setLength(n - 1);
        }
        return sb.toString();
    }

    /** The words of normalised text. */
    public static List<String> tokens(String normalised) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= normalised.length(); i++) {
            if (i == normalised.length() || normalised.charAt(i) == ' ') {
                if (i > start) {
                    out.add(normalised.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
