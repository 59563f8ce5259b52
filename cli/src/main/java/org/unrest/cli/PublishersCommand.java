package org.unrest.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.model.PlaceContext.HomeRegion;
import org.unrest.service.Pipelines;
import org.unrest.service.PublisherHomes;
import org.unrest.service.PublisherRecount;
import org.unrest.store.JdbcEventStore;
import org.unrest.store.PublisherCounts;

@Command(name = "publishers", description = {
        "Lists the publishers in the store with the home region ingest learned for each from its own reports",
        "(a region named in at least 30% of at least 3 of its reports, and more than any other), and the regions",
        "they name most. --recount rebuilds the counts from every stored report first (for reports stored before",
        "the counts were kept); run it while nothing is being ingested."})
final class PublishersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Option(names = "--recount", description = "Rebuild the counts from the stored reports first.")
    boolean recount;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (JdbcEventStore store = db.open()) {
            if (recount) {
                PublisherRecount.Result r = PublisherRecount.recount(store, Pipelines.standard().placeResolver());
                spec.commandLine().getErr().printf("recounted %d stored reports: %d with a publisher, %d publishers%n",
                        r.reports(), r.counted(), r.publishers());
            }
            out.printf("%-40s %8s  %-28s %s%n", "publisher", "reports", "home region", "regions named most (reports)");
            for (PublisherCounts c : store.publishers()) {
                HomeRegion home = PublisherHomes.homeOf(c);
                String regions = c.regionReports().entrySet().stream()
                        .sorted(Map.Entry.<HomeRegion, Long>comparingByValue().reversed()
                                .thenComparing(e -> e.getKey().toString()))
                        .limit(3)
                        .map(e -> e.getKey().admin1() + ", " + e.getKey().country() + " (" + e.getValue() + ")")
                        .collect(Collectors.joining("; "));
                out.printf("%-40s %8d  %-28s %s%n", c.publisher(), c.reports(),
                        home == null ? "-" : home.admin1() + ", " + home.country(), regions);
            }
        }
        out.flush();
        return 0;
    }
}
