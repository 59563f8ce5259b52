package org.unrest.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ISO 3166-1 countries by alpha-2 code: numeric code, ACLED region, English name (ACLED's spelling where it differs
 * from ISO's, e.g. "Russia", "Czech Republic"). From the resource {@code countries.tsv} (data of Debian's iso-codes;
 * regions as ACLED names them).
 */
public final class Countries {
    /** One country. */
    public record Country(String alpha2, int numeric, String region, String name) {
    }

    private static final Map<String, Country> BY_ALPHA2 = load();

    private Countries() {
    }

    public static Optional<Country> byAlpha2(String alpha2) {
        if (alpha2 == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_ALPHA2.get(alpha2.strip().toUpperCase(Locale.ROOT)));
    }

    /** The English name: the table's, else {@link Locale}'s display name, else the code itself. */
    public static String name(String alpha2) {
        if (alpha2 == null || alpha2.isBlank()) {
            return null;
        }
        return byAlpha2(alpha2).map(Country::name).orElseGet(() -> {
            String n = new Locale("", alpha2.strip().toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
            return n.isBlank() ? alpha2 : n;
        });
    }

    private static Map<String, Country> load() {
        Map<String, Country> m = new HashMap<>();
        try (InputStream in = Countries.class.getResourceAsStream("countries.tsv")) {
            if (in == null) {
                throw new IllegalStateException("resource countries.tsv missing from unrest-io");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                m.put(f[0], new Country(f[0], Integer.parseInt(f[1]), f[2].isEmpty() ? null : f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
