package org.unrest.geo;

import java.text.Normalizer;

/**
 * The normalised form place names are indexed and looked up by: lower case, diacritics stripped, Cyrillic
 * (Russian, Kazakh, Ukrainian, Belarusian, Uzbek, Kyrgyz, Tajik letters) transliterated to Latin, apostrophes and
 * soft/hard signs dropped, hyphens, dots and runs of spaces turned into one space. So "Жаңаөзен", "Жанаозен" and
 * "Zhanaozen" share the key {@code zhanaozen}; "Ust'-Kamenogorsk" and "Ust Kamenogorsk" share
 * {@code ust kamenogorsk}. Names in other scripts have no key ({@code null}): the resolver only reads Latin and
 * Cyrillic text. Spaces are never removed, so "Nursultan" does not match "Nur-Sultan".
 */
public final class NameKey {
    /** What each char up to U+04FF becomes; null: not indexable; "" dropped; " " a separator. */
    private static final String[] MAP = new String[0x530];

    static {
        for (char c = 0; c < 0x250; c++) {
            if (Character.isLetterOrDigit(c)) {
                String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                d = d.toLowerCase(java.util.Locale.ROOT);
                MAP[c] = d.chars().allMatch(ch -> ch < 128 && Character.isLetterOrDigit(ch)) ? d : null;
            }
        }
        String[][] special = {{"ß", "ss"}, {"æ", "ae"}, {"Æ", "ae"}, {"ø", "o"}, {"Ø", "o"}, {"đ", "d"}, {"Đ", "d"},
            {"ł", "l"}, {"Ł", "l"}, {"ı", "i"}, {"œ", "oe"}, {"Œ", "oe"}, {"þ", "th"}, {"Þ", "th"}, {"ð", "d"},
            {"Ð", "d"}, {"ħ", "h"}, {"Ħ", "h"}, {"ŀ", "l"}, {"Ŀ", "l"}, {"ƒ", "f"}, {"ǝ", "e"}, {"ə", "a"},
            {"Ə", "a"}, {"ŋ", "n"}, {"Ŋ", "n"}};
        for (String[] s : special) {
            MAP[s[0].charAt(0)] = s[1];
        }
        for (char c : " \t\n\r-.,/()_\u00a0".toCharArray()) {
            MAP[c] = " ";
        }
        for (char c : "'`\u00b4\u02bb\u02bc\u02b9\u02bf\u02be".toCharArray()) {
            MAP[c] = "";
        }
        for (char c = 0x300; c < 0x370; c++) {
            MAP[c] = ""; // combining marks
        }
        String cyr = "а a б b в v г g д d е e ё e ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f "
            + "х kh ц ts ч ch ш sh щ shch ъ _ ы y ь _ э e ю yu я ya "
            + "ә a ғ g қ k ң n ө o ұ u ү u һ h і i "
            + "є ye ї yi ґ g ў u ј j љ lj њ nj ђ dj ћ c џ dz ѓ g ќ k ѕ dz ҳ h җ zh ӣ i ӯ u ҷ j ҝ k ӊ n ӈ n ҙ z ҫ s";
        String[] parts = cyr.split(" ");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            char lower = parts[i].charAt(0);
            String latin = parts[i + 1].equals("_") ? "" : parts[i + 1];
            MAP[lower] = latin;
            char upper = Character.toUpperCase(lower);
            if (upper < MAP.length) {
                MAP[upper] = latin;
            }
        }
    }

    private NameKey() {
    }

    /** The key of {@code s}, or null when it holds a character of another script or nothing but separators. */
    public static String of(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        boolean pendingSpace = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            String m;
            if (c < 128) {
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    if (pendingSpace && b.length() > 0) {
                        b.append(' ');
                    }
                    pendingSpace = false;
                    b.append(c);
                    continue;
                }
                if (c >= 'A' && c <= 'Z') {
                    if (pendingSpace && b.length() > 0) {
                        b.append(' ');
                    }
                    pendingSpace = false;
                    b.append((char) (c + 32));
                    continue;
                }
                m = MAP[c];
                if (m == null) {
                    m = " "; // other ASCII punctuation separates
                }
            } else if (c < MAP.length) {
                m = MAP[c];
            } else if (c == '\u2019' || c == '\u2018' || c == '\u200c' || c == '\u200d' || c == '\u02bc') {
                m = "";
            } else if (c >= '\u2010' && c <= '\u2015') {
                m = " ";
            } else {
                m = null;
            }
            if (m == null) {
                return null;
            }
            if (m.equals(" ")) {
                pendingSpace = true;
            } else if (!m.isEmpty()) {
                if (pendingSpace && b.length() > 0) {
                    b.append(' ');
                }
                pendingSpace = false;
                b.append(m);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** True for Cyrillic letters (U+0400..U+04FF). */
    static boolean isCyrillic(char c) {
        return c >= 0x400 && c <= 0x4ff;
    }
}
