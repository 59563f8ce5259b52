package org.unrest.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unrest.model.Document;
import org.unrest.model.Figure;
import org.unrest.model.Sentence;
import org.unrest.model.Span;
import org.unrest.pipeline.FigureExtractor;

/**
 * Finds figures: a number ("164", "10,000", "some 10,000", "between 50 and 70", "thousands") near a word that says
 * what it counts (killed, injured, arrested, detained, participants, laid off). Each figure records its qualifier
 * (official, independent, estimate), who claims it (and "disputed by the author" where the report says the figure is
 * too low, too high or doubtful), and its scope: a figure in a sentence with no date of its own
 * that totals a period ("have been arrested", "the official figure", "death toll", "in total") is a period figure.
 * Years, percentages, money, distances and ages are not figures.
 */
public final class RuleFigureExtractor implements FigureExtractor {
    private static final String NUMBER_WORDS = "dozens|hundreds|thousands|tens of thousands|hundreds of thousands|десятки|сотни|тысячи";
    private static final Pattern NUMBER = Pattern.compile(
            "(?<range>(?:between|from) (?<lo>\\d[\\d,. ]*\\d|\\d) (?:and|to) (?<hi>\\d[\\d,. ]*\\d|\\d))"
                    + "|(?<num>\\d{1,3}(?:[, ]\\d{3})+|\\d+(?:\\.\\d+)?)(?: ?(?<mult>thousand|million|тыс\\.?|тысяч[аи]?))?"
                    + "|(?<words>" + NUMBER_WORDS + ")",
            Lexicons.FLAGS);
    private static final Pattern NOT_A_COUNT = Pattern.compile(
            "^\\s*(?:percent|per cent|%|km|kilomet|miles|metres|meters|years?|year-old|tenge|dollars|euros|rubles|am\\b|pm\\b|a\\.m|p\\.m|hours|minutes|\\w+ (?:percent|per cent))",
            Lexicons.FLAGS);
    private static final Pattern MONEY_BEFORE = Pattern.compile("[$€£₸]\\s*$|\\b(?:of|the) \\d+ of the\\s*$");
    private static final Pattern MONTH_AROUND = Pattern.compile(
            "^\\s*(?:January|February|March|April|May|June|July|August|September|October|November|December|января|февраля|декабря)",
            Lexicons.FLAGS);

    private record Kind(String kind, Pattern pattern) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("killed", Pattern.compile("\\b(?:killed|dead|deaths?|died|death toll|fatalities|lives|погиб\\w*|убит\\w*|жертв\\w*)\\b", Lexicons.FLAGS)),
            new Kind("injured", Pattern.compile("\\b(?:injured|wounded|hurt|injuries|ранен\\w*|пострадал\\w*)\\b", Lexicons.FLAGS)),
            new Kind("arrested", Pattern.compile("\\b(?:arrested|arrests|задержан\\w*|арестован\\w*)\\b", Lexicons.FLAGS)),
            new Kind("detained", Pattern.compile("\\b(?:detained|detentions|in custody)\\b", Lexicons.FLAGS)),
            new Kind("laid_off", Pattern.compile("\\b(?:lay-?offs?|laid off|dismissed|made redundant|сокращ\\w*|уволен\\w*)\\b", Lexicons.FLAGS)),
            new Kind("participants", Pattern.compile("\\b(?:protesters|protestors|demonstrators|people (?:gathered|rallied|took part|marched|joined)|participants|took part|gathered|rallied|strikers|marchers|crowd of|участник\\w*|митингующ\\w*)\\b", Lexicons.FLAGS)));

    private static final Pattern PERIOD = Pattern.compile(
            "\\b(?:have been|has been|official figure|death toll|in total|overall|altogether|so far|to date|since the (?:start|beginning)|during the (?:unrest|protests|events)|number of people|всего|в общей сложности)\\b",
            Lexicons.FLAGS);
    private static final Pattern OFFICIAL = Pattern.compile("\\b(?:official(?:ly)?|authorities|government|ministry|prosecutor|police said|официальн\\w*|МВД|по данным властей)\\b", Lexicons.FLAGS);
    private static final Pattern INDEPENDENT = Pattern.compile("\\b(?:human rights|activists|independent|rights groups?|witnesses|правозащитник\\w*)\\b", Lexicons.FLAGS);
    private static final Pattern ESTIMATE = Pattern.compile("\\b(?:some|about|around|approximately|roughly|nearly|almost|up to|more than|over|at least|estimated|an estimated|около|более|порядка|до)\\s*$", Lexicons.FLAGS);
    private static final Pattern DISPUTED = Pattern.compile(
            "\\b(?:(?:probably |almost certainly |likely |far |much )*(?:much )?too (?:low|high)|an? (?:under|over)estimate|"
                    + "underestimat\\w*|understat\\w*|disputed|doubtful|questionable|cannot be trusted|занижен\\w*)\\b",
            Lexicons.FLAGS);
    private static final Pattern ACCORDING = Pattern.compile("\\baccording to (?:the )?(?<who>[\\p{Lu}][\\p{L}'’.-]*(?: [\\p{Lu}][\\p{L}'’.-]*){0,4}|[\\p{L} ]{3,40}?)(?=[,.;]|$)", Lexicons.FLAGS);

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Figure> extract(Document document) {
        String text = document.text();
        List<Figure> out = new ArrayList<>();
        for (Sentence s : document.sentences()) {
            String st = document.sentenceText(s);
            Matcher m = NUMBER.matcher(st);
            while (m.find()) {
                Figure f = figureAt(document, s, st, m, text);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private Figure figureAt(Document document, Sentence s, String st, Matcher m, String text) {
        String after = st.substring(m.end());
        String before = st.substring(0, m.start());
        if (NOT_A_COUNT.matcher(after).find() || MONEY_BEFORE.matcher(before).find() || MONTH_AROUND.matcher(after).find()
                || before.matches("(?s).*\\b(?:January|February|March|April|May|June|July|August|September|October|November|December|on|the|of|in|since|by|until|from|to)\\s*$")
                && m.group("num") != null && m.group("num").length() == 4) {
            return null;
        }
        String num = m.group("num");
        if (num != null && num.matches("(?:1[89]|20)\\d\\d") && m.group("mult") == null) {
            return null; // a year
        }
        if (num != null && before.matches("(?s).*\\d\\s*$")) {
            return null;
        }
        Kind kind = nearestKind(st, m.start(), m.end());
        if (kind == null) {
            return null;
        }
        Long value = null;
        Long min = null;
        Long max = null;
        if (m.group("range") != null) {
            min = parse(m.group("lo"), null);
            max = parse(m.group("hi"), null);
        } else if (num != null) {
            value = parse(num, m.group("mult"));
        } else {
            long[] bounds = wordBounds(m.group("words"));
            min = bounds[0];
            max = bounds[1];
        }
        if (value == null && min == null) {
            return null;
        }
        String prefix = before.length() > 20 ? before.substring(before.length() - 20) : before;
        String qualifier = OFFICIAL.matcher(st).find() ? "official"
                : INDEPENDENT.matcher(st).find() ? "independent"
                : ESTIMATE.matcher(prefix).find() || m.group("words") != null ? "estimate" : null;
        if (value != null && prefix.matches("(?is).*\\b(?:at least|more than|over|более)\\s*$")) {
            min = value;
        } else if (value != null && prefix.matches("(?is).*\\b(?:up to|до)\\s*$")) {
            max = value;
        }
        String claimedBy = null;
        Matcher acc = ACCORDING.matcher(st);
        if (acc.find()) {
            claimedBy = acc.group("who").strip().replaceFirst("(?<=\\p{L}{3})\\.$", "");
        } else if ("official".equals(qualifier)) {
            claimedBy = "authorities";
        }
        if (DISPUTED.matcher(st).find()) {
            claimedBy = (claimedBy == null ? "" : claimedBy + "; ") + "disputed by the author";
        }
        String scope = PERIOD.matcher(st).find() || kind.kind.equals("laid_off") ? "period" : "event";
        Span span = new Span(s.span().start() + m.start(), s.span().start() + m.end());
        return new Figure(kind.kind, value, min, max, scope, qualifier, claimedBy, document.report().id(), span);
    }

    /**
     * What the number counts: the nearest outcome word (killed, injured, arrested, detained, laid off) within 60
     * characters on either side, else the nearest word for participants: "12 protesters were killed" counts the
     * killed, "300 protesters gathered" the participants.
     */
    private static Kind nearestKind(String st, int start, int end) {
        Kind best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (boolean outcomes : new boolean[] {true, false}) {
            for (Kind k : KINDS) {
                if (k.kind.equals("participants") == outcomes) {
                    continue;
                }
                Matcher km = k.pattern.matcher(st);
                while (km.find()) {
                    int d = km.start() >= end ? km.start() - end : start >= km.end() ? start - km.end() : 0;
                    if (d <= 60 && d < bestDistance) {
                        best = k;
                        bestDistance = d;
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    private static Long parse(String digits, String mult) {
        String clean = digits.replaceAll("[ ,]", "");
        try {
            double v = Double.parseDouble(clean);
            if (mult != null) {
                String x = mult.toLowerCase(Locale.ROOT);
                v *= x.startsWith("million") ? 1_000_000 : 1_000;
            }
            return Math.round(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long[] wordBounds(String w) {
        String x = w.toLowerCase(Locale.ROOT);
        if (x.startsWith("tens of thousands")) {
            return new long[] {10_000, 99_999};
        }
        if (x.startsWith("hundreds of thousands")) {
            return new long[] {100_000, 999_999};
        }
        if (x.startsWith("dozens") || x.startsWith("десятки")) {
            return new long[] {24, 99};
        }
        if (x.startsWith("hundreds") || x.startsWith("сотни")) {
            return new long[] {200, 999};
        }
        return new long[] {2_000, 9_999};
    }
}
