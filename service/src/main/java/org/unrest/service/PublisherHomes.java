package org.unrest.service;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unrest.model.PlaceContext.HomeRegion;
import org.unrest.model.PlaceMention;

/**
 * Where each publisher is at home: the first-level region that the places of most of its reports lie in. A local
 * newspaper writes "Alexandria" and "Paris" for the towns near it, and says so in other reports (it names its
 * parish, its county, its state); learning that from the publisher's own reports, and from nothing else, lets the
 * place resolver read the ambiguous names of each report the way the paper's readers do (the "local lexicon" of
 * Lieberman, Samet and Sankaranarayanan, ICDE 2010).
 *
 * <p>Each report counts once per region it mentions: a county or region named, or a town resolved with confidence
 * {@value #MIN_CONFIDENCE} or more (at home in the text's country, or unambiguous), in that first-level region. A
 * report that names the first-level region itself ("Tennessee", "Ky.", with confidence {@value #MIN_CONFIDENCE} or
 * more) counts twice for it: a local paper names its own state, while the towns and counties it names may be read
 * in another state of the same names ("Henry County" is in six). A publisher has a home when it has at least
 * {@value #MIN_REPORTS} reports, one region is mentioned in at least {@value #MIN_SHARE} of them, and that region
 * has the most counts, more than any other, or as many as the most and its own name written more often ("Virginia"
 * four times against "Ky." once); otherwise none (a national outlet or wire). Not thread-safe.
 */
public final class PublisherHomes {
    static final int MIN_REPORTS = 3;
    static final double MIN_SHARE = 0.3;
    /** Towns count when resolved with at least this confidence; counties and regions named always count. */
    static final double MIN_CONFIDENCE = 0.8;

    private final Map<String, Map<HomeRegion, Integer>> regionReports = new HashMap<>();
    private final Map<String, Map<HomeRegion, Integer>> regionCounts = new HashMap<>();
    /** Mentions of each region's own name ("Virginia", "Ky."), in all of a publisher's reports: breaks ties. */
    private final Map<String, Map<HomeRegion, Integer>> regionNamed = new HashMap<>();
    private final Map<String, Integer> reports = new HashMap<>();

    /** Counts one report of {@code publisher} with these resolved mentions; a null or blank publisher is ignored. */
    public void add(String publisher, List<PlaceMention> mentions) {
        String key = key(publisher);
        if (key == null) {
            return;
        }
        reports.merge(key, 1, Integer::sum);
        Map<HomeRegion, Integer> seen = new HashMap<>();
        Map<HomeRegion, Integer> named = regionNamed.computeIfAbsent(key, k -> new HashMap<>());
        for (PlaceMention m : mentions) {
            var l = m.location();
            if (l.country() != null && l.admin1() != null && l.regions().isEmpty() && l.geoPrecision() >= 3) {
                named.merge(new HomeRegion(l.country(), l.admin1()), 1, Integer::sum);
            }
            if (l.country() != null && l.admin1() != null && l.regions().isEmpty()
                && (l.geoPrecision() >= 2 || m.confidence() >= MIN_CONFIDENCE)) {
                int weight = l.geoPrecision() >= 3 && m.confidence() >= MIN_CONFIDENCE ? 2 : 1;
                seen.merge(new HomeRegion(l.country(), l.admin1()), weight, Math::max);
            }
        }
        Map<HomeRegion, Integer> reportsOf = regionReports.computeIfAbsent(key, k -> new HashMap<>());
        Map<HomeRegion, Integer> counts = regionCounts.computeIfAbsent(key, k -> new HashMap<>());
        for (Map.Entry<HomeRegion, Integer> r : seen.entrySet()) {
            reportsOf.merge(r.getKey(), 1, Integer::sum);
            counts.merge(r.getKey(), r.getValue(), Integer::sum);
        }
    }

    /** The publisher's home region, or null when it has none (too few reports, or no region stands out). */
    public HomeRegion home(String publisher) {
        String key = key(publisher);
        Integer n = key == null ? null : reports.get(key);
        if (n == null || n < MIN_REPORTS) {
            return null;
        }
        HomeRegion best = null;
        long top = 0;
        long second = 0;
        Map<HomeRegion, Integer> named = regionNamed.getOrDefault(key, Map.of());
        for (Map.Entry<HomeRegion, Integer> e : regionCounts.get(key).entrySet()) {
            // counts first; on a tie, the region whose own name the publisher writes more often
            long c = (long) e.getValue() << 32 | named.getOrDefault(e.getKey(), 0);
            if (c > top) {
                second = top;
                top = c;
                best = e.getKey();
            } else if (c > second) {
                second = c;
            }
        }
        return best != null && regionReports.get(key).get(best) >= MIN_SHARE * n && top > second ? best : null;
    }

    /** Publishers seen so far. */
    public int publishers() {
        return reports.size();
    }

    /**
     * The publisher's key: a URL's or domain's host without "www.", lower case ("thetowntalk.com"); any other
     * name stripped and lower-cased ("The Town Talk" → "the town talk").
     */
    public static String key(String publisher) {
        if (publisher == null || publisher.isBlank()) {
            return null;
        }
        String p = publisher.strip().toLowerCase(Locale.ROOT);
        if (p.contains("://")) {
            try {
                String host = URI.create(p).getHost();
                if (host != null) {
                    p = host;
                }
            } catch (IllegalArgumentException e) {
                // not a URL after all: keep the text
            }
        }
        return p.startsWith("www.") ? p.substring(4) : p;
    }
}
