package org.unrest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrest.geo.GazetteerPlaceResolver;
import org.unrest.model.PlaceContext;
import org.unrest.model.PlaceContext.HomeRegion;
import org.unrest.model.PlaceMention;

class PublisherHomesTest {
    private static final GazetteerPlaceResolver RESOLVER = new GazetteerPlaceResolver();
    private static final LocalDate DAY = LocalDate.of(2009, 3, 20);

    private static List<PlaceMention> resolve(String text, HomeRegion home) {
        return RESOLVER.resolve(text, new PlaceContext(DAY, null, "en", home));
    }

    @Test
    void aLocalPaperIsAtHomeWhereMostOfItsReportsAre() {
        PublisherHomes homes = new PublisherHomes();
        String p = "https://www.thetowntalk.com/article/1";
        homes.add(p, resolve("The Rapides Parish school board met in Pineville, Louisiana.", null));
        homes.add(p, resolve("Deputies from Rapides Parish arrested two men near Pineville.", null));
        assertNull(homes.home(p), "two reports are too few");
        homes.add("thetowntalk.com", resolve("Louisiana lawmakers debated the budget in Baton Rouge.", null));
        homes.add(p, resolve("The mayor spoke about the weather.", null));
        assertEquals(new HomeRegion("US", "Louisiana"), homes.home("http://thetowntalk.com/other"));
        assertNull(homes.home("wire.example.org"), "a publisher never seen has no home");
        assertNull(homes.home(null));
        assertEquals(1, homes.publishers());
    }

    @Test
    void aPublisherSpreadOverManyRegionsHasNoHome() {
        PublisherHomes homes = new PublisherHomes();
        for (String t : List.of("Protests in Ohio.", "Protests in Texas.", "Protests in Oregon.", "Strikes in Maine.")) {
            homes.add("national.example.com", resolve(t, null));
        }
        assertNull(homes.home("national.example.com"));
    }

    @Test
    void theHomeDecidesAnAmbiguousName() {
        String text = "Police in Alexandria arrested a woman on Orchard Street.";
        PlaceMention alone = resolve(text, null).get(0);
        PlaceMention atHome = resolve(text, new HomeRegion("US", "Louisiana")).get(0);
        assertEquals("EG", alone.location().country(), "on its own, the big Alexandria");
        assertEquals("Louisiana", atHome.location().admin1(), "in a Louisiana paper, Alexandria, Louisiana");
        PlaceMention virginia = resolve(text, new HomeRegion("US", "Virginia")).get(0);
        assertEquals("Virginia", virginia.location().admin1());
        PlaceMention unknown = resolve(text, new HomeRegion("US", "Atlantis")).get(0);
        assertEquals(alone.location(), unknown.location(), "an unknown home region changes nothing but the country");
    }

    @Test
    void keysAreHostsWithoutWww() {
        assertEquals("thetowntalk.com", PublisherHomes.key("http://www.TheTownTalk.com/article/x"));
        assertEquals("the town talk", PublisherHomes.key(" The Town Talk "));
        assertNull(PublisherHomes.key(" "));
    }
}
