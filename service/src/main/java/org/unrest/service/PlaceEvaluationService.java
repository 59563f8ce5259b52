package org.unrest.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.unrest.model.PlaceContext;
import org.unrest.model.PlaceMention;
import org.unrest.pipeline.PlaceResolver;

/**
 * Scores a place resolver against a toponym corpus with gold coordinates, in the two XML formats of Gritta et
 * al.'s "A Pragmatic Guide to Geoparsing Evaluation": LGL ({@code <toponym><start/><end/><phrase/><gaztag
 * geonameid=…><lat/><lon/>…}) and GeoWebNews ({@code <toponym><extractedName/><start/><end/><geonamesID/>
 * <latitude/><longitude/>…}). Offsets in both count Unicode code points; they are turned into UTF-16 offsets.
 *
 * <p>The gold toponyms are those that carry coordinates. A gold toponym is <em>found</em> when a resolved mention
 * overlaps its span; it is <em>correct</em> when that mention's point lies within 161 km (100 miles) of the gold
 * point. End-to-end accuracy is correct / gold; accuracy on found spans is correct / found; the exact-id rate is
 * the share of gold toponyms with a GeoNames id whose mention carries that id.
 */
public final class PlaceEvaluationService {
    public static final double KM = 161.0;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One gold toponym: UTF-16 offsets, text, GeoNames id (null when none) and point (NaN when none). */
    public record GoldToponym(int start, int end, String text, Long geonameid, double lat, double lon, String type) {
        boolean hasPoint() {
            return !Double.isNaN(lat) && !Double.isNaN(lon);
        }
    }

    /** One article of a corpus. */
    public record Article(String id, String text, LocalDate date, String publisher, List<GoldToponym> toponyms) {
    }

    /** The scores, with the counts they are made of. */
    public record PlaceScores(String corpus, int articles, int gold, int found, int correct, int goldWithId,
                              int exactId, int mentions, int mentionsOnGold, double seconds, long chars) {
        public double endToEnd() {
            return ratio(correct, gold);
        }

        public double foundAccuracy() {
            return ratio(correct, found);
        }

        public double recall() {
            return ratio(found, gold);
        }

        public double exactIdRate() {
            return ratio(exactId, goldWithId);
        }

        /** Mentions that overlap some annotated span (of any type, with or without coordinates) / all mentions. */
        public double precision() {
            return ratio(mentionsOnGold, mentions);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 0 : (double) a / b;
        }

        public String summary() {
            return String.format(java.util.Locale.ROOT,
                "%s: %d articles, %d gold toponyms with coordinates%n"
                    + "  end-to-end accuracy (found and within %.0f km): %.3f (%d/%d)%n"
                    + "  accuracy of found spans:                        %.3f (%d/%d)%n"
                    + "  gold spans found:                               %.3f%n"
                    + "  exact GeoNames id (of %d gold ids):            %.3f (%d)%n"
                    + "  mentions on an annotated span:                  %.3f (%d/%d)%n"
                    + "  %.2f s, %.2f MB/s",
                corpus, articles, gold, KM, endToEnd(), correct, gold, foundAccuracy(), correct, found, recall(),
                goldWithId, exactIdRate(), exactId, precision(), mentionsOnGold, mentions, seconds,
                chars / 1e6 / Math.max(seconds, 1e-9));
        }
    }

    private final PlaceResolver resolver;
    private final boolean publisherHomes;

    /**
     * With {@code publisherHomes}, the corpus is read twice: the first pass resolves every article and learns each
     * publisher's home region from the results ({@link PublisherHomes}; no gold is looked at), the second, scored,
     * pass gives each article its publisher's home.
     */
    public PlaceEvaluationService(PlaceResolver resolver, boolean publisherHomes) {
        this.resolver = resolver;
        this.publisherHomes = publisherHomes;
    }

    public PlaceEvaluationService(PlaceResolver resolver) {
        this(resolver, true);
    }

    public PlaceEvaluationService() {
        this(Pipelines.standard().placeResolver());
    }

    /** Over the standard {@code gazetteer} resolver made with these settings (e.g. {@code demonyms=true}). */
    public static PlaceEvaluationService withSettings(java.util.Map<String, String> settings) {
        return withSettings(settings, true);
    }

    public static PlaceEvaluationService withSettings(java.util.Map<String, String> settings,
                                                      boolean publisherHomes) {
        return new PlaceEvaluationService(new org.unrest.pipeline.StageRegistry().create(PlaceResolver.class,
            "gazetteer", settings), publisherHomes);
    }

    /**
     * Scores the resolver on {@code corpus}; when {@code errors} is not null, writes one JSON line there per gold
     * toponym missed or resolved too far away.
     */
    public PlaceScores evaluate(Path corpus, Writer errors) throws IOException {
        List<Article> articles = read(corpus);
        int gold = 0;
        int found = 0;
        int correct = 0;
        int withId = 0;
        int exact = 0;
        int mentions = 0;
        int onGold = 0;
        long chars = 0;
        long t0 = System.nanoTime();
        PublisherHomes homes = new PublisherHomes();
        List<List<PlaceMention>> alone = new ArrayList<>(articles.size()); // each article without a home
        for (Article a : articles) {
            List<PlaceMention> ms = resolver.resolve(a.text(), new PlaceContext(a.date(), null, "en"));
            alone.add(ms);
            if (publisherHomes) {
                homes.add(a.publisher(), ms);
            }
        }
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            PlaceContext.HomeRegion home = homes.home(a.publisher());
            List<PlaceMention> ms = home == null ? alone.get(i)
                : resolver.resolve(a.text(), new PlaceContext(a.date(), null, "en", home));
            chars += a.text().length();
            mentions += ms.size();
            for (PlaceMention m : ms) {
                boolean annotated = false;
                for (GoldToponym g : a.toponyms()) {
                    if (m.span().start() < g.end() && g.start() < m.span().end()) {
                        annotated = true;
                        break;
                    }
                }
                if (annotated) {
                    onGold++;
                } else if (errors != null) {
                    // a place we report where the corpus marks none: often a false place (a surname, a common
                    // word), sometimes a place the annotators left out
                    ObjectNode o = JSON.createObjectNode();
                    o.put("article", a.id());
                    o.put("start", m.span().start());
                    o.put("end", m.span().end());
                    o.put("error", "unannotated");
                    o.put("found", m.location().text());
                    o.put("name", m.location().name());
                    o.put("country", m.location().country());
                    o.put("feature_class", m.featureClass());
                    o.put("confidence", m.confidence());
                    o.put("context", context(a.text(), m.span().start(), m.span().end()));
                    errors.write(o.toString());
                    errors.write('\n');
                }
            }
            for (GoldToponym g : a.toponyms()) {
                if (!g.hasPoint()) {
                    continue;
                }
                gold++;
                if (g.geonameid() != null) {
                    withId++;
                }
                PlaceMention best = null;
                int bestOverlap = 0;
                for (PlaceMention m : ms) {
                    int overlap = Math.min(m.span().end(), g.end()) - Math.max(m.span().start(), g.start());
                    if (overlap > bestOverlap) {
                        bestOverlap = overlap;
                        best = m;
                    }
                }
                double km = Double.NaN;
                if (best != null) {
                    found++;
                    var l = best.location();
                    if (l.lat() != null && l.lon() != null) {
                        km = distanceKm(g.lat(), g.lon(), l.lat(), l.lon());
                        if (km <= KM) {
                            correct++;
                        }
                    }
                    if (g.geonameid() != null && g.geonameid().equals(l.geonameid())) {
                        exact++;
                    }
                }
                if (errors != null && !(km <= KM)) {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("article", a.id());
                    if (a.publisher() != null) {
                        o.put("publisher", a.publisher());
                        if (home != null) {
                            o.put("publisher_home", home.admin1() + ", " + home.country());
                        }
                    }
                    o.put("start", g.start());
                    o.put("end", g.end());
                    o.put("gold", g.text());
                    o.put("type", g.type());
                    if (g.geonameid() != null) {
                        o.put("gold_geonameid", g.geonameid());
                    }
                    o.put("gold_lat", g.lat());
                    o.put("gold_lon", g.lon());
                    if (best == null) {
                        o.put("error", "missed");
                    } else {
                        o.put("error", "far");
                        o.put("found", best.location().text());
                        o.put("name", best.location().name());
                        o.put("country", best.location().country());
                        if (best.location().geonameid() != null) {
                            o.put("geonameid", best.location().geonameid());
                        }
                        o.put("km", Double.isNaN(km) ? -1 : Math.round(km));
                    }
                    o.put("context", context(a.text(), g.start(), g.end()));
                    errors.write(o.toString());
                    errors.write('\n');
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new PlaceScores(corpus.getFileName().toString(), articles.size(), gold, found, correct, withId, exact,
            mentions, onGold, seconds, chars);
    }

    /** Great-circle distance in kilometres (haversine, mean Earth radius 6371 km). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Reads an LGL or GeoWebNews corpus; a file in neither format gets an IOException naming it and the problem. */
    public static List<Article> read(Path corpus) throws IOException {
        if (!Files.isRegularFile(corpus)) {
            throw new IOException(corpus + ": no such file");
        }
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        List<Article> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(corpus)) {
            XMLStreamReader x = f.createXMLStreamReader(in);
            String id = null;
            String text = null;
            LocalDate date = null;
            String publisher = null;
            List<int[]> spans = new ArrayList<>();
            List<String[]> fields = new ArrayList<>();
            String[] cur = null;
            StringBuilder buf = new StringBuilder();
            boolean sawArticles = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = x.getLocalName();
                    buf.setLength(0);
                    switch (n) {
                        case "articles" -> sawArticles = true;
                        case "article" -> {
                            id = x.getAttributeValue(null, "docid");
                            if (id == null) {
                                id = x.getAttributeValue(null, "file");
                            }
                            id = id == null ? String.valueOf(out.size()) : id;
                            text = null;
                            date = null;
                            publisher = null;
                            fields.clear();
                        }
                        case "toponym" -> cur = new String[8]; // start end text id lat lon type
                        case "gaztag" -> {
                            if (cur != null) {
                                cur[3] = x.getAttributeValue(null, "geonameid");
                            }
                        }
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    buf.append(x.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String n = x.getLocalName();
                    String v = buf.toString();
                    if (cur != null) {
                        switch (n) {
                            case "start" -> cur[0] = v.strip();
                            case "end" -> cur[1] = v.strip();
                            case "phrase", "extractedName" -> cur[2] = v;
                            case "geonamesID" -> cur[3] = v.strip();
                            case "lat", "latitude" -> cur[4] = v.strip();
                            case "lon", "longitude" -> cur[5] = v.strip();
                            case "type" -> cur[6] = v.strip();
                            case "toponym" -> {
                                fields.add(cur);
                                cur = null;
                            }
                            default -> {
                            }
                        }
                    } else if (n.equals("text")) {
                        text = v;
                    } else if (n.equals("domain") || n.equals("link") && publisher == null) {
                        publisher = PublisherHomes.key(v);
                    } else if (n.equals("dltime") && v.length() >= 10) {
                        try {
                            date = LocalDate.parse(v.strip().substring(0, 10));
                        } catch (java.time.format.DateTimeParseException e) {
                            date = null;
                        }
                    } else if (n.equals("article")) {
                        if (text == null) {
                            throw new IOException(corpus + ": article " + id + " has no <text>");
                        }
                        out.add(new Article(id, text, date, publisher, toponyms(corpus, id, text, fields)));
                    }
                    buf.setLength(0);
                }
            }
            if (!sawArticles || out.isEmpty()) {
                throw new IOException(corpus + ": not an LGL or GeoWebNews corpus (no <articles> with <article>s)");
            }
        } catch (XMLStreamException e) {
            throw new IOException(corpus + ": not well-formed XML: " + e.getMessage());
        }
        return out;
    }

    private static List<GoldToponym> toponyms(Path corpus, String id, String text, List<String[]> fields)
        throws IOException {
        List<GoldToponym> out = new ArrayList<>();
        boolean bmp = text.codePointCount(0, text.length()) == text.length();
        int cps = text.codePointCount(0, text.length());
        for (String[] t : fields) {
            int s;
            int e;
            try {
                s = Integer.parseInt(t[0]);
                e = Integer.parseInt(t[1]);
            } catch (NumberFormatException | NullPointerException ex) {
                throw new IOException(corpus + ": article " + id + ": a toponym without numeric <start>/<end>");
            }
            if (s < 0 || e < s || e > cps) {
                continue; // GeoWebNews has a few toponyms with offsets outside their text: not scorable
            }
            if (!bmp) {
                s = text.offsetByCodePoints(0, s);
                e = text.offsetByCodePoints(0, e);
            }
            Long gid = null;
            if (t[3] != null && !t[3].isEmpty()) {
                try {
                    gid = Long.parseLong(t[3]);
                } catch (NumberFormatException ex) {
                    gid = null;
                }
            }
            double lat = parse(t[4]);
            double lon = parse(t[5]);
            out.add(new GoldToponym(s, e, t[2] != null ? t[2] : text.substring(s, e), gid, lat, lon, t[6]));
        }
        return out;
    }

    private static double parse(String s) {
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The text around {@code [start, end)}: 60 characters either side, on one line. */
    private static String context(String text, int start, int end) {
        return text.substring(Math.max(0, start - 60), Math.min(text.length(), end + 60)).replace('\n', ' ');
    }
}
