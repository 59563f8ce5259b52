package org.unrest.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.unrest.model.Actor;
import org.unrest.model.Demand;
import org.unrest.model.Event;
import org.unrest.model.Location;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.model.Source;
import org.unrest.model.Span;
import org.unrest.store.EventStore;
import org.unrest.store.JdbcEventStore;

/**
 * Benchmark, not a test: stores N generated events (default 100,000) in a fresh embedded H2 store, starts the
 * server and measures the median answer time of the map, timeline and analysis endpoints over HTTP.
 * Run: {@code java -cp ... org.unrest.web.Bench [events] [runs]} (see web/README.md).
 */
public final class Bench {
    private static final String[] REGIONS = {"Mangghystau", "Almaty City", "Almaty", "Atyrau", "Aktobe", "West Kazakhstan",
        "Karaganda", "Nur-Sultan City", "Shymkent City", "Kyzylorda", "Zhambyl", "Pavlodar", "Kostanay", "East Kazakhstan"};
    private static final String[][] TYPES = {{"Protests", "Peaceful protest"}, {"Riots", "Violent demonstration"},
        {"Strategic developments", "Arrests"}, {"Battles", "Armed clash"}, {"Protests", "Protest with intervention"}};

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path dir = Files.createTempDirectory("unrest-bench");
        Random rnd = new Random(42);
        try (EventStore store = JdbcEventStore.open(dir.resolve("bench").toString())) {
            long t0 = System.nanoTime();
            int perReport = 1000;
            for (int r = 0; r < n / perReport; r++) {
                String rid = "bench-r" + r;
                List<Event> events = new ArrayList<>(perReport);
                for (int i = 0; i < perReport; i++) {
                    String[] type = TYPES[rnd.nextInt(TYPES.length)];
                    String region = REGIONS[rnd.nextInt(REGIONS.length)];
                    events.add(Event.builder().eventId(rid + "-e" + i)
                            .eventDate(LocalDate.of(2022, 1, 1).plusDays(rnd.nextInt(30)))
                            .eventType(type[0]).subEventType(type[1])
                            .forms(List.of(rnd.nextBoolean() ? "rally" : "strike"))
                            .actor1(new Actor("Protesters (Kazakhstan)", "protesters", 6, null))
                            .actor2(rnd.nextBoolean() ? new Actor("Police Forces of Kazakhstan", "police", 1, null) : null)
                            .location(new Location(region, region, null, "KZ", region, null, 41 + rnd.nextDouble() * 13,
                                    50 + rnd.nextDouble() * 35, 1, List.of()))
                            .demands(rnd.nextBoolean() ? List.of(new Demand("fuel_prices", "price increases, tax policy", "economic", null))
                                    : List.of(new Demand("resignation_of_government", "removal of politician", "political", null)))
                            .fatalities(rnd.nextInt(10) == 0 ? rnd.nextInt(5) : null)
                            .sources(List.of(new Source(rid, null, null, null, List.of(new Span(0, 10)))))
                            .confidence(rnd.nextDouble()).notes("Generated event " + i + " in " + region + ".")
                            .build());
                }
                store.addReport(new Report(rid, "Generated report " + r + " for the benchmark.", ReportMetadata.empty(), null), events);
            }
            System.out.printf("stored %d events in %.1f s%n", store.countEvents(), (System.nanoTime() - t0) / 1e9);
            WebServer server = new WebServer(WebServices.of(store, null), WebOptions.defaults()).start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                for (String path : List.of("/api/events.geojson", "/api/analysis/timeline", "/api/analysis/spread",
                        "/api/analysis/escalation", "/api/analysis/regions", "/api/analysis/actors",
                        "/api/events.geojson?type=Riots&from=2022-01-05&to=2022-01-10",
                        "/api/analysis/timeline?admin1=Almaty+City", "/api/review/queue")) {
                    double[] ms = new double[runs];
                    long bytes = 0;
                    for (int i = -2; i < runs; i++) { // two warm-up calls
                        long s = System.nanoTime();
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(path + " -> " + r.statusCode());
                        }
                        if (i >= 0) {
                            ms[i] = (System.nanoTime() - s) / 1e6;
                        }
                        bytes = r.body().length;
                    }
                    Arrays.sort(ms);
                    System.out.printf("%-62s median %7.1f ms  (min %.1f, max %.1f, %d bytes)%n", path, ms[runs / 2],
                            ms[0], ms[runs - 1], bytes);
                }
            } finally {
                server.stop();
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
