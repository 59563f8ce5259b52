package org.unrest.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unrest.model.PlaceContext.HomeRegion;
import org.unrest.model.PlaceMention;
import org.unrest.store.EventStore;
import org.unrest.store.PublisherCounts;
import org.unrest.store.PublisherTally;

/**
 * Where each publisher is at home: the first-level region that the places of most of its reports lie in. A local
 * newspaper writes "Alexandria" and "Paris" for the towns near it, and says so in other reports (it names its
 * parish, its county, its state); learning that from the publisher's own reports, and from nothing else, lets the
 * place resolver read the ambiguous names of each report the way the paper's readers do (the "local lexicon" of
 * Lieberman, Samet and Sankaranarayanan, ICDE 2010).
 *
 * <p>Each report counts once per region it mentions ({@link #tally}): a county or region named, or a town resolved
 * with confidence {@value #MIN_CONFIDENCE} or more (at home in the text's country, or unambiguous), in that
 * first-level region. A report that names the first-level region itself ("Tennessee", "Ky.", with confidence
 * {@value #MIN_CONFIDENCE} or more) weighs twice for it: a local paper names its own state, while the towns and
 * counties it names may be read in another state of the same names ("Henry County" is in six). A publisher has a
 * home ({@link #homeOf(long, Map, Map, Map)}) when it has at least {@value #MIN_REPORTS} reports, one region is
 * mentioned in at least {@value #MIN_SHARE} of them, and that region has the most weight, more than any other, or
 * as much as the most and its own name written more often ("Virginia" four times against "Ky." once); otherwise
 * none (a national outlet or wire).
 *
 * <p>This class is the one place these rules live: {@code evaluate-places} counts in memory with an instance
 * ({@link #add}, {@link #home(String)}); ingest keeps the counts in the store ({@link #tally},
 * {@link #homeOf(EventStore, String)}). An instance is not thread-safe; the static methods are.
 */
public final class PublisherHomes {
    static final int MIN_REPORTS = 3;
    static final double MIN_SHARE = 0.3;
    /** Towns count when resolved with at least this confidence; counties and regions named always count. */
    static final double MIN_CONFIDENCE = 0.8;
    /** Keys longer than this are cut and given a hash, so any publisher name fits a database index. */
    static final int MAX_KEY_LENGTH = 200;

    private final Map<String, Long> reports = new HashMap<>();
    private final Map<String, Map<HomeRegion, Long>> regionReports = new HashMap<>();
    private final Map<String, Map<HomeRegion, Long>> regionWeights = new HashMap<>();
    private final Map<String, Map<HomeRegion, Long>> regionNamed = new HashMap<>();

    /** Counts one report of {@code publisher} with these resolved mentions; a null or blank publisher is ignored. */
    public void add(String publisher, List<PlaceMention> mentions) {
        PublisherTally t = tally(publisher, mentions);
        if (t == null) {
            return;
        }
        String key = t.publisher();
        reports.merge(key, 1L, Long::sum);
        Map<HomeRegion, Long> reportsOf = regionReports.computeIfAbsent(key, k -> new HashMap<>());
        Map<HomeRegion, Long> weights = regionWeights.computeIfAbsent(key, k -> new HashMap<>());
        Map<HomeRegion, Long> named = regionNamed.computeIfAbsent(key, k -> new HashMap<>());
        for (HomeRegion r : t.regions()) {
            reportsOf.merge(r, 1L, Long::sum);
            weights.merge(r, (long) t.weight(r), Long::sum);
            named.merge(r, (long) t.timesNamed(r), Long::sum);
        }
    }

    /** The publisher's home region, or null when it has none (too few reports, or no region stands out). */
    public HomeRegion home(String publisher) {
        String key = key(publisher);
        Long n = key == null ? null : reports.get(key);
        return n == null ? null
                : homeOf(n, regionReports.get(key), regionWeights.get(key), regionNamed.get(key));
    }

    /** Publishers seen so far. */
    public int publishers() {
        return reports.size();
    }

    /**
     * What one report of {@code publisher} with these resolved mentions adds to the counts: the first-level regions
     * of counties and regions named and of towns resolved with confidence {@value #MIN_CONFIDENCE} or more (vague
     * regions such as "western Kazakhstan" and countries do not count), each weighing 2 where the report names the
     * region itself with that confidence, else 1; and how often it names each region. Null without a publisher.
     */
    public static PublisherTally tally(String publisher, List<PlaceMention> mentions) {
        String key = key(publisher);
        if (key == null) {
            return null;
        }
        Map<HomeRegion, Integer> weights = new HashMap<>();
        Map<HomeRegion, Integer> named = new HashMap<>();
        for (PlaceMention m : mentions) {
            var l = m.location();
            if (l.country() == null || l.admin1() == null || !l.regions().isEmpty()) {
                continue;
            }
            HomeRegion r = new HomeRegion(l.country(), l.admin1());
            if (l.geoPrecision() >= 3) {
                named.merge(r, 1, Integer::sum);
            }
            if (l.geoPrecision() >= 2 || m.confidence() >= MIN_CONFIDENCE) {
                int weight = l.geoPrecision() >= 3 && m.confidence() >= MIN_CONFIDENCE ? 2 : 1;
                weights.merge(r, weight, Math::max);
            }
        }
        named.keySet().retainAll(weights.keySet());
        return new PublisherTally(key, weights.keySet(), weights, named);
    }

    /**
     * The home of a publisher with {@code reports} reports counted, of which {@code regionReports} mention each
     * region, with these summed {@code weights} and times {@code named}: the region of most weight (on a tie, the
     * one named more often; a tie on both has none) if it is mentioned in at least {@value #MIN_SHARE} of at least
     * {@value #MIN_REPORTS} reports; else null.
     */
    public static HomeRegion homeOf(long reports, Map<HomeRegion, Long> regionReports, Map<HomeRegion, Long> weights,
                                    Map<HomeRegion, Long> named) {
        if (reports < MIN_REPORTS || regionReports == null || weights == null) {
            return null;
        }
        Map<HomeRegion, Long> names = named == null ? Map.of() : named;
        HomeRegion best = null;
        long top = 0;
        long second = 0;
        for (Map.Entry<HomeRegion, Long> e : weights.entrySet()) {
            // weight first; on a tie, the region whose own name the publisher writes more often
            long c = e.getValue() << 32 | Math.min(names.getOrDefault(e.getKey(), 0L), 0xffffffffL);
            if (c > top) {
                second = top;
                top = c;
                best = e.getKey();
            } else if (c > second) {
                second = c;
            }
        }
        return best != null && regionReports.getOrDefault(best, 0L) >= MIN_SHARE * reports && top > second
                ? best : null;
    }

    /** {@link #homeOf(long, Map, Map, Map)} where every mention weighed 1 and no names were counted. */
    public static HomeRegion homeOf(long reports, Map<HomeRegion, Long> regionReports) {
        return homeOf(reports, regionReports, regionReports, Map.of());
    }

    /** The home that a publisher's stored counts give, by {@link #homeOf(long, Map, Map, Map)}. */
    public static HomeRegion homeOf(PublisherCounts counts) {
        return homeOf(counts.reports(), counts.regionReports(), counts.regionWeights(), counts.regionNamed());
    }

    /** The publisher's home as the store's counts have it now; null without a publisher or a home. */
    public static HomeRegion homeOf(EventStore store, String publisher) {
        String key = key(publisher);
        return key == null ? null : store.publisherCounts(key).map(PublisherHomes::homeOf).orElse(null);
    }

    /**
     * The publisher's key: a URL's or domain's host without "www.", lower case ("thetowntalk.com"); any other
     * name stripped and lower-cased ("The Town Talk" → "the town talk"). A key longer than {@value #MAX_KEY_LENGTH}
     * characters is cut and ends in "#" and 16 hex digits of the SHA-256 of the whole key, so it stays distinct.
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
        p = p.startsWith("www.") ? p.substring(4) : p;
        return p.length() <= MAX_KEY_LENGTH ? p : shortened(p);
    }

    private static String shortened(String key) {
        int cut = MAX_KEY_LENGTH - 17;
        if (Character.isHighSurrogate(key.charAt(cut - 1))) {
            cut--;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return key.substring(0, cut) + "#" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
