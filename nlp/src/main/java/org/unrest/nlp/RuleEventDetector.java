package org.unrest.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unrest.model.CandidateEvent;
import org.unrest.model.Document;
import org.unrest.model.Provenance;
import org.unrest.model.Sentence;
import org.unrest.model.Span;
import org.unrest.model.Vocabulary;
import org.unrest.pipeline.EventDetector;

/**
 * Finds candidate events with the trigger lexicon {@code triggers.tsv}. A trigger is dropped when the words just
 * before it make it hypothetical, negated or reported as an intention ("may", "not", "promised to"), and in
 * questions. Within one clause, protest and riot triggers by the same crowd take the most violent type
 * ("marched ... pushed back the police" is a violent demonstration).
 */
public final class RuleEventDetector implements EventDetector {
    static final String RESOURCE = "triggers.tsv";
    private static final Pattern BLOCKER = Pattern.compile(
            "\\b(?:may|might|would|could|should|must|will|shall|not|no|never|n't|if|whether|unless|nor|threaten(?:ed|s)? to|"
                    + "promis(?:ed|es) to|plan(?:ned|s)? to|want(?:ed|s)? to|call(?:ed|s)? for|demand(?:ed|s)?|"
                    + "urg(?:ed|es)|refus(?:ed|es) to|failed to|tried to|attempts? to|без|не|ни)\\W+(?:\\w+\\W+){0,2}$",
            Lexicons.FLAGS);
    private static final Pattern STRIKE_CONTEXT = Pattern.compile("\\bstrik|забастов", Lexicons.FLAGS);

    private record Trigger(Pattern pattern, LiteralGate gate, String eventType, String subEventType, List<String> forms,
                           double confidence) {
    }

    private final List<Trigger> triggers = new ArrayList<>();
    private final Provenance provenance = new Provenance("event_detector", name(), version());

    public RuleEventDetector() {
        for (String[] row : Lexicons.rows(RESOURCE, 5)) {
            if (Vocabulary.typeOf(row[2]) == null || !Vocabulary.typeOf(row[2]).equals(row[1])) {
                throw new IllegalStateException(RESOURCE + ": '" + row[2] + "' is not a sub-event type of '" + row[1] + "'");
            }
            List<String> forms = Arrays.stream(row[3].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            for (String f : forms) {
                if (!f.startsWith("@") && !Vocabulary.FORMS.contains(f)) {
                    throw new IllegalStateException(RESOURCE + ": unknown form '" + f + "'");
                }
            }
            triggers.add(new Trigger(Lexicons.compile(RESOURCE, row[0]), LiteralGate.of(row[0]), row[1], row[2], forms,
                    Double.parseDouble(row[4])));
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
    public List<CandidateEvent> detect(Document document) {
        String text = document.text();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        List<Trigger> possible = triggers.stream().filter(t -> t.gate.mayMatch(lower)).toList();
        List<CandidateEvent> out = new ArrayList<>();
        for (Sentence sentence : document.sentences()) {
            String st = document.sentenceText(sentence).strip();
            if (st.endsWith("?")) {
                continue;
            }
            for (Span clause : Clauses.of(document, sentence)) {
                out.addAll(detectInClause(document, sentence, clause, text, possible));
            }
        }
        return out;
    }

    private List<CandidateEvent> detectInClause(Document document, Sentence sentence, Span clause, String text,
                                                List<Trigger> possible) {
        String c = clause.of(text);
        String lowerClause = c.toLowerCase(java.util.Locale.ROOT);
        List<CandidateEvent> found = new ArrayList<>();
        for (Trigger t : possible) {
            if (!t.gate.mayMatch(lowerClause)) {
                continue;
            }
            Matcher m = t.pattern.matcher(c);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                String before = c.substring(Math.max(0, m.start() - 40), m.start());
                if (BLOCKER.matcher(before).find()) {
                    continue;
                }
                Span span = new Span(clause.start() + m.start(), clause.start() + m.end());
                if (found.stream().anyMatch(f -> f.trigger().overlaps(span) && f.subEventType().equals(t.subEventType))) {
                    continue;
                }
                List<String> forms = t.forms.stream()
                        .map(f -> f.equals("@strike-or-rally")
                                ? (STRIKE_CONTEXT.matcher(document.sentenceText(sentence)).find() ? "strike" : "rally")
                                : f)
                        .toList();
                found.add(new CandidateEvent(document.report().id(), sentence.index(), span, t.eventType,
                        t.subEventType, forms, t.confidence, provenance));
            }
        }
        found.sort((a, b) -> a.trigger().compareTo(b.trigger()));
        return escalateDemonstrations(found);
    }

    /** Protest and riot triggers in one clause describe one crowd: all take the most violent type among them. */
    private static List<CandidateEvent> escalateDemonstrations(List<CandidateEvent> found) {
        boolean riot = found.stream().anyMatch(f -> f.eventType().equals(Vocabulary.RIOTS));
        boolean peacefulProtest = found.stream().anyMatch(f -> f.subEventType().equals("Peaceful protest"));
        if (!riot || !peacefulProtest) {
            return found;
        }
        List<CandidateEvent> out = new ArrayList<>();
        for (CandidateEvent f : found) {
            out.add(f.subEventType().equals("Peaceful protest")
                    ? new CandidateEvent(f.reportId(), f.sentenceIndex(), f.trigger(), Vocabulary.RIOTS,
                    "Violent demonstration", f.forms(), f.confidence(), f.provenance())
                    : f);
        }
        return out;
    }
}
