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
 * Benchmark, not a test: stores N generated events (default 100,000) in a fresh embedded H2 store (or the empty
 * database given third), starts the server and measures the median answer time of every endpoint the page loads
 * (map, list, timeline, analysis views, review queue) over HTTP, and the page's first render in chromium.
 * Run: {@code java -cp ... org.unrest.web.Bench [events] [runs] [database]} (see web/README.md).
 */
public final class Bench {
    private static final String[] REGIONS = {"Mangghystau", "Almaty City", "Almaty", "Atyrau", "Aktobe", "West Kazakhstan",
        "Karaganda", "Nur-Sultan City", "Shymkent City", "Kyzylorda", "Zhambyl", "Pavlodar", "Kostanay", "East Kazakhstan"};
    private static final String[][] TYPES = {{"Protests", "Peaceful protest"}, {"Riots", "Violent demonstration"},
        {"Strategic developments", "Arrests"}, {"Battles", "Armed clash"}, {"Protests", "Protest with intervention"}};

    private Bench() {
    }

    /**
     * First render of the page in Debian's chromium (headless, through Playwright; a fresh browser context each time,
     * so nothing is cached): milliseconds from navigation to the list, map and timeline drawn from the first answers
     * (the page's {@code data-first-render-ms}), and to the network falling idle.
     */
    static void firstRender(int port, int runs) {
        java.nio.file.Path chromium = java.nio.file.Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            System.out.println("first render: not measured (" + chromium + " is missing)");
            return;
        }
        try (com.microsoft.playwright.Playwright pw = com.microsoft.playwright.Playwright.create(
                new com.microsoft.playwright.Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             com.microsoft.playwright.Browser browser = pw.chromium().launch(new com.microsoft.playwright.BrowserType.LaunchOptions()
                     .setExecutablePath(chromium).setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run")))) {
            double[] render = new double[runs];
            double[] idle = new double[runs];
            String markers = "";
            for (int i = -1; i < runs; i++) { // one warm-up
                com.microsoft.playwright.BrowserContext ctx = browser.newContext(
                        new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1500, 950));
                com.microsoft.playwright.Page page = ctx.newPage();
                List<String> errors = new ArrayList<>();
                page.onPageError(errors::add);
                long t0 = System.nanoTime();
                page.navigate("http://127.0.0.1:" + port + "/");
                page.waitForSelector("html[data-first-render-ms]", new com.microsoft.playwright.Page.WaitForSelectorOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED).setTimeout(60_000));
                double ms = Double.parseDouble(page.locator("html").getAttribute("data-first-render-ms"));
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                double idleMs = (System.nanoTime() - t0) / 1e6;
                markers = page.locator("#map").getAttribute("data-markers") + " events, "
                        + page.locator(".marker-cluster").count() + " clusters and "
                        + page.locator("path.leaflet-interactive").count() + " points drawn";
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("script errors: " + errors);
                }
                if (i == runs - 1) {
                    System.out.println("  the last first render, resource by resource (ms since navigation: start, end; bytes):");
                    Object entries = page.evaluate("() => performance.getEntriesByType('resource').map(e => "
                            + "e.name.replace(location.origin, '') + ' ' + Math.round(e.startTime) + ' ' + Math.round(e.responseEnd)"
                            + " + ' ' + e.encodedBodySize)");
                    for (Object e : (List<?>) entries) {
                        System.out.println("    " + e);
                    }
                }
                if (i >= 0) {
                    render[i] = ms;
                    idle[i] = idleMs;
                }
                ctx.close();
            }
            Arrays.sort(render);
            Arrays.sort(idle);
            System.out.printf("%-62s median %7.1f ms  (min %.1f, max %.1f; network idle: median %.1f ms; %s)%n",
                    "first render of / (chromium)", render[runs / 2], render[0], render[runs - 1], idle[runs / 2], markers);
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs0 = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path dir = Files.createTempDirectory("unrest-bench");
        Random rnd = new Random(42);
        // a third argument names another (empty) database, e.g. a PostgreSQL URL with currentSchema=...
        String db = args.length > 2 ? args[2] : dir.resolve("bench").toString();
        try (EventStore store = JdbcEventStore.open(db)) {
            System.out.println("store: " + store.location());
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
            long started = System.nanoTime();
            WebServer server = new WebServer(WebServices.of(store, null), WebOptions.defaults()).start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                store.columns().ifPresent(org.unrest.store.EventColumns::size);
                System.out.printf("in-memory columns loaded %.1f s after the server started%n",
                        (System.nanoTime() - started) / 1e9);
                for (String path : List.of("/api/map", "/api/analysis/timeline", "/api/analysis/spread",
                        "/api/analysis/escalation", "/api/analysis/regions", "/api/analysis/actors",
                        "/api/events?limit=1000", "/api/stats", "/api/review/queue",
                        "/api/map?type=Riots&from=2022-01-05&to=2022-01-10",
                        "/api/analysis/timeline?admin1=Almaty+City&review=all",
                        "/api/analysis/regions?actor=police&min_conf=0.5",
                        "/api/analysis/actors?form=strike&from=2022-01-10",
                        "/api/events.geojson?type=Riots&from=2022-01-05&to=2022-01-10",
                        "/api/events.geojson")) {

                    int runs = path.equals("/api/events.geojson") ? Math.min(runs0, 5) : runs0;
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
                firstRender(server.port(), Math.min(runs0, 7));
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
