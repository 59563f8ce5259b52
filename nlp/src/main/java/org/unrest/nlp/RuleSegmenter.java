package org.unrest.nlp;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unrest.model.Report;
import org.unrest.model.Sentence;
import org.unrest.model.Span;
import org.unrest.pipeline.Segmenter;

/**
 * Sentences from the JDK's {@link BreakIterator} for the report's language, within paragraphs (a line break
 * always ends a sentence, so headings stand alone). Spans are trimmed of white space, and a break after a
 * common abbreviation ("Mr.", "Gen.", "St.") or an initial is undone.
 */
public final class RuleSegmenter implements Segmenter {
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?:\\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|St|Prof|Sen|Rep|Gov|Pres|Jr|Sr|No|vs|etc|U\\.S|U\\.N|г|ул|им|т\\.е)|\\b\\p{Lu})\\.$");
    private static final Pattern PARAGRAPH = Pattern.compile("[^\\n]+");

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Sentence> segment(Report report) {
        String text = report.text();
        Locale locale = report.metadata().language() == null ? Locale.ENGLISH
                : Locale.forLanguageTag(report.metadata().language());
        List<Span> spans = new ArrayList<>();
        Matcher paragraph = PARAGRAPH.matcher(text);
        while (paragraph.find()) {
            splitParagraph(text, paragraph.start(), paragraph.end(), locale, spans);
        }
        List<Sentence> sentences = new ArrayList<>(spans.size());
        for (Span s : spans) {
            sentences.add(new Sentence(sentences.size(), s));
        }
        return sentences;
    }

    private static void splitParagraph(String text, int from, int to, Locale locale, List<Span> out) {
        BreakIterator it = BreakIterator.getSentenceInstance(locale);
        it.setText(text.substring(from, to));
        int start = it.first();
        int pendingStart = -1;
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            Span trimmed = trim(text, from + start, from + end);
            if (trimmed == null) {
                continue;
            }
            int s = pendingStart >= 0 ? pendingStart : trimmed.start();
            if (ABBREVIATION.matcher(text.substring(s, trimmed.end())).find() && end != to - from) {
                pendingStart = s;
                continue;
            }
            out.add(new Span(s, trimmed.end()));
            pendingStart = -1;
        }
        if (pendingStart >= 0) {
            Span trimmed = trim(text, pendingStart, to);
            if (trimmed != null) {
                out.add(trimmed);
            }
        }
    }

    private static Span trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new Span(start, end) : null;
    }
}
