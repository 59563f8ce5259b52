package org.unrest.model;

import java.time.LocalDate;

/** What a place resolver may know about a text besides the text: its date, a country hint and its language. */
public record PlaceContext(LocalDate published, String countryHint, String language) {
    public static PlaceContext of(ReportMetadata m) {
        return new PlaceContext(m.published(), null, m.language());
    }
}
