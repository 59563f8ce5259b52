package org.unrest.nlp;

import java.util.Locale;

/** English country names for actor names ("Police Forces of Kazakhstan"). */
final class Countries {
    private Countries() {
    }

    static String name(String alpha2) {
        if (alpha2 == null || alpha2.isBlank()) {
            return "Unknown country";
        }
        String n = new Locale("", alpha2).getDisplayCountry(Locale.ENGLISH);
        return n.isBlank() || n.equals(alpha2) ? alpha2 : n;
    }
}
