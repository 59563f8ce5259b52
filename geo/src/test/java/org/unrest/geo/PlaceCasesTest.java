package org.unrest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unrest.model.PlaceContext;
import org.unrest.model.PlaceMention;

/** Place mentions in context, English and Russian, from {@code place-cases.jsonl}. */
class PlaceCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GazetteerPlaceResolver RESOLVER = new GazetteerPlaceResolver();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            PlaceCasesTest.class.getResourceAsStream("place-cases.jsonl"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    JsonNode n = JSON.readTree(line);
                    out.add(Arguments.of(n.get("id").asText(), n));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolves(String id, JsonNode c) {
        String text = c.get("text").asText();
        String hint = c.hasNonNull("hint") ? c.get("hint").asText() : null;
        PlaceContext.HomeRegion home = c.hasNonNull("home") ? PlaceContext.HomeRegion.parse(c.get("home").asText())
            : null; // the publisher's home region ("Pennsylvania,US")
        List<PlaceMention> found = RESOLVER.resolve(text, new PlaceContext(LocalDate.parse(c.get("date").asText()),
            hint, null, home));
        SeedArticleTest.assertOffsets(text, found);
        String all = found.stream().map(GeoJsonLines::toJsonLine).reduce("", (a, b) -> a + "\n  " + b);
        for (JsonNode e : c.get("expect")) {
            String want = e.get("text").asText();
            PlaceMention m = found.stream().filter(x -> x.text().equals(want)).findFirst().orElse(null);
            assertNotNull(m, id + ": no mention '" + want + "'; found:" + all);
            JsonNode got = GeoJsonLines.toJson(m);
            e.fields().forEachRemaining(f -> {
                if (f.getKey().equals("text")) {
                    return;
                }
                if (f.getKey().equals("regions")) {
                    List<String> w = new ArrayList<>();
                    f.getValue().forEach(v -> w.add(v.asText()));
                    assertEquals(new java.util.TreeSet<>(w), new java.util.TreeSet<>(m.location().regions()),
                        id + ": regions of '" + want + "'");
                    return;
                }
                assertEquals(f.getValue().asText(), got.path(f.getKey()).asText(),
                    id + ": " + f.getKey() + " of '" + want + "'; got " + got);
            });
        }
        if (c.has("in_name")) { // places inside organisations' names: reported, marked, never an event's place
            for (JsonNode a : c.get("in_name")) {
                assertTrue(found.stream().anyMatch(m -> m.inName() && m.text().equals(a.asText())),
                    id + ": '" + a.asText() + "' should be a place inside a name; found:" + all);
            }
        }
        if (c.has("absent")) {
            for (JsonNode a : c.get("absent")) {
                String no = a.asText();
                for (PlaceMention m : found) {
                    if (m.inName()) {
                        continue;
                    }
                    if (m.text().equals(no) || m.text().contains(no) && !no.contains(" ") && no.length() > 3
                        && m.text().split("\\s+").length == 1) {
                        fail(id + ": '" + no + "' should not be a place; found:" + all);
                    }
                }
            }
        }
        assertTrue(found.stream().allMatch(m -> m.confidence() > 0 && m.confidence() <= 1), id);
    }
}
