package org.unrest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GazetteerLoadTest {
    @Test
    void loadsBundledGeoNamesAndReportsTheTime() {
        long t0 = System.nanoTime();
        Gazetteer g = Gazetteer.builder().addPlacesText(Gazetteer.classPathText("/geonames.org/cities15000.txt"))
            .build();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("gazetteer: %d entries, %d names, built in %d ms (first build in this JVM: %s)%n",
            g.size(), g.indexedNames(), ms, FIRST ? "yes" : "no, JIT warm");
        assertTrue(g.size() > 28_000);
        assertEquals(g.size(), Gazetteer.bundled().size());
    }

    private static final boolean FIRST = !bundledLoaded();

    private static boolean bundledLoaded() {
        try {
            var f = Gazetteer.class.getDeclaredField("bundled");
            f.setAccessible(true);
            return f.get(null) != null;
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Test
    void regionsHaveSeatsAndDatedNames() {
        Gazetteer g = Gazetteer.bundled();
        int mangystau = g.admin1Entry("KZ", "09");
        assertEquals("Mangystau", g.displayName(mangystau, LocalDate.of(2022, 1, 5)));
        assertEquals(43.65, g.lat(mangystau), 0.1); // Aktau
        int semey = g.byGeonameid(1519422);
        assertEquals("East Kazakhstan", g.admin1Name(semey, LocalDate.of(2021, 5, 1)));
        assertEquals("Abai", g.admin1Name(semey, LocalDate.of(2023, 5, 1)));
        int shymkent = g.byGeonameid(1518980);
        assertEquals("South Kazakhstan", g.admin1Name(shymkent, LocalDate.of(2017, 5, 1)));
        assertEquals("Shymkent", g.admin1Name(shymkent, LocalDate.of(2019, 5, 1)));
        int astana = g.byGeonameid(1526273);
        assertEquals("Astana", g.displayName(astana, LocalDate.of(2018, 5, 1)));
        assertEquals("Nur-Sultan", g.displayName(astana, LocalDate.of(2022, 1, 5)));
        assertEquals("Astana", g.displayName(astana, LocalDate.of(2023, 1, 5)));
        assertEquals("Nur-Sultan", g.admin1Name(astana, LocalDate.of(2022, 1, 5)));
        assertEquals("Aktau", g.displayName(g.byGeonameid(610612), LocalDate.of(2022, 1, 5)));
        assertEquals(1526273L, g.geonameid(g.capital("KZ", LocalDate.of(2022, 1, 5))));
        assertEquals(1526384L, g.geonameid(g.capital("KZ", LocalDate.of(1995, 1, 5))));
    }

    @Test
    void anotherGeoNamesTableCanBeFed() {
        String row = "999999001\tTestville\tTestville\tTestowo,Тествиль\t43.0\t52.0\tP\tPPL\tKZ\t\t09\t\t\t\t20000\t\t\t\t\n";
        Gazetteer g = Gazetteer.builder().addPlaces(new StringReader(row)).build();
        int e = g.lookupName("Тествиль")[0] >> 1;
        assertEquals(999999001L, g.geonameid(e));
        assertEquals("Mangystau", g.admin1Name(e, LocalDate.of(2022, 1, 1)));
    }
}
