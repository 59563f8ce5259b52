package org.unrest.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.unrest.model.CandidateEvent;
import org.unrest.model.Document;
import org.unrest.model.Provenance;
import org.unrest.model.Sentence;
import org.unrest.model.Span;
import org.unrest.model.Vocabulary;
import org.unrest.pipeline.EventDetector;

/**
 * Finds candidate events with four lexicons, all data files next to this class:
 * <ul>
 * <li>{@code triggers.tsv}: one regular expression per row with the ACLED type, sub-event type and forms it signals.
 * Rows are in priority order: a match that overlaps a match of an earlier row in the same clause is dropped, so
 * specific rows ("fought with sticks and stones": mob violence) come before general ones ("fought": armed clash).
 * The form {@code @alone} marks a trigger that is kept only when nothing else in its sentence is an event ("killed
 * 11 villagers" alone is an attack; beside "shelling hit the district" it is the shelling's toll), burning or
 * looting aside when no crowd is named ("gunmen killed 17 residents and burned homes" is the attack);</li>
 * <li>{@code blockers.tsv}: words that make a trigger hypothetical, negated or reported as an intention ("may",
 * "not", "promised to", just before it), or figurative (sports "striker", markets "rallied", "stormed the pitch",
 * a charity "march", military exercises), each for the event types it applies to;</li>
 * <li>{@code subsumes.tsv}: within one sentence, one kind of event makes another part of it ("recaptured the town
 * after heavy fighting" is one event, not a battle and a recapture; an intercepted drone is not a drone strike);</li>
 * <li>{@code retypes.tsv}: what the sentence says around a trigger changes its type (detentions at a march are a
 * protest with intervention; a detention "to an unknown location" is a forced disappearance; shooting people who
 * were chanting against the authorities is excessive force against protesters).</li>
 * </ul>
 * Questions are skipped. Within one clause, protest and riot triggers by the same crowd take the most violent type
 * ("marched ... pushed back the police" is a violent demonstration).
 */
public final class RuleEventDetector implements EventDetector {
    static final String RESOURCE = "triggers.tsv";
    static final String BLOCKERS = "blockers.tsv";
    static final String SUBSUMES = "subsumes.tsv";
    static final String RETYPES = "retypes.tsv";
    private static final Pattern STRIKE_CONTEXT = Pattern.compile("\\bstrik|забастов|бастую", Lexicons.FLAGS);
    /** Words naming a crowd (English nouns, regular-expression alternatives), also read by the assembler. */
    static final String CROWD_NOUNS = "protesters|protestors|demonstrators|rioters|crowds?|mobs?|youths|looters|strikers";
    /** Russian stems naming a crowd. */
    static final String CROWD_STEMS_RU = "толп|протестующ|демонстрант|митингующ";
    /**
     * Who burns and loots decides whether a killing beside it is the event: a crowd's arson stays a riot ("rioters
     * torched shops, killing three"), while "gunmen stormed the village, killing 17 residents and burning homes" is
     * one attack on civilians, the burning part of it ({@code subsumes.tsv}: Attack over arson, looting, vandalism).
     */
    private static final Pattern CROWD = Pattern.compile("\\b(?:" + CROWD_NOUNS + ")\\b|" + CROWD_STEMS_RU, Lexicons.FLAGS);
    private static final Set<String> PROPERTY_FORMS = Set.of("arson", "looting", "vandalism");
    /** How far before a trigger a "before" blocker looks, in characters. */
    private static final int BEFORE_WINDOW = 48;

    private record Trigger(int row, BranchGatedPattern branches, LiteralGate gate, String eventType,
                           String subEventType, List<String> forms, double confidence) {
    }

    private enum Window { BEFORE, CLAUSE, SENTENCE }

    private record Blocker(Pattern pattern, LiteralGate gate, Set<String> scope, Window window) {
        boolean appliesTo(Trigger t) {
            return scope.contains("*") || scope.contains(t.eventType) || scope.contains(t.subEventType)
                    || t.forms.stream().anyMatch(scope::contains);
        }
    }

    private record Subsumption(String winner, Set<String> losers) {
    }

    private record Retype(String from, Pattern when, Pattern unless, String eventType, String subEventType,
                          List<String> addForms) {
    }

    private final List<Trigger> triggers = new ArrayList<>();
    private final List<Blocker> blockers = new ArrayList<>();
    private final List<Subsumption> subsumptions = new ArrayList<>();
    private final List<Retype> retypes = new ArrayList<>();
    private final Provenance provenance = new Provenance("event_detector", name(), version());
    private final boolean gated;

    public RuleEventDetector() {
        this(true);
    }

    /** {@code gated = false} runs every row on every clause: only for checking that the gates skip nothing. */
    RuleEventDetector(boolean gated) {
        this.gated = gated;
        for (String[] row : Lexicons.rows(RESOURCE, 5)) {
            checkType(RESOURCE, row[1], row[2]);
            List<String> forms = forms(RESOURCE, row[3]);
            triggers.add(new Trigger(triggers.size(), BranchGatedPattern.of(row[0], Lexicons.compile(RESOURCE, row[0])),
                    LiteralGate.ofContentWords(row[0]), row[1], row[2], forms, Double.parseDouble(row[4])));
        }
        for (String[] row : Lexicons.rows(BLOCKERS, 3)) {
            blockers.add(new Blocker(Lexicons.compile(BLOCKERS, row[0] + (row[2].equals("before") ? "$" : "")),
                    LiteralGate.of(row[0]), Set.of(row[1].split("\\s*,\\s*")), Window.valueOf(row[2].toUpperCase(Locale.ROOT))));
        }
        for (String[] row : Lexicons.rows(SUBSUMES, 2)) {
            subsumptions.add(new Subsumption(row[0], Set.of(row[1].split("\\s*,\\s*"))));
        }
        for (String[] row : Lexicons.rows(RETYPES, 6)) {
            checkType(RETYPES, row[3], row[4]);
            retypes.add(new Retype(row[0], Lexicons.compile(RETYPES, row[1]),
                    row[2].equals("-") ? null : Lexicons.compile(RETYPES, row[2]), row[3], row[4], forms(RETYPES, row[5])));
        }
    }

    private static void checkType(String resource, String type, String sub) {
        if (Vocabulary.typeOf(sub) == null || !Vocabulary.typeOf(sub).equals(type)) {
            throw new IllegalStateException(resource + ": '" + sub + "' is not a sub-event type of '" + type + "'");
        }
    }

    private static List<String> forms(String resource, String column) {
        List<String> forms = Arrays.stream(column.split(",")).map(String::strip).filter(s -> !s.isEmpty() && !s.equals("-")).toList();
        for (String f : forms) {
            if (!f.startsWith("@") && !Vocabulary.FORMS.contains(f)) {
                throw new IllegalStateException(resource + ": unknown form '" + f + "'");
            }
        }
        return forms;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public String version() {
        return "2";
    }

    /** A candidate with the lexicon row that found it. */
    private record Found(Trigger trigger, CandidateEvent event) {
    }

    @Override
    public List<CandidateEvent> detect(Document document) {
        return read(document).events();
    }

    /**
     * What the rules made of a report: the events found, and how many trigger matches a blocker rejected
     * (hypothetical, negated, background, figurative, ordinary crime, the past), which says the report was read
     * and judged, not merely missed.
     */
    public record Reading(List<CandidateEvent> events, int rejected) {
    }

    /** The events found in a report, with the count of trigger matches that blockers rejected. */
    public Reading read(Document document) {
        String text = document.text();
        String lower = text.toLowerCase(Locale.ROOT);
        List<Trigger> possible = triggers.stream().filter(t -> !gated || t.gate.mayMatch(lower)).toList();
        List<Blocker> possibleBlockers = blockers.stream().filter(b -> b.gate.mayMatch(lower)).toList();
        List<CandidateEvent> out = new ArrayList<>();
        int[] rejected = {0};
        for (Sentence sentence : document.sentences()) {
            String st = document.sentenceText(sentence);
            if (st.strip().endsWith("?")) {
                continue;
            }
            List<Found> inSentence = new ArrayList<>();
            for (Span clause : Clauses.of(document, sentence)) {
                inSentence.addAll(detectInClause(document, sentence, clause, text, possible, possibleBlockers, rejected));
            }
            out.addAll(resolveSentence(st, inSentence));
        }
        return new Reading(out, rejected[0]);
    }

    private List<Found> detectInClause(Document document, Sentence sentence, Span clause, String text,
                                       List<Trigger> possible, List<Blocker> possibleBlockers, int[] rejected) {
        String c = clause.of(text);
        String lowerClause = c.toLowerCase(Locale.ROOT);
        String sentenceText = document.sentenceText(sentence);
        List<Found> found = new ArrayList<>();
        List<Span> blockedSpans = new ArrayList<>();
        for (Trigger t : possible) {
            if (gated && !t.gate.mayMatch(lowerClause)) {
                continue;
            }
            List<Span> matches = gated ? t.branches.matches(c, lowerClause) : t.branches.wholeMatches(c);
            for (Span match : matches) {
                if (match.length() == 0) {
                    continue;
                }
                Span span = match.shift(clause.start());
                if (found.stream().anyMatch(f -> f.event.trigger().overlaps(span))
                        || blockedSpans.stream().anyMatch(b -> b.overlaps(span))) {
                    continue; // an earlier, more specific row already read these words
                }
                if (blocked(t, c, match.start(), lowerClause, sentenceText, possibleBlockers)) {
                    blockedSpans.add(span);
                    rejected[0]++;
                    continue;
                }
                List<String> forms = t.forms.stream()
                        .map(f -> f.equals("@strike-or-rally")
                                ? (STRIKE_CONTEXT.matcher(sentenceText).find() ? "strike" : "rally")
                                : f)
                        .filter(f -> !f.equals("@alone"))
                        .toList();
                found.add(new Found(t, new CandidateEvent(document.report().id(), sentence.index(), span, t.eventType,
                        t.subEventType, forms, t.confidence, provenance)));
            }
        }
        found.sort((a, b) -> a.event.trigger().compareTo(b.event.trigger()));
        return escalateDemonstrations(found);
    }

    private static boolean blocked(Trigger t, String clause, int start, String lowerClause, String sentence,
                                   List<Blocker> possibleBlockers) {
        for (Blocker b : possibleBlockers) {
            if (!b.appliesTo(t)) {
                continue;
            }
            String where = switch (b.window) {
                case BEFORE -> clause.substring(Math.max(0, start - BEFORE_WINDOW), start);
                case CLAUSE -> clause;
                case SENTENCE -> sentence;
            };
            if (b.window != Window.BEFORE && !b.gate.mayMatch(b.window == Window.CLAUSE ? lowerClause
                    : sentence.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (b.pattern.matcher(where).find()) {
                return true;
            }
        }
        return false;
    }

    /** Protest and riot triggers in one clause describe one crowd: all take the most violent type among them. */
    private static List<Found> escalateDemonstrations(List<Found> found) {
        boolean riot = found.stream().anyMatch(f -> f.event.subEventType().equals("Violent demonstration"));
        boolean protest = found.stream().anyMatch(f -> f.event.eventType().equals(Vocabulary.PROTESTS));
        if (!riot || !protest) {
            return found;
        }
        List<Found> out = new ArrayList<>();
        for (Found f : found) {
            out.add(f.event.eventType().equals(Vocabulary.PROTESTS)
                    ? new Found(f.trigger, retyped(f.event, Vocabulary.RIOTS, "Violent demonstration", List.of()))
                    : f);
        }
        return out;
    }

    /** Sentence-level rules: {@code @alone} triggers, context retyping, then subsumption. */
    private List<CandidateEvent> resolveSentence(String sentenceText, List<Found> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        boolean crowd = CROWD.matcher(sentenceText).find();
        boolean others = found.stream().anyMatch(f -> !f.trigger.forms.contains("@alone")
                && (crowd || !propertyOnly(f.trigger.forms)));
        List<CandidateEvent> kept = new ArrayList<>();
        for (Found f : found) {
            if (others && f.trigger.forms.contains("@alone")) {
                continue;
            }
            kept.add(f.event);
        }
        List<CandidateEvent> retyped = new ArrayList<>();
        for (CandidateEvent e : kept) {
            CandidateEvent r = e;
            for (Retype rt : retypes) {
                if (r.subEventType().equals(rt.from) && rt.when.matcher(sentenceText).find()
                        && (rt.unless == null || !rt.unless.matcher(sentenceText).find())) {
                    r = retyped(r, rt.eventType, rt.subEventType, rt.addForms);
                    break;
                }
            }
            retyped.add(r);
        }
        List<CandidateEvent> out = new ArrayList<>();
        for (CandidateEvent e : retyped) {
            boolean loses = false;
            for (Subsumption s : subsumptions) {
                if (retyped.stream().anyMatch(w -> w != e && (w.subEventType().equals(s.winner) || w.eventType().equals(s.winner)))
                        && !e.subEventType().equals(s.winner) && !e.eventType().equals(s.winner)
                        && (s.losers.contains(e.subEventType()) || s.losers.contains(e.eventType())
                        || e.forms().stream().anyMatch(f -> s.losers.contains("form:" + f)))) {
                    loses = true;
                    break;
                }
            }
            if (!loses) {
                out.add(e);
            }
        }
        return out;
    }

    /** Damage to property alone (burning, looting, smashing), which is part of an attack on people beside it. */
    private static boolean propertyOnly(List<String> forms) {
        return !forms.isEmpty() && PROPERTY_FORMS.containsAll(forms);
    }

    private static CandidateEvent retyped(CandidateEvent e, String type, String sub, List<String> addForms) {
        Set<String> forms = new LinkedHashSet<>(e.forms());
        forms.addAll(addForms);
        forms.removeIf(f -> f.startsWith("@"));
        return new CandidateEvent(e.reportId(), e.sentenceIndex(), e.trigger(), type, sub, List.copyOf(forms),
                e.confidence(), e.provenance());
    }
}
