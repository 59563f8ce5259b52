package org.unrest.model;

import java.time.LocalDate;

/**
 * What a place resolver may know about a text besides the text: its date, a country hint, its language and the
 * publisher's home region ({@code home}, null when unknown), the first-level region a local outlet mostly writes
 * about, which makes its readings of ambiguous names ("Alexandria", "Paris") more likely.
 */
public record PlaceContext(LocalDate published, String countryHint, String language, HomeRegion home) {
    public PlaceContext(LocalDate published, String countryHint, String language) {
        this(published, countryHint, language, null);
    }

    public static PlaceContext of(ReportMetadata m) {
        return new PlaceContext(m.published(), null, m.language());
    }

    public PlaceContext withHome(HomeRegion newHome) {
        return new PlaceContext(published, countryHint, language, newHome);
    }

    /**
     * A first-level region: ISO country code and the region's English name as a place resolver reports it in
     * {@link Location#admin1()}; {@code admin1} null means the whole country.
     */
    public record HomeRegion(String country, String admin1) {
        public HomeRegion {
            if (country == null || country.isBlank()) {
                throw new IllegalArgumentException("a home region needs a country");
            }
        }

        /** "Louisiana,US" (region, ISO country code); IllegalArgumentException naming the problem otherwise. */
        public static HomeRegion parse(String regionComma) {
            int comma = regionComma.lastIndexOf(',');
            if (comma <= 0 || comma == regionComma.length() - 1) {
                throw new IllegalArgumentException("expected REGION,CC (e.g. Louisiana,US), got '" + regionComma + "'");
            }
            return new HomeRegion(regionComma.substring(comma + 1).strip().toUpperCase(java.util.Locale.ROOT),
                regionComma.substring(0, comma).strip());
        }
    }
}
