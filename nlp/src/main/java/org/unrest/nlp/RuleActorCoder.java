package org.unrest.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unrest.model.Actor;
import org.unrest.model.ActorMention;
import org.unrest.model.Document;
import org.unrest.model.Span;
import org.unrest.pipeline.ActorCoder;

/**
 * Codes actors with the lexicon {@code actors.tsv}. Names carry a {@code {country}} placeholder that the
 * assembler fills with the report's main country; here it stays as written so the coder needs no geography.
 * "they" and "the strikers" after a named group are the same actor: the pronoun takes the last protest-side actor.
 */
public final class RuleActorCoder implements ActorCoder {
    static final String RESOURCE = "actors.tsv";
    private static final Pattern THEY = Pattern.compile("\\b(?:they|them|their|они)\\b", Lexicons.FLAGS);

    private record Entry(Pattern pattern, LiteralGate gate, String name, String type, int inter, String group) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final boolean bySentence;

    public RuleActorCoder() {
        this(true);
    }

    /**
     * {@code bySentence}: look for each name only in the sentences that have one of its words (an actor's name does
     * not run across sentences); {@code false} searches the whole text, only to check that this finds the same.
     */
    RuleActorCoder(boolean bySentence) {
        this.bySentence = bySentence;
        for (String[] row : Lexicons.rows(RESOURCE, 5)) {
            entries.add(new Entry(Lexicons.compile(RESOURCE, row[0]), LiteralGate.of(row[0]), row[1], row[2], Integer.parseInt(row[3]),
                    row[4].isBlank() ? null : row[4]));
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
    public List<ActorMention> code(Document document) {
        String text = document.text();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        List<Span> parts = new ArrayList<>();
        List<String> lowerParts = new ArrayList<>();
        if (bySentence && !document.sentences().isEmpty()) {
            for (var s : document.sentences()) {
                parts.add(s.span());
                lowerParts.add(s.span().of(text).toLowerCase(java.util.Locale.ROOT));
            }
        } else {
            parts.add(new Span(0, text.length()));
            lowerParts.add(lower);
        }
        List<ActorMention> found = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.gate.mayMatch(lower)) {
                continue;
            }
            // transparent bounds: word boundaries and lookarounds see the text around the sentence
            Matcher m = e.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            for (int p = 0; p < parts.size(); p++) {
                if (!e.gate.mayMatch(lowerParts.get(p))) {
                    continue;
                }
                m.region(parts.get(p).start(), parts.get(p).end());
                while (m.find()) {
                    Span span = new Span(m.start(), m.end());
                    if (found.stream().anyMatch(a -> a.span().overlaps(span))) {
                        continue;
                    }
                    String group = "$0".equals(e.group) ? m.group().toLowerCase(java.util.Locale.ROOT) : e.group;
                    found.add(new ActorMention(span, new Actor(e.name, e.type, e.inter, group)));
                }
            }
        }
        found.sort((a, b) -> a.span().compareTo(b.span()));
        return withPronouns(text, found);
    }

    /** Adds "they" as a mention of the last protest-side group named before it. */
    private static List<ActorMention> withPronouns(String text, List<ActorMention> named) {
        List<ActorMention> out = new ArrayList<>(named);
        Matcher m = THEY.matcher(text);
        while (m.find()) {
            ActorMention antecedent = null;
            for (ActorMention a : named) {
                if (a.span().end() > m.start()) {
                    break;
                }
                if (a.actor().inter() >= 5 && a.actor().inter() <= 6) {
                    antecedent = a;
                }
            }
            if (antecedent != null && m.start() - antecedent.span().end() < 400) {
                out.add(new ActorMention(new Span(m.start(), m.end()), antecedent.actor()));
            }
        }
        out.sort((a, b) -> a.span().compareTo(b.span()));
        return out;
    }
}
