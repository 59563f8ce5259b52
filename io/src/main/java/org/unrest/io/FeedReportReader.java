package org.unrest.io;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.unrest.model.Diagnostic;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;

/**
 * An RSS or Atom feed (read with Rome): each item is a report whose text is its title, a line break, and its
 * content (or else its description) with the HTML removed. Url is the item link, published its date (publication,
 * else update; Rome gives an instant, taken as a UTC date), publisher the feed title, language the feed language.
 * The id is {@code <file stem>-<10 hex digits of SHA-256 of the guid, else the link, else the text>}.
 */
final class FeedReportReader {
    private FeedReportReader() {
    }

    static void read(Path file, ReadOptions options, ReportSink sink) throws IOException {
        String path = file.toString();
        SyndFeed feed;
        try {
            byte[] data = Inputs.readBounded(file, options.maxBytes());
            if (data.length == 0) {
                throw new Inputs.BadInput("empty file");
            }
            int from = Inputs.hasBom(data, 0) ? 3 : 0;
            String binary = Inputs.binaryReason(data, from, data.length);
            if (binary != null) {
                throw new Inputs.BadInput(binary);
            }
            if (new String(data, from, data.length - from, StandardCharsets.ISO_8859_1).isBlank()) {
                throw new Inputs.BadInput("empty file (only whitespace)");
            }
            feed = parse(data);
        } catch (Inputs.BadInput e) {
            sink.diagnostic(Diagnostic.error(path, e.getMessage()));
            return;
        }
        String stem = Inputs.stem(file);
        String publisher = clean(feed.getTitle());
        String language = Inputs.language(feed.getLanguage());
        Map<String, Integer> seen = new HashMap<>();
        int n = 0;
        int reports = 0;
        for (SyndEntry entry : feed.getEntries()) {
            n++;
            String origin = path + "#item-" + n;
            String title = clean(entry.getTitle());
            String body = body(entry);
            String text = join(title, body);
            if (text.isBlank()) {
                sink.diagnostic(Diagnostic.warning(origin, "feed item has neither title nor text, skipped"));
                continue;
            }
            String link = link(entry);
            String guid = blankToNull(entry.getUri());
            String id = stem + "-" + Inputs.shortHash(guid != null ? guid : link != null ? link : text);
            Integer first = seen.putIfAbsent(id, n);
            if (first != null) {
                sink.diagnostic(Diagnostic.warning(origin, "same guid/link as item " + first + " (id '" + id + "')"));
            }
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            LocalDate published = date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            Map<String, String> extra = new LinkedHashMap<>();
            putIf(extra, "guid", guid);
            putIf(extra, "author", blankToNull(entry.getAuthor()));
            String categories = entry.getCategories().stream().map(SyndCategory::getName)
                    .filter(c -> c != null && !c.isBlank()).map(String::strip).collect(Collectors.joining("; "));
            putIf(extra, "categories", blankToNull(categories));
            putIf(extra, "feed_url", blankToNull(feed.getLink()));
            ReportMetadata meta = new ReportMetadata(link, publisher, published, language,
                    title.isEmpty() ? null : title, extra);
            sink.report(new Report(id, text, meta, origin));
            reports++;
        }
        if (n == 0) {
            sink.diagnostic(Diagnostic.warning(path, "feed has no items"));
        } else if (reports == 0) {
            sink.diagnostic(Diagnostic.error(path, "no report could be read from " + n + " feed items"));
        }
    }

    private static SyndFeed parse(byte[] data) throws Inputs.BadInput {
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(data))) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            return input.build(reader);
        } catch (Exception e) {
            // Rome reports bad XML and unknown feed types as exceptions of several kinds; all are input problems
            throw new Inputs.BadInput("malformed feed XML: " + Inputs.oneLine(e.getMessage() != null
                    ? e.getMessage() : e.getClass().getSimpleName()));
        }
    }

    private static String body(SyndEntry entry) {
        List<String> parts = new ArrayList<>();
        for (SyndContent c : entry.getContents()) {
            parts.add(contentText(c));
        }
        String body = String.join("\n", parts).strip();
        if (body.isEmpty() && entry.getDescription() != null) {
            body = contentText(entry.getDescription());
        }
        return body;
    }

    private static String contentText(SyndContent c) {
        String v = c.getValue();
        if (v == null || v.isBlank()) {
            return "";
        }
        String type = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            return plain(v);
        }
        Document doc = Jsoup.parseBodyFragment(v);
        HtmlText.clean(doc);
        return HtmlText.blockText(doc.body());
    }

    private static String plain(String s) {
        StringBuilder out = new StringBuilder();
        for (String line : Inputs.normaliseNewlines(s).split("\n")) {
            String l = line.replaceAll("[\\s\\u00A0]+", " ").strip();
            if (!l.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(l);
            }
        }
        return out.toString();
    }

    /** A title with any markup and entities removed, on one line. */
    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = s.indexOf('<') >= 0 || s.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(s).text() : s;
        return t.replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    private static String join(String title, String body) {
        if (title.isEmpty()) {
            return body;
        }
        if (body.isEmpty()) {
            return title;
        }
        return title + "\n" + body;
    }

    private static String link(SyndEntry entry) {
        String link = blankToNull(entry.getLink());
        if (link == null) {
            for (SyndLink l : entry.getLinks()) {
                if (l.getHref() != null && !l.getHref().isBlank()) {
                    return l.getHref().strip();
                }
            }
        }
        return link;
    }

    private static void putIf(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
