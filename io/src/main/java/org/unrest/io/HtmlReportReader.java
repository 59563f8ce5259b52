package org.unrest.io;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.unrest.model.Diagnostic;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;

/**
 * An HTML page is one report: its main text (see {@link HtmlText}) and the metadata the page states.
 * Bytes are strict UTF-8 unless a {@code <meta charset>} in the first 2 KiB names another charset.
 */
final class HtmlReportReader {
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_.:-]+)");
    private static final String[] DATE_META = {
        "meta[property=article:published_time]", "meta[name=article:published_time]",
        "meta[itemprop=datePublished]", "meta[name=date]", "meta[name=pubdate]", "meta[name=publishdate]",
        "meta[name=dc.date]", "meta[name=dc.date.issued]", "meta[name=dcterms.date]", "meta[property=og:published_time]"};

    private HtmlReportReader() {
    }

    static void read(Path file, ReadOptions options, ReportSink sink) throws IOException {
        String origin = file.toString();
        try {
            byte[] data = Inputs.readBounded(file, options.maxBytes());
            String html = decode(data);
            Document doc = Jsoup.parse(html);
            ReportMetadata meta = metadata(doc, origin, sink);
            String text = HtmlText.mainText(doc);
            if (text.isBlank()) {
                sink.diagnostic(Diagnostic.error(origin, "HTML yields no text (nothing left after removing markup "
                        + "and boilerplate)"));
                return;
            }
            sink.report(new Report(Inputs.stem(file), text, meta, origin));
        } catch (Inputs.BadInput e) {
            sink.diagnostic(Diagnostic.error(origin, e.getMessage()));
        }
    }

    private static String decode(byte[] data) throws Inputs.BadInput {
        if (data.length == 0) {
            throw new Inputs.BadInput("empty file");
        }
        int from = Inputs.hasBom(data, 0) ? 3 : 0;
        String binary = Inputs.binaryReason(data, from, data.length);
        if (binary != null) {
            throw new Inputs.BadInput(binary);
        }
        String head = new String(data, from, Math.min(2048, data.length - from), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        String html;
        if (m.find() && !m.group(1).toLowerCase(Locale.ROOT).replace("-", "").equals("utf8")
                && Charset.isSupported(m.group(1))) {
            html = new String(data, from, data.length - from, Charset.forName(m.group(1)));
        } else {
            html = Inputs.decodeUtf8(data, from, data.length, 0);
        }
        if (html.isBlank()) {
            throw new Inputs.BadInput("empty file (only whitespace)");
        }
        return Inputs.normaliseNewlines(html);
    }

    static ReportMetadata metadata(Document doc, String origin, ReportSink sink) {
        String title = firstNonBlank(content(doc, "meta[property=og:title]"), doc.title(),
                text(doc.selectFirst("h1")));
        String publisher = firstNonBlank(content(doc, "meta[property=og:site_name]"),
                content(doc, "meta[name=publisher]"));
        String url = firstNonBlank(href(doc.selectFirst("link[rel=canonical]")), content(doc, "meta[property=og:url]"));
        String language = Inputs.language(firstNonBlank(doc.selectFirst("html") == null ? null
                        : doc.selectFirst("html").attr("lang"),
                content(doc, "meta[http-equiv=content-language]"), content(doc, "meta[property=og:locale]")));
        LocalDate published = null;
        String rawDate = null;
        for (String q : DATE_META) {
            rawDate = content(doc, q);
            if (rawDate != null) {
                break;
            }
        }
        if (rawDate == null) {
            Element time = doc.selectFirst("time[datetime][pubdate], article time[datetime], time[datetime]");
            rawDate = time == null ? null : blankToNull(time.attr("datetime"));
        }
        if (rawDate != null) {
            try {
                published = Dates.parse(rawDate);
            } catch (DateTimeParseException e) {
                sink.diagnostic(Diagnostic.warning(origin, "unreadable publication date '"
                        + Inputs.oneLine(rawDate) + "', left empty"));
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        putIf(extra, "description", firstNonBlank(content(doc, "meta[name=description]"),
                content(doc, "meta[property=og:description]")));
        putIf(extra, "author", content(doc, "meta[name=author]"));
        putIf(extra, "modified", content(doc, "meta[property=article:modified_time]"));
        return new ReportMetadata(url, publisher, published, language, title, extra);
    }

    private static void putIf(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static String content(Document doc, String query) {
        Element e = doc.selectFirst(query);
        return e == null ? null : blankToNull(e.attr("content"));
    }

    private static String href(Element link) {
        return link == null ? null : blankToNull(link.attr("href"));
    }

    private static String text(Element e) {
        return e == null ? null : blankToNull(e.text());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
