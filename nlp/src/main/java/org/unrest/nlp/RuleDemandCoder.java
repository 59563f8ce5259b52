package org.unrest.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unrest.model.DemandMention;
import org.unrest.model.Document;
import org.unrest.model.Sentence;
import org.unrest.model.Span;
import org.unrest.model.Vocabulary;
import org.unrest.pipeline.DemandCoder;

/**
 * Finds demands with the lexicon {@code demands.tsv}. Sentences that deny demands ("there were no demands to...",
 * "Nor did any of the demands...") yield none. Which event a demand belongs to is the assembler's decision.
 */
public final class RuleDemandCoder implements DemandCoder {
    static final String RESOURCE = "demands.tsv";
    static final Pattern NEGATED = Pattern.compile(
            "\\b(?:no demands?|not raised|nor did|were not|did not|didn't|don't|do not|never)\\b", Lexicons.FLAGS);

    private record Entry(Pattern pattern, LiteralGate gate, String category) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public RuleDemandCoder() {
        for (String[] row : Lexicons.rows(RESOURCE, 2)) {
            if (!Vocabulary.DEMAND_CATEGORIES.containsKey(row[1])) {
                throw new IllegalStateException(RESOURCE + ": unknown demand category " + row[1]);
            }
            entries.add(new Entry(Lexicons.compile(RESOURCE, row[0]), LiteralGate.of(row[0]), row[1]));
        }
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<DemandMention> code(Document document) {
        List<DemandMention> out = new ArrayList<>();
        String text = document.text();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        List<Entry> possible = entries.stream().filter(e -> e.gate.mayMatch(lower)).toList();
        for (Sentence s : document.sentences()) {
            String st = document.sentenceText(s);
            if (possible.isEmpty() || NEGATED.matcher(st).find()) {
                continue;
            }
            String lowerSentence = st.toLowerCase(java.util.Locale.ROOT);
            for (Entry e : possible) {
                if (!e.gate.mayMatch(lowerSentence)) {
                    continue;
                }
                Matcher m = e.pattern.matcher(st);
                while (m.find()) {
                    Span span = new Span(s.span().start() + m.start(), s.span().start() + m.end());
                    if (out.stream().anyMatch(d -> d.span().overlaps(span))) {
                        continue;
                    }
                    out.add(new DemandMention(span, Vocabulary.demand(e.category, span.of(text))));
                }
            }
        }
        out.sort((a, b) -> a.span().compareTo(b.span()));
        return out;
    }
}
