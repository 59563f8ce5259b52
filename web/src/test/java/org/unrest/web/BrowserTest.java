package org.unrest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrest.model.ReportMetadata;
import org.unrest.service.IngestListener;
import org.unrest.service.IngestService;
import org.unrest.service.IngestSummary;
import org.unrest.service.Role;
import org.unrest.store.EventStore;

/**
 * The page in a real browser (Debian's chromium, driven by Playwright; nothing is downloaded) against a real server
 * over a real store holding the seed article (../shared/seed, ingested as {@code unrest ingest --published 2022-01-20})
 * and a report that tries to run script. Screenshots go to target/screenshots/.
 */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String PASSWORD = "a long password";

    @TempDir
    static Path dir;
    static EventStore store;
    static WebServer server;
    static Playwright playwright;
    static Browser browser;
    static final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path seed = Path.of(System.getProperty("unrest.shared", "../../shared"), "seed", "kazakhstan-january-2022.txt");
        Assumptions.assumeTrue(Files.exists(seed), "../shared/seed is not beside the project");
        if (!Files.isExecutable(CHROMIUM)) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equals("false")) {
                throw new IllegalStateException("CI is set but " + CHROMIUM + " is missing (run-tests installs Debian's chromium)");
            }
            Assumptions.abort(CHROMIUM + " is missing: apt-get install -y --no-install-recommends chromium");
        }
        store = TestStores.open(dir);
        IngestService ingest = new IngestService(store);
        IngestSummary s = ingest.ingest(List.of(seed), new ReportMetadata(null, null, LocalDate.of(2022, 1, 20), null, null,
                Map.of()), IngestListener.NONE);
        assertTrue(s.events() > 10, s.line());
        Path script = dir.resolve("script-report.txt");
        Files.writeString(script, "<script>window.__pwned = 1;</script><img src=x onerror=\"window.__pwned = 2\">"
                + " On 4 January 2022 protesters rallied in Aktobe against fuel prices.");
        ingest.ingest(List.of(script), new ReportMetadata(null, null, LocalDate.of(2022, 1, 5), null, null, Map.of()),
                IngestListener.NONE);
        WebServices services = WebServices.of(store, ingest);
        services.users().add("carol", PASSWORD.toCharArray(), Role.CODER);
        server = new WebServer(services, WebOptions.defaults()).start("127.0.0.1", 0);
        Files.createDirectories(SHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    static Page open(String path) {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1500, 950));
        Page page = ctx.newPage();
        page.onPageError(e -> pageErrors.add(e));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                pageErrors.add(r.status() + " " + r.url());
            }
        });
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                pageErrors.add(m.text());
            }
        });
        page.navigate("http://127.0.0.1:" + server.port() + path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.waitForSelector("#events tr");
        return page;
    }

    static int markersOnMap(Page page) {
        return Integer.parseInt(page.locator("#map").getAttribute("data-markers"));
    }

    @Test
    void mapShowsTheSeedEventsAndTheSliderMovesThem() {
        Page page = open("/");
        int all = markersOnMap(page);
        assertTrue(all > 10, "markers: " + all);
        assertTrue(page.locator(".leaflet-interactive, .marker-cluster").count() > 0, "drawn on the map");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("map.png")));
        // to the first day: only the events that had started by then
        page.locator("#day").fill("0");
        page.locator("#day").dispatchEvent("input");
        int first = markersOnMap(page);
        assertTrue(first >= 1 && first < all, first + " of " + all + " on the first day");
        assertTrue(page.locator("#dayLabel").textContent().contains("up to 20"), page.locator("#dayLabel").textContent());
        page.locator("#play").click();
        page.waitForCondition(() -> markersOnMap(page) > first, new Page.WaitForConditionOptions().setTimeout(10000));
        page.context().close();
        assertTrue(pageErrors.isEmpty(), "no script errors: " + pageErrors);
    }

    @Test
    void eventEvidenceIsHighlightedAndACoderEditsAndAcceptsIt() {
        Page page = open("/");
        page.locator("#events tr").first().click();
        Locator mark = page.locator("#detail mark").first();
        mark.waitFor();
        assertFalse(mark.textContent().isBlank(), "a supporting sentence is highlighted");
        assertTrue(page.locator("#detail .report-text").textContent().contains(mark.textContent()));
        assertTrue(page.locator("#detail").textContent().contains("Log in as a coder"));
        String eventId = page.url().replaceAll(".*#event=", "");

        page.locator("#login input[name=name]").fill("carol");
        page.locator("#login input[name=password]").fill(PASSWORD);
        page.locator("#login button").click();
        page.locator("#who").waitFor();
        assertTrue(page.locator("#who").textContent().contains("carol (coder)"));
        try {
            page.locator("#detail #edit").waitFor();
        } catch (RuntimeException e) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("debug.png")));
            throw e;
        }
        page.locator("#detail #edit").click();
        page.locator("form.edit input[name=fatalities]").fill("7");
        page.locator("form.edit input[name=actor2_group]").fill("oil workers");
        page.locator("form.edit input[name=demands]").fill("wages, right_to_organise");
        page.locator("form.edit input[name=note]").fill("the report says seven");
        page.locator("form.edit button[type=submit]").click();
        page.waitForCondition(() -> page.locator("#detail tr[data-action=edit]").count() == 1);
        page.keyboard().press("a"); // accept
        page.waitForCondition(() -> page.locator("#detail tr[data-action=accept]").count() == 1);
        String history = page.locator("#detail .history").textContent();
        assertTrue(history.contains("carol") && history.contains("fatalities") && history.contains("7")
                && history.contains("the report says seven"), history);
        assertTrue(page.locator("#detail h2 .state").textContent().contains("accepted"));
        var stored = store.event(java.net.URLDecoder.decode(eventId, java.nio.charset.StandardCharsets.UTF_8)).orElseThrow();
        assertEquals("accepted", stored.reviewState().wire());
        assertEquals(List.of("wages", "right_to_organise"), stored.demands().stream().map(d -> d.category()).toList());
        assertEquals("labor wage dispute", stored.demands().get(0).mmCategory());
        assertEquals("oil workers", stored.actor2().group(), "actor 2 edited in the page");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("review.png")));
        page.context().close();
    }

    @Test
    void reportWithScriptIsShownAsTextAndRunsNothing() {
        Page page = open("/?q=");
        Locator row = page.locator("#events tr", new Page.LocatorOptions().setHasText("Aktobe"));
        row.first().click();
        Locator text = page.locator("#detail .report-text").first();
        text.waitFor();
        assertTrue(text.textContent().contains("<script>window.__pwned = 1;</script>"), text.textContent());
        assertTrue(text.textContent().contains("onerror="));
        assertEquals(0, page.locator("#detail script, #detail img").count(), "no element made from the text");
        assertEquals(null, page.evaluate("() => window.__pwned === undefined ? null : window.__pwned"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("inert.png")));
        page.context().close();
    }

    @Test
    void figuresStandSideBySideInTheEventDetail() {
        Page page = open("/?sub_type=Arrests");
        page.locator("#events tr", new Page.LocatorOptions().setHasText("Arrests")).first().click();
        Locator table = page.locator("#detail table.figures");
        table.waitFor();
        String figures = table.textContent();
        assertTrue(figures.contains("killed (whole period)") && figures.contains("164"), figures);
        assertTrue(figures.contains("arrested (whole period)") && figures.contains("10000"), figures);
        assertTrue(figures.contains("kazakhstan-january-2022"), "one column per report: " + figures);
        page.context().close();
    }

    @Test
    void timelineAndAnalysisViewsDraw() {
        Page page = open("/");
        assertTrue(page.locator("#timeline canvas").count() > 0, "the timeline is drawn");
        page.locator(".tabs button[data-tab=analysis]").click();
        page.locator("#analysisTable table[data-view=spread] tbody tr").first().waitFor();
        assertTrue(page.locator("#analysisTable tbody tr").count() >= 3, "regions in the spread");
        page.locator(".views button[data-view=regions]").click();
        page.locator("#analysisTable table[data-view=regions]").waitFor();
        assertTrue(page.locator("#analysisCsv").getAttribute("href").startsWith("/api/analysis/regions.csv"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("analysis.png")));
        page.context().close();
    }
}
