package org.unrest.geo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.unrest.model.PlaceContext;
import org.unrest.model.PlaceMention;

class Scratch {
    @Test
    void seed() throws Exception {
        String text = Files.readString(Path.of("/work/shared/seed/kazakhstan-january-2022.txt"));
        GazetteerPlaceResolver r = new GazetteerPlaceResolver();
        for (PlaceMention m : r.resolve(text, new PlaceContext(LocalDate.of(2022, 1, 20), null, "en"))) {
            System.out.println(GeoJsonLines.toJsonLine(m));
        }
    }
}
