package org.unrest.service;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * publisher has a home when it has at least {@value #MIN_REPORTS} reports and one region is mentioned in at least
 * {@value #MIN_SHARE} of them and in more of them than any other region; otherwise none (a national outlet or
 * wire). Not thread-safe.
 */
public final class PublisherHomes {
    static final int MIN_REPORTS = 3;
    static final double MIN_SHARE = 0.3;
    /** Towns count when resolved with at least this confidence; counties and regions named always count. */
    static final double MIN_CONFIDENCE = 0.8;

    private final Map<String, Map<HomeRegion, Integer>> regionReports = new HashMap<>();
    private final Map<String, Integer> reports = new HashMap<>();

    /** Counts one report of {@code publisher} with these resolved mentions; a null or blank publisher is ignored. */
    public void add(String publisher, List<PlaceMention> mentions) {
        String key = key(publisher);
        if (key == null) {
            return;
        }
        reports.merge(key, 1, Integer::sum);
        Set<HomeRegion> seen = new HashSet<>();
        for (PlaceMention m : mentions) {
            var l = m.location();
            if (l.country() != null && l.admin1() != null && l.regions().isEmpty()
                && (l.geoPrecision() >= 2 || m.confidence() >= MIN_CONFIDENCE)) {
                seen.add(new HomeRegion(l.country(), l.admin1()));
            }
        }
        Map<HomeRegion, Integer> counts = regionReports.computeIfAbsent(key, k -> new HashMap<>());
        for (HomeRegion r : seen) {
            counts.merge(r, 1, Integer::sum);
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
        int top = 0;
        int second = 0;
        for (Map.Entry<HomeRegion, Integer> e : regionReports.get(key).entrySet()) {
            int c = e.getValue();
            if (c > top) {
                second = top;
                top = c;
                best = e.getKey();
            } else if (c > second) {
                second = c;
            }
        }
        return best != null && top >= MIN_SHARE * n && top > second ? best : null;
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
