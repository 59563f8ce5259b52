package org.unrest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unrest.model.PlaceContext;
import org.unrest.model.PlaceMention;

/** Every place in the seed article (../shared/seed/kazakhstan-january-2022.txt), as the gold file codes it. */
class SeedArticleTest {
    private static String text;
    private static List<PlaceMention> found;

    @BeforeAll
    static void resolveSeed() throws IOException {
        Path seed = Path.of(System.getProperty("unrest.shared", "../../shared"), "seed", "kazakhstan-january-2022.txt");
        assumeTrue(Files.exists(seed), "seed article not found");
        text = Files.readString(seed);
        found = new GazetteerPlaceResolver().resolve(text, new PlaceContext(LocalDate.of(2022, 1, 20), null, "en"));
    }

    static void assertOffsets(String text, List<PlaceMention> mentions) {
        int last = -1;
        for (PlaceMention m : mentions) {
            assertEquals(m.text(), text.substring(m.span().start(), m.span().end()), "offsets of " + m);
            assertTrue(m.span().start() >= last, "in text order, no overlaps: " + m);
            last = m.span().end();
        }
    }

    private List<PlaceMention> all(String surface) {
        return found.stream().filter(m -> m.text().equals(surface)).toList();
    }

    private void everyOneIs(String surface, long geonameid, String admin1) {
        List<PlaceMention> ms = all(surface);
        assertFalse(ms.isEmpty(), "no mention of " + surface);
        for (PlaceMention m : ms) {
            assertEquals(geonameid, m.location().geonameid(), surface);
            assertEquals(admin1, m.location().admin1(), surface);
            assertEquals("P", m.featureClass());
            assertEquals(1, m.location().geoPrecision());
        }
    }

    private void regions(String surface, String... want) {
        List<PlaceMention> ms = all(surface);
        assertFalse(ms.isEmpty(), "no mention of " + surface);
        for (PlaceMention m : ms) {
            assertEquals(new TreeSet<>(List.of(want)), new TreeSet<>(m.location().regions()), surface);
            assertEquals("KZ", m.location().country());
            assertEquals(3, m.location().geoPrecision());
            assertEquals(surface, m.location().name());
        }
    }

    @Test
    void offsetsPointAtTheWords() {
        assertOffsets(text, found);
    }

    @Test
    void zhanaozen() {
        everyOneIs("Janaozen", 607610, "Mangystau");
        everyOneIs("Zhanaozen", 607610, "Mangystau");
        assertEquals("Zhanaozen", all("Janaozen").get(0).location().name());
    }

    @Test
    void vagueRegions() {
        regions("western Kazakhstan", "Mangystau", "Atyrau", "West Kazakhstan", "Aktobe");
        assertEquals(2, all("western Kazakhstan").size());
        regions("central Kazakhstan", "Karaganda");
        regions("northern and eastern Kazakhstan", "North Kazakhstan", "East Kazakhstan", "Pavlodar", "Kostanay",
            "Akmola");
        assertEquals(null, all("western Kazakhstan").get(0).location().admin1());
    }

    @Test
    void almatyAndTheCapital() {
        everyOneIs("Almaty", 1526384, "Almaty");
        assertEquals(12, all("Almaty").size()); // incl. "Almaty International Airport"
        everyOneIs("Nur-Sultan", 1526273, "Nur-Sultan");
        everyOneIs("Astana", 1526273, "Nur-Sultan");
        everyOneIs("Akmola", 1526273, "Nur-Sultan");
        everyOneIs("the capital", 1526273, "Nur-Sultan");
        assertEquals(2, all("the capital").size()); // "the capital of Nur-Sultan" is Nur-Sultan itself
        assertEquals("Nur-Sultan", all("Astana").get(0).location().name());
    }

    @Test
    void countries() {
        Set<String> want = Set.of("Kazakhstan:KZ", "Russia:RU", "China:CN", "Ukraine:UA", "Belarus:BY",
            "Armenia:AM", "France:FR", "Switzerland:CH", "Uzbekistan:UZ", "US:US");
        Set<String> got = new TreeSet<>();
        for (PlaceMention m : found) {
            if (m.location().geoPrecision() == 3 && m.location().regions().isEmpty()) {
                got.add(m.text() + ":" + m.location().country());
                assertEquals(null, m.location().admin1());
                assertEquals("A", m.featureClass());
            }
        }
        assertEquals(new TreeSet<>(want), got);
        // inside organisation names ("Democratic Choice of Kazakhstan") they are marked, never vague regions
        assertEquals(14, all("Kazakhstan").stream().filter(m -> !m.inName()).count());
        assertEquals(2, all("Kazakhstan").stream().filter(PlaceMention::inName).count());
    }

    @Test
    void notPlaces() {
        Set<String> texts = new TreeSet<>();
        Set<String> inNames = new TreeSet<>();
        found.forEach(m -> (m.inName() ? inNames : texts).add(m.text()));
        // places inside organisations' names are reported as such: "Astana Times", "Security Council of Kazakhstan",
        // "Democratic Choice of Kazakhstan"
        assertEquals(new TreeSet<>(List.of("Astana", "Kazakhstan")), inNames);
        for (String no : List.of("Kazakh", "Kazakhs", "Russian", "Russian-speaking", "Chinese", "Western", "Nazarbayev",
            "Tokayev", "Nursultan", "Nursultan Nazarbayev", "May", "Astana Times", "Central Asia", "Asia", "Central",
            "Council", "Elders", "Security", "Orange", "Karim", "Massimov", "Putin", "Stefan", "Slavs", "Christian",
            "Moslem", "Islam", "EU", "NATO", "DCK", "Soviet", "Tengiz", "Chevron")) {
            assertFalse(texts.contains(no), no + " is not a place");
        }
        // the only mentions are the ones tested above
        Set<String> expected = Set.of("Janaozen", "Zhanaozen", "western Kazakhstan", "central Kazakhstan",
            "northern and eastern Kazakhstan", "Nur-Sultan", "Akmola", "Astana", "Almaty", "the capital", "Kazakhstan",
            "Russia", "China", "Ukraine", "Belarus", "Armenia", "France", "Switzerland", "Uzbekistan", "US", "Moscow");
        assertEquals(new TreeSet<>(expected), texts);
    }
}
