package org.unrest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unrest.model.PlaceContext;
import org.unrest.model.PlaceMention;
import org.unrest.pipeline.PlaceResolver;
import org.unrest.pipeline.StageRegistry;

class ResolverFactoryTest {
    @Test
    void registeredUnderItsName() {
        StageRegistry registry = new StageRegistry();
        assertTrue(registry.names(PlaceResolver.class).contains("gazetteer"));
        PlaceResolver r = registry.create(PlaceResolver.class, "gazetteer", Map.of());
        assertEquals("gazetteer", r.name());
        List<PlaceMention> ms = r.resolve("Protests in Almaty.", new PlaceContext(LocalDate.of(2022, 1, 5), null, "en"));
        assertEquals(1526384L, ms.get(0).location().geonameid());
        assertThrows(IllegalArgumentException.class,
            () -> registry.create(PlaceResolver.class, "gazetteer", Map.of("geonmaes", "x")));
    }

    @Test
    void jsonFields() {
        PlaceMention m = new GazetteerPlaceResolver().resolve("Strike in Zhanaozen.",
            new PlaceContext(LocalDate.of(2022, 1, 5), null, "en")).get(0);
        var json = GeoJsonLines.toJson(m);
        for (String f : List.of("start", "end", "text", "geonameid", "name", "country", "admin1", "lat", "lon",
            "feature_class", "confidence")) {
            assertTrue(json.has(f), f);
        }
        assertEquals(10, json.get("start").asInt());
        assertEquals("Mangystau", json.get("admin1").asText());
    }

    @Test
    void nullDateMeansToday() {
        List<PlaceMention> ms = new GazetteerPlaceResolver().resolve("Rally in Semey.", new PlaceContext(null, null, null));
        assertEquals("Abai", ms.get(0).location().admin1());
    }

    @Test
    void throughputIsPrinted() {
        GazetteerPlaceResolver r = new GazetteerPlaceResolver();
        String para = "On 5 January mass meetings began in the Russian-speaking cities of northern and eastern "
            + "Kazakhstan. Protesters in Almaty stormed the city administration, while in Aktobe, Oral and Atyrau "
            + "the police stood by. President Tokayev asked the Collective Security Treaty Organization for help. "
            + "В Жанаозене и Актау продолжаются митинги. ";
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 2_000_000) {
            sb.append(para);
        }
        String text = sb.toString();
        PlaceContext ctx = new PlaceContext(LocalDate.of(2022, 1, 5), null, null);
        r.resolve(text.substring(0, 200_000), ctx); // warm up
        long t0 = System.nanoTime();
        int n = r.resolve(text, ctx).size();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("resolver: %d chars, %d mentions in %.2f s = %.2f MB/s%n", text.length(), n, s,
            text.length() / s / 1e6);
        assertTrue(n > 10_000);
    }
}
