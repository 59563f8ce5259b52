package org.unrest.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Main text of an HTML page: boilerplate removed, the article body chosen, one line per paragraph or heading.
 *
 * <p>Removed: script, style, nav, footer, aside, form, noscript and other non-content elements; page headers
 * (a {@code header} inside {@code article}/{@code main} keeps only its headings); ARIA navigation, banner,
 * contentinfo, complementary, search and dialog roles; hidden elements; and elements whose class or id names
 * boilerplate (cookie/consent banners, share links, menus, breadcrumbs, newsletter boxes, related links, ads,
 * comments, sidebars, pop-ups, paywalls). The body is the largest {@code article}, else
 * {@code [itemprop=articleBody]}, {@code main}, {@code [role=main]}, else the element whose child paragraphs hold
 * the most text (with the page's single {@code h1} put in front when it lies outside).
 */
final class HtmlText {
    private static final String DROP_TAGS = "script, style, nav, footer, aside, form, noscript, iframe, svg, canvas, "
            + "button, select, input, textarea, template, object, embed, dialog, link, meta, map, audio, video";
    private static final String DROP_ROLES = "[role=navigation], [role=banner], [role=contentinfo], "
            + "[role=complementary], [role=search], [role=dialog], [role=alertdialog], [role=menu], [role=menubar], "
            + "[aria-hidden=true], [hidden], [style~=(?i)display\\s*:\\s*none]";
    private static final Set<String> BOILERPLATE_WORDS = Set.of("cookie", "cookies", "consent", "gdpr", "share",
            "sharing", "sharebar", "social", "menu", "navbar", "nav", "navigation", "breadcrumb", "breadcrumbs",
            "newsletter", "subscribe", "subscription", "related", "recommended", "advert", "advertisement", "ads", "ad",
            "promo", "sponsored", "comments", "comment", "sidebar", "popup", "modal", "banner", "skip", "masthead",
            "toolbar", "pagination", "paywall", "signup", "login", "footer", "header", "topbar");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "blockquote", "pre", "section", "article", "main", "header", "table", "tr", "dl", "dt", "dd", "figure",
            "figcaption", "address", "hr", "title", "body", "caption", "details", "summary");

    private HtmlText() {
    }

    /** Removes boilerplate from {@code doc} in place. */
    static void clean(Document doc) {
        doc.select(DROP_TAGS).remove();
        doc.select(DROP_ROLES).remove();
        for (Element header : doc.select("header")) {
            Element parent = header.parent();
            if (parent != null && parent.closest("article, main, [role=main]") != null) {
                List<Element> headings = new ArrayList<>(header.select("h1, h2, h3, h4, h5, h6"));
                header.empty();
                headings.forEach(header::appendChild);
            } else {
                header.remove();
            }
        }
        List<Element> boiler = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            if (isBoilerplate(e)) {
                boiler.add(e);
            }
        }
        for (Element e : boiler) {
            if (e.parent() != null) {
                e.remove();
            }
        }
        for (Element a : doc.select("a[href*=sharer], a[href*=/intent/tweet], a[href*=/share?], a[href*=/share/], "
                + "a[href^=mailto:?]")) {
            a.remove();
        }
    }

    private static boolean isBoilerplate(Element e) {
        String tag = e.normalName();
        if (tag.equals("html") || tag.equals("body") || tag.equals("article") || tag.equals("main")
                || tag.startsWith("h") && tag.length() == 2 && Character.isDigit(tag.charAt(1))) {
            return false;
        }
        if (!namesBoilerplate(e.className()) && !namesBoilerplate(e.id())) {
            return false;
        }
        // never drop an element that holds the article itself
        return e.selectFirst("article, main, [itemprop=articleBody], h1") == null;
    }

    private static boolean namesBoilerplate(String attr) {
        if (attr == null || attr.isEmpty()) {
            return false;
        }
        for (String token : attr.toLowerCase(Locale.ROOT).split("\\s+")) {
            for (String part : token.split("[-_]+")) {
                if (BOILERPLATE_WORDS.contains(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The element holding the main text of a cleaned page. */
    static Element mainElement(Document doc) {
        Element best = largest(doc.select("article"));
        if (best != null) {
            return best;
        }
        for (String q : List.of("[itemprop=articleBody]", "main", "[role=main]")) {
            best = largest(doc.select(q));
            if (best != null) {
                return best;
            }
        }
        Element body = doc.body();
        Element top = null;
        int topScore = 0;
        java.util.Map<Element, Integer> scores = new java.util.IdentityHashMap<>();
        for (Element p : doc.select("p")) {
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            int s = scores.merge(parent, p.text().length(), Integer::sum);
            if (s > topScore) {
                topScore = s;
                top = parent;
            }
        }
        return top != null ? top : body;
    }

    private static Element largest(Elements candidates) {
        Element best = null;
        int bestLen = 0;
        for (Element e : candidates) {
            int len = e.text().length();
            if (len > bestLen) {
                best = e;
                bestLen = len;
            }
        }
        return best;
    }

    /** The page's main text: cleaned, main element chosen, one line per block. */
    static String mainText(Document doc) {
        clean(doc);
        Element main = mainElement(doc);
        String text = blockText(main);
        if (main.selectFirst("h1") == null) {
            Elements h1 = doc.select("h1");
            if (h1.size() == 1) {
                String heading = blockText(h1.first());
                if (!heading.isEmpty() && !text.startsWith(heading)) {
                    text = text.isEmpty() ? heading : heading + "\n" + text;
                }
            }
        }
        return text;
    }

    /** Text of {@code root} with a line break around each block element and {@code br}; blank lines dropped. */
    static String blockText(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    boolean pre = t.parent() instanceof Element pe && pe.closest("pre") != null;
                    sb.append(pre ? t.getWholeText() : t.getWholeText().replaceAll("[\\n\\r\\f]", " "));
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br") || BLOCKS.contains(tag)) {
                        sb.append('\n');
                    } else if (tag.equals("td") || tag.equals("th")) {
                        sb.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
            }
        }, root);
        StringBuilder out = new StringBuilder();
        for (String line : sb.toString().split("[\\n\\r\\f\\u2028\\u2029]")) {
            String l = line.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
            if (!l.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(l);
            }
        }
        return out.toString();
    }
}
