package org.unrest.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.unrest.contract.EventJson;
import org.unrest.model.Actor;
import org.unrest.model.Demand;
import org.unrest.model.Event;
import org.unrest.model.Figure;
import org.unrest.model.Location;
import org.unrest.model.Source;
import org.unrest.model.Span;

/** Each writer's output is read back with standard tools: Jackson for JSON Lines and GeoJSON, commons-csv for CSV. */
class EventWritersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EXPORT = Instant.parse("2024-05-01T12:00:00Z");
    private static final String HARD_NOTES = "On 4 January 2022, protesters said \"enough\", then marched;\n"
            + "police, with tear gas, dispersed them. Протестующие скандировали «Шал, кет!»";

    static List<Event> events() {
        Event zhanaozen = Event.builder()
                .eventId("kz-2022-0001")
                .eventDate(LocalDate.of(2022, 1, 2))
                .endDate(LocalDate.of(2022, 1, 4))
                .timePrecision(1)
                .eventType("Protests")
                .subEventType("Peaceful protest")
                .forms(List.of("strike", "rally"))
                .actor1(new Actor("Protesters (Kazakhstan)", "protesters", 6, "oil workers"))
                .location(new Location("Жанаозен", "Zhanaozen", 609404L, "KZ", "Mangystau", null, 43.3412, 52.8619,
                        1, null))
                .demands(List.of(new Demand("fuel_prices", "price increases, tax policy", "economic", "gas price")))
                .figures(List.of(new Figure("participants", 1000L, null, null, "event", "estimate", null, "r1",
                        new Span(10, 20))))
                .sources(List.of(new Source("r1", "https://a.example/1", "Steppe, \"Observer\"", LocalDate.of(2022, 1,
                        3), List.of(new Span(0, 40))), new Source("r2", null, "Вести", null, List.of())))
                .confidence(0.9)
                .notes(HARD_NOTES)
                .build();
        Event almaty = Event.builder()
                .eventId("kz-2022-0002")
                .eventDate(LocalDate.of(2022, 1, 5))
                .timePrecision(2)
                .eventType("Riots")
                .subEventType("Violent demonstration")
                .actor1(new Actor("Rioters (Kazakhstan)", "rioters", 5, null))
                .actor2(new Actor("Police Forces of Kazakhstan", "police", 1, null))
                .location(new Location("Almaty", "Almaty", 1526384L, "KZ", "Almaty City", null, 43.25, 76.9167, 1,
                        null))
                .fatalities(3)
                .confidence(0.7)
                .notes("Plain notes.")
                .build();
        Event nowhere = Event.builder()
                .eventId("xx-0003")
                .eventDate(LocalDate.of(2021, 3, 1))
                .timePrecision(3)
                .eventType("Violence against civilians")
                .subEventType("Attack")
                .actor1(new Actor("Unidentified Armed Group (Georgia)", "armed_group", 3, null))
                .actor2(new Actor("Civilians (Georgia)", "civilians", 7, null))
                .location(new Location("somewhere in Georgia", null, null, "GE", null, null, null, null, 3, null))
                .build();
        return List.of(zhanaozen, almaty, nowhere);
    }

    private static String write(EventWriter w, ByteArrayOutputStream out) throws IOException {
        w.writeAll(events());
        w.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesAreContractLinesThatRoundTrip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = write(new JsonlEventWriter(out), out);
        String[] lines = s.split("\n", -1);
        assertEquals(4, lines.length, "three lines, each ending in LF");
        assertEquals("", lines[3]);
        for (int i = 0; i < 3; i++) {
            Event e = events().get(i);
            assertEquals(EventJson.contractLine(e), lines[i]);
            JsonNode n = JSON.readTree(lines[i]);
            assertEquals(e.eventId(), n.get("event_id").asText());
            assertEquals(EventJson.contractLine(e), EventJson.contractLine(EventJson.fromLine(lines[i])));
        }
        assertEquals(HARD_NOTES, JSON.readTree(lines[0]).get("notes").asText());
    }

    @Test
    void fullJsonLinesKeepEvidenceFields() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = write(JsonlEventWriter.full(out), out);
        assertTrue(JSON.readTree(s.split("\n")[0]).has("review_state"));
    }

    @Test
    void acledCsvHasAcledColumnsAndRoundTrips() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = write(new AcledCsvWriter(out, EXPORT), out);
        assertTrue(s.startsWith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
                + "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,"
                + "civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,"
                + "geo_precision,source,source_scale,notes,fatalities,tags,timestamp\r\n"), s);
        List<CSVRecord> rows;
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(s))) {
            assertEquals(AcledCsvWriter.COLUMNS, p.getHeaderNames());
            rows = new ArrayList<>(p.getRecords());
        }
        assertEquals(3, rows.size());
        CSVRecord z = rows.get(0);
        assertEquals("kz-2022-0001", z.get("event_id_cnty"));
        assertEquals("2022-01-02", z.get("event_date"));
        assertEquals("2022", z.get("year"));
        assertEquals("1", z.get("time_precision"));
        assertEquals("Demonstrations", z.get("disorder_type"));
        assertEquals("Protests", z.get("event_type"));
        assertEquals("Peaceful protest", z.get("sub_event_type"));
        assertEquals("Protesters (Kazakhstan)", z.get("actor1"));
        assertEquals("oil workers", z.get("assoc_actor_1"));
        assertEquals("6", z.get("inter1"));
        assertEquals("", z.get("actor2"));
        assertEquals("0", z.get("inter2"));
        assertEquals("60", z.get("interaction"));
        assertEquals("", z.get("civilian_targeting"));
        assertEquals("398", z.get("iso"));
        assertEquals("Caucasus and Central Asia", z.get("region"));
        assertEquals("Kazakhstan", z.get("country"));
        assertEquals("Mangystau", z.get("admin1"));
        assertEquals("Zhanaozen", z.get("location"));
        assertEquals("43.3412", z.get("latitude"));
        assertEquals("52.8619", z.get("longitude"));
        assertEquals("1", z.get("geo_precision"));
        assertEquals("Steppe, \"Observer\"; Вести", z.get("source"));
        assertEquals(HARD_NOTES, z.get("notes"));
        assertEquals("0", z.get("fatalities"), "unknown fatalities are 0 in ACLED");
        assertEquals("strike; rally", z.get("tags"));
        assertEquals(Long.toString(EXPORT.getEpochSecond()), z.get("timestamp"));

        CSVRecord a = rows.get(1);
        assertEquals("Demonstrations", a.get("disorder_type"));
        assertEquals("15", a.get("interaction"));
        assertEquals("3", a.get("fatalities"));
        assertEquals("43.2500", a.get("latitude"));

        CSVRecord g = rows.get(2);
        assertEquals("Political violence", g.get("disorder_type"));
        assertEquals("37", g.get("interaction"));
        assertEquals("Civilian targeting", g.get("civilian_targeting"));
        assertEquals("268", g.get("iso"));
        assertEquals("Georgia", g.get("country"));
        assertEquals("somewhere in Georgia", g.get("location"));
        assertEquals("", g.get("latitude"));
    }

    @Test
    void acledConventions() {
        assertEquals("Demonstrations", AcledCsvWriter.disorderType("Riots"));
        assertEquals("Political violence", AcledCsvWriter.disorderType("Battles"));
        assertEquals("Political violence", AcledCsvWriter.disorderType("Explosions/Remote violence"));
        assertEquals("Strategic developments", AcledCsvWriter.disorderType("Strategic developments"));
        assertEquals(null, AcledCsvWriter.disorderType("Parade"));
        assertEquals(16, AcledCsvWriter.interaction(6, 1));
        assertEquals(16, AcledCsvWriter.interaction(1, 6));
        assertEquals(66, AcledCsvWriter.interaction(6, 6));
        assertEquals(60, AcledCsvWriter.interaction(6, 0));
        assertEquals(10, AcledCsvWriter.interaction(0, 1));
        assertEquals(0, AcledCsvWriter.interaction(0, 0));
    }

    @Test
    void countryTableCoversTheRegion() {
        for (String cc : List.of("KZ", "KG", "TJ", "TM", "UZ", "AM", "AZ", "GE", "RU", "CN", "US", "UA", "BY", "DE",
                "FR", "GB", "PL", "RS", "MD", "MN", "AF", "IR", "TR")) {
            var c = Countries.byAlpha2(cc).orElseThrow(() -> new AssertionError(cc));
            assertTrue(c.numeric() > 0, cc);
            assertTrue(c.region() != null && !c.region().isBlank(), cc);
        }
        assertEquals(398, Countries.byAlpha2("kz").orElseThrow().numeric());
        assertEquals(643, Countries.byAlpha2("RU").orElseThrow().numeric());
        assertEquals(156, Countries.byAlpha2("CN").orElseThrow().numeric());
        assertEquals(840, Countries.byAlpha2("US").orElseThrow().numeric());
        assertEquals("Russia", Countries.name("RU"));
        assertEquals("Europe", Countries.byAlpha2("RU").orElseThrow().region());
        assertEquals("East Asia", Countries.byAlpha2("CN").orElseThrow().region());
        assertEquals("North America", Countries.byAlpha2("US").orElseThrow().region());
        assertTrue(Countries.byAlpha2("ZZ").isEmpty());
    }

    @Test
    void geoJsonIsAFeatureCollectionWithLonLatPoints() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = write(new GeoJsonWriter(out), out);
        JsonNode fc = JSON.readTree(s);
        assertEquals("FeatureCollection", fc.get("type").asText());
        JsonNode features = fc.get("features");
        assertTrue(features.isArray());
        assertEquals(3, features.size());
        for (int i = 0; i < 3; i++) {
            JsonNode f = features.get(i);
            Event e = events().get(i);
            assertEquals("Feature", f.get("type").asText());
            assertEquals(e.eventId(), f.get("id").asText());
            assertTrue(f.has("geometry"), "geometry is always present (null when unknown)");
            JsonNode props = f.get("properties");
            assertTrue(props.isObject());
            // every contract field is there, with the contract's values
            JsonNode contract = JSON.readTree(EventJson.contractLine(e));
            contract.fieldNames().forEachRemaining(k -> assertEquals(contract.get(k), props.get(k), k));
        }
        JsonNode g = features.get(0).get("geometry");
        assertEquals("Point", g.get("type").asText());
        assertEquals(52.8619, g.get("coordinates").get(0).asDouble(), 1e-9, "longitude first");
        assertEquals(43.3412, g.get("coordinates").get(1).asDouble(), 1e-9, "latitude second");
        JsonNode p0 = features.get(0).get("properties");
        assertEquals("Zhanaozen", p0.get("location_name").asText());
        assertEquals("Mangystau", p0.get("location_admin1").asText());
        assertEquals("Protesters (Kazakhstan)", p0.get("actor1_name").asText());
        assertEquals(HARD_NOTES, p0.get("notes").asText());
        assertTrue(features.get(2).get("geometry").isNull(), "no coordinates: null geometry, still a Feature");
    }

    @Test
    void emptyGeoJsonIsStillValid() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GeoJsonWriter w = new GeoJsonWriter(out)) {
            w.finish();
        }
        JsonNode fc = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("FeatureCollection", fc.get("type").asText());
        assertEquals(0, fc.get("features").size());
    }

    @Test
    void finishLeavesTheStreamOpenCloseClosesIt() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        EventWriter w = EventWriters.create("geojson", out);
        w.write(events().get(0));
        w.finish();
        assertFalse(closed[0]);
        w.close();
        assertTrue(closed[0]);
    }

    @Test
    void writersByName() throws IOException {
        assertTrue(EventWriters.create("jsonl", new ByteArrayOutputStream()) instanceof JsonlEventWriter);
        assertTrue(EventWriters.create("CSV", new ByteArrayOutputStream(), EXPORT) instanceof AcledCsvWriter);
        assertTrue(EventWriters.create("acled", new ByteArrayOutputStream(), EXPORT) instanceof AcledCsvWriter);
        assertTrue(EventWriters.create("geojson", new ByteArrayOutputStream()) instanceof GeoJsonWriter);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventWriters.create("xlsx", new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("known: jsonl, acled-csv, csv, acled, geojson"), e.getMessage());
        assertTrue(EventWriters.create("acled-csv", new ByteArrayOutputStream(), EXPORT) instanceof AcledCsvWriter);
    }
}
