package org.unrest.geo;

import java.nio.file.Path;
import org.unrest.pipeline.PlaceResolver;
import org.unrest.pipeline.StageFactory;
import org.unrest.pipeline.StageSettings;

/**
 * Makes the {@link GazetteerPlaceResolver} under the name {@value GazetteerPlaceResolver#NAME}. Setting
 * {@code geonames}: a GeoNames table file (cities500.txt, allCountries.txt format) to use instead of the bundled
 * cities15000; {@code min_population}: skip smaller places from that file (default 0).
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
        String file = settings.get("geonames", "");
        long min = Long.parseLong(settings.get("min_population", "0"));
        if (file.isEmpty()) {
            return new GazetteerPlaceResolver(Gazetteer.bundled());
        }
        try (var r = java.nio.file.Files.newBufferedReader(Path.of(file), java.nio.charset.StandardCharsets.UTF_8)) {
            return new GazetteerPlaceResolver(Gazetteer.builder().minPopulation(min).addPlaces(r).build());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
