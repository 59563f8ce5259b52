package org.unrest.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.geo.GeoJsonLines;
import org.unrest.model.PlaceMention;
import org.unrest.service.PublisherHomes;
import org.unrest.service.TextAnalysisService;
import org.unrest.store.JdbcEventStore;

@Command(name = "places", description = {
        "Prints every place the resolver finds in a text as JSON Lines:",
        "{start, end, text, geonameid, name, country, admin1, lat, lon, feature_class, confidence},",
        "[start, end) being UTF-16 offsets into the input text; also geo_precision, regions for vague regions,",
        "and in_name: true for a place inside an organisation's name (\"Texas Forest Service\")."})
final class PlacesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--published", paramLabel = "YYYY-MM-DD", description = "Date of the text (regions and names as of then).")
    LocalDate published;

    @Option(names = "--country", paramLabel = "CC", description = "ISO 3166-1 alpha-2 code of the country the text is about.")
    String country;

    @Option(names = "--home", paramLabel = "REGION,CC", description = {"The publisher's home first-level region and",
            "country, e.g. \"Louisiana,US\": a local paper's ambiguous names (\"Alexandria\") are read near home."})
    String home;

    @Option(names = "--publisher", paramLabel = "NAME", description = {"Read the text as this publisher's: its home",
            "region as `ingest` learned it from its reports in the store (--db); none if it has not one yet."})
    String publisher;

    @Mixin
    DbOption db;

    @Option(names = "--language", paramLabel = "LANG", description = "Language of the text.")
    String language;

    @Parameters(paramLabel = "FILE|-", description = "The text, or - for standard input.")
    String file;

    @Override
    public Integer call() throws Exception {
        String text = TextInput.read(file);
        var out = spec.commandLine().getOut();
        org.unrest.model.PlaceContext.HomeRegion homeRegion = null;
        if (home != null) {
            try {
                homeRegion = org.unrest.model.PlaceContext.HomeRegion.parse(home);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--home: " + e.getMessage());
            }
        }
        if (publisher != null) {
            if (homeRegion != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "give --home or --publisher, not both");
            }
            try (JdbcEventStore store = db.open()) {
                homeRegion = PublisherHomes.homeOf(store, publisher);
            }
            spec.commandLine().getErr().println("places: " + publisher + ": " + (homeRegion == null
                    ? "no home region learned yet" : "home region " + homeRegion.admin1() + ", " + homeRegion.country()));
        }
        for (PlaceMention m : new TextAnalysisService().places(text, published, country, language, homeRegion)) {
            out.println(GeoJsonLines.toJsonLine(m));
        }
        out.flush();
        return 0;
    }
}
