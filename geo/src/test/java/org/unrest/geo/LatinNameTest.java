package org.unrest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The name shown for a place: accents dropped where that leaves ASCII, else GeoNames' ASCII name. */
class LatinNameTest {
    @Test
    void accentsAreDroppedRatherThanSpelledTheGermanWay() {
        assertEquals("Urumqi", Gazetteer.Builder.latinName("Ürümqi", "UEruemqi"));
        assertEquals("Dusseldorf", Gazetteer.Builder.latinName("Düsseldorf", "Duesseldorf"));
        assertEquals("Sao Paulo", Gazetteer.Builder.latinName("São Paulo", "Sao Paulo"));
        assertEquals("Aktau", Gazetteer.Builder.latinName("Aktau", "Aktau"));
    }

    @Test
    void lettersWithoutAnAsciiBaseKeepGeoNamesAsciiName() {
        assertEquals("Lodz", Gazetteer.Builder.latinName("Łódź", "Lodz"));
        assertEquals("Almaty", Gazetteer.Builder.latinName("Алматы", "Almaty"));
        assertEquals("Алматы", Gazetteer.Builder.latinName("Алматы", ""));
    }
}
