package org.unrest.nlp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.unrest.model.Actor;
import org.unrest.model.ActorMention;
import org.unrest.model.Annotations;
import org.unrest.model.CandidateEvent;
import org.unrest.model.Demand;
import org.unrest.model.DemandMention;
import org.unrest.model.Document;
import org.unrest.model.Event;
import org.unrest.model.Evidence;
import org.unrest.model.Figure;
import org.unrest.model.Location;
import org.unrest.model.PlaceMention;
import org.unrest.model.Provenance;
import org.unrest.model.Report;
import org.unrest.model.Sentence;
import org.unrest.model.Source;
import org.unrest.model.Span;
import org.unrest.model.TimeExpression;
import org.unrest.model.Vocabulary;
import org.unrest.pipeline.EventAssembler;

/**
 * Assembles candidate events into coded events the way a coder reads a narrative:
 * <ul>
 * <li><b>when</b>: the time expression nearest the trigger in its clause, else in its sentence, else the story's
 * current time carried from earlier sentences, else the publication month (precision 3);</li>
 * <li><b>where</b>: the most specific place in the clause that is not an origin ("from Russia") or an exception
 * ("with the exception of the capital"); "the entire country", "several cities" mean the country; "here" and
 * sentences with no place take the narrative's current place; national decisions take the country; a vague region
 * becomes one event per first-level region;</li>
 * <li><b>who</b>: the actor in the clause that fits the event (the shooter for excessive force, the state for
 * arrests), "they"/"he" resolved to the last fitting actor, else the event type's default;</li>
 * <li><b>demands</b>: those in the event's sentence; a sentence that raises demands without an event gives them to
 * the last protest before it, and one that names triggers or grievances to the next protest;</li>
 * <li><b>figures</b>: each goes to one event only (its sentence's, else the next within two sentences, else the
 * last before); {@code fatalities} counts only this event's own killed figures.</li>
 * </ul>
 */
public final class NarrativeEventAssembler implements EventAssembler {
    private static final Pattern COUNTRY_WIDE = Pattern.compile(
            "\\b(?:the (?:entire|whole) country|nationwide|across the country|throughout the country|all over the country|"
                    + "(?:in |across )(?:some |several |many |a few |a number of |dozens of |(?:some )?(?:a )?dozen |other |most )+(?:cities|towns|regions|places)|"
                    + "по всей стране|во многих городах)\\b", Lexicons.FLAGS);
    private static final Pattern HERE = Pattern.compile("\\b(?:here|there|the town|the city|здесь|там)\\b", Lexicons.FLAGS);
    private static final Pattern EXCLUDED_BEFORE = Pattern.compile(
            "(?:\\bfrom|\\bexception of(?: the capital of)?|\\bexcept(?: for)?|\\bapart from|\\boutside(?: of)?|\\bother than|\\bbesides|\\bto the border with|\\bclose to)\\s+(?:the\\s+)?$",
            Lexicons.FLAGS);
    private static final Pattern ADJECTIVAL_AFTER = Pattern.compile("^[-–](?:owned|based|backed|led|made|born)\\b");
    private static final Pattern DEMAND_CUE = Pattern.compile(
            "\\b(?:demand\\w*|call(?:ed|ing|s)? for|raised|insist\\w*|wanted|requir\\w*|требова\\w*|требуют)\\b", Lexicons.FLAGS);
    private static final Pattern GRIEVANCE_CUE = Pattern.compile(
            "\\b(?:triggers?|triggered|sparked|grievances?|caused|prompted|over|поводом|причиной)\\b", Lexicons.FLAGS);
    private static final Pattern BY_END = Pattern.compile("\\bby\\s*$", Lexicons.FLAGS);
    /** How many sentences after the last event told there a place stays the narrative's current place. */
    static final int NARRATIVE_SENTENCES = 3;
    private static final Pattern HE = Pattern.compile("\\b(?:he|she|он|она)\\b", Lexicons.FLAGS);

    @Override
    public String name() {
        return "narrative";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Event> assemble(Document document, List<CandidateEvent> candidates, Annotations a) {
        Report report = document.report();
        // places inside organisations' names ("Texas Forest Service") say who, not where; continents (feature
        // class L) are too coarse to be where an event happened
        List<PlaceMention> places = a.places().stream().filter(p -> !p.inName() && !"L".equals(p.featureClass()))
            .toList();
        String country = mainCountry(places);
        Location countryLocation = countryLocation(places, country);
        PlaceMention focus = focusPlace(document, places, country);
        Map<String, String> fill = Map.of("{country}", Countries.name(country));
        List<CandidateEvent> ordered = new ArrayList<>(candidates);
        ordered.sort((x, y) -> x.trigger().compareTo(y.trigger()));

        List<Draft> drafts = new ArrayList<>();
        Location narrativePlace = null;
        Span narrativePlaceSpan = null;
        int narrativeSentence = -1;
        for (CandidateEvent c : ordered) {
            Sentence sentence = document.sentences().get(c.sentenceIndex());
            Span clause = Clauses.containing(document, c.trigger().start());
            Draft d = new Draft(c, sentence, clause);
            chooseTime(d, a.times(), report);
            boolean current = narrativePlace != null && sentence.index() - narrativeSentence <= NARRATIVE_SENTENCES;
            Located where = choosePlace(d, document, places, countryLocation, focus,
                    current ? narrativePlace : null, current ? narrativePlaceSpan : null);
            if (where.explicit) {
                narrativePlace = where.location;
                narrativePlaceSpan = where.span;
                narrativeSentence = sentence.index();
            } else if (current && where.location == narrativePlace) {
                narrativeSentence = sentence.index(); // the story goes on in the same place
            }
            d.location = where.location;
            d.placeSpan = where.span;
            d.placeConfidence = where.confidence;
            drafts.add(d);
        }
        for (Draft d : drafts) {
            retypeBySubject(d, document, a.actors());
        }
        reconcileDemonstrations(drafts, document);
        for (Draft d : drafts) {
            chooseActors(d, document, a.actors(), fill);
        }
        attachDemands(document, drafts, a.demands());
        attachFigures(document, drafts, a.figures());

        List<Event> events = new ArrayList<>();
        for (Draft d : drafts) {
            events.addAll(toEvents(d, document, a));
        }
        return events;
    }

    /** An event being assembled. */
    private static final class Draft {
        CandidateEvent candidate;
        final Sentence sentence;
        final Span clause;
        LocalDate date;
        LocalDate endDate;
        String timeOfDay;
        int precision = 1;
        Span timeSpan;
        double timeConfidence;
        Location location;
        Span placeSpan;
        double placeConfidence;
        Actor actor1;
        Actor actor2;
        Span actorSpan;
        final List<DemandMention> demands = new ArrayList<>();
        final List<Figure> figures = new ArrayList<>();

        Draft(CandidateEvent candidate, Sentence sentence, Span clause) {
            this.candidate = candidate;
            this.sentence = sentence;
            this.clause = clause;
        }

        boolean isDemonstration() {
            String t = candidate.eventType();
            return t.equals(Vocabulary.PROTESTS) || t.equals(Vocabulary.RIOTS);
        }
    }

    // ---- when ----

    private static void chooseTime(Draft d, List<TimeExpression> times, Report report) {
        Span trigger = d.candidate.trigger();
        TimeExpression best = nearest(times, d.clause, trigger, false);
        double confidence = 1.0;
        if (best == null) {
            best = nearest(times, d.sentence.span(), trigger, false);
            confidence = 0.95;
        }
        if (best == null) {
            best = nearest(times, d.clause, trigger, true);
            confidence = 0.9;
        }
        if (best != null) {
            d.timeOfDay = best.timeOfDay();
        } else {
            best = storyTimeBefore(times, d.sentence.span().start());
            confidence = 0.8;
        }
        if (best != null) {
            d.date = best.value();
            d.precision = best.precision();
            d.endDate = best.precision() == 2 && d.timeOfDay == null && best.span().overlaps(d.sentence.span())
                    ? best.endValue() : null;
            if (best.precision() == 2 && best.endValue() != null && best.span().overlaps(d.sentence.span())) {
                d.endDate = best.endValue();
            }
            d.timeSpan = best.span();
            d.timeConfidence = confidence;
            return;
        }
        LocalDate published = report.metadata().published();
        if (published != null) {
            d.date = published.withDayOfMonth(1);
            d.precision = 3;
            d.timeConfidence = 0.5;
        }
    }

    private static TimeExpression nearest(List<TimeExpression> times, Span within, Span trigger, boolean background) {
        TimeExpression best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (TimeExpression t : times) {
            if (t.value() == null || t.background() != background || !within.contains(t.span())) {
                continue;
            }
            int distance = t.span().end() <= trigger.start() ? trigger.start() - t.span().end()
                    : t.span().start() >= trigger.end() ? t.span().start() - trigger.end() : 0;
            if (distance < bestDistance) {
                best = t;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The story's time at a point: where the last expression before it that moved the story left it. */
    private static TimeExpression storyTimeBefore(List<TimeExpression> times, int offset) {
        TimeExpression current = null;
        for (TimeExpression t : times) {
            if (t.span().end() > offset) {
                break;
            }
            if (t.storyDate() != null) {
                current = t;
            }
        }
        if (current == null || current.storyDate().equals(current.value())) {
            return current;
        }
        return new TimeExpression(current.span(), current.text(), current.storyDate(), null, null, 1, current.anchor(),
                false, current.storyDate());
    }

    // ---- where ----

    private record Located(Location location, Span span, double confidence, boolean explicit) {
    }

    private static Located choosePlace(Draft d, Document doc, List<PlaceMention> places, Location countryLocation,
                                       PlaceMention focus,
                                       Location narrative, Span narrativeSpan) {
        String text = doc.text();
        PlaceMention best = null;
        int bestRank = Integer.MAX_VALUE;
        int bestDistance = Integer.MAX_VALUE;
        Set<Long> excludedPlaces = new HashSet<>();
        for (PlaceMention p : places) {
            if (d.clause.contains(p.span()) && excluded(text, p.span()) && p.location().geonameid() != null) {
                excludedPlaces.add(p.location().geonameid());
            }
        }
        for (PlaceMention p : places) {
            if (!d.clause.contains(p.span()) || excluded(text, p.span())
                    || excludedPlaces.contains(p.location().geonameid())) {
                continue;
            }
            int rank = specificity(p.location());
            Span trigger = d.candidate.trigger();
            int distance = Math.abs(p.span().start() - trigger.start());
            if (rank < bestRank || rank == bestRank && distance < bestDistance) {
                best = p;
                bestRank = rank;
                bestDistance = distance;
            }
        }
        String clauseText = d.clause.of(text);
        boolean countryWide = COUNTRY_WIDE.matcher(clauseText).find();
        if (best != null && !(countryWide && bestRank >= 3)) {
            return new Located(best.location(), best.span(), best.confidence(), true);
        }
        if (countryWide && countryLocation != null) {
            java.util.regex.Matcher m = COUNTRY_WIDE.matcher(clauseText);
            m.find();
            Span span = new Span(d.clause.start() + m.start(), d.clause.start() + m.end());
            return new Located(countryLocation.withText(span.of(text)), span, 0.8, true);
        }
        if (best != null) {
            return new Located(best.location(), best.span(), best.confidence(), true);
        }
        if (HERE.matcher(clauseText).find() && narrative != null) {
            return new Located(narrative, narrativeSpan, 0.8, false);
        }
        String type = d.candidate.subEventType();
        boolean national = d.candidate.eventType().equals(Vocabulary.STRATEGIC) && !type.equals("Arrests")
                && d.candidate.forms().stream().noneMatch(f -> f.startsWith("troop_") || f.equals("layoffs"));
        if (national && countryLocation != null) {
            return new Located(countryLocation, null, 0.7, false);
        }
        if (narrative != null) {
            return new Located(narrative, narrativeSpan, 0.7, false);
        }
        if (focus != null) {
            return new Located(focus.location(), focus.span(), 0.6, false);
        }
        return new Located(countryLocation, null, 0.5, false);
    }

    /** 1 populated place, 2 vague region or first-level region, 3 country. */
    private static int specificity(Location l) {
        if (l.geoPrecision() <= 1) {
            return 1;
        }
        if (!l.regions().isEmpty() || l.admin1() != null) {
            return 2;
        }
        return 3;
    }

    private static boolean excluded(String text, Span span) {
        String before = text.substring(Math.max(0, span.start() - 40), span.start());
        String after = text.substring(span.end(), Math.min(text.length(), span.end() + 12));
        return EXCLUDED_BEFORE.matcher(before).find() || ADJECTIVAL_AFTER.matcher(after).find();
    }

    /**
     * The town a report is about: the populated place of its main country named most often (at least twice, or in
     * its first sentence, which is the headline or the lead). Events with no place of their own and no current
     * narrative place happen there rather than somewhere in the country.
     */
    static PlaceMention focusPlace(Document doc, List<PlaceMention> places, String country) {
        Map<Long, Integer> counts = new HashMap<>();
        Map<Long, PlaceMention> first = new HashMap<>();
        for (PlaceMention p : places) {
            Location l = p.location();
            if (l.geoPrecision() == 1 && l.geonameid() != null && Objects.equals(l.country(), country)) {
                counts.merge(l.geonameid(), 1, Integer::sum);
                first.putIfAbsent(l.geonameid(), p);
            }
        }
        Span lead = doc.sentences().isEmpty() ? null : doc.sentences().get(0).span();
        PlaceMention best = null;
        int bestCount = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            PlaceMention p = first.get(e.getKey());
            boolean inLead = lead != null && lead.contains(p.span());
            int count = e.getValue() + (inLead ? 1 : 0);
            if (count >= 2 && (count > bestCount || count == bestCount && p.span().start() < best.span().start())) {
                best = p;
                bestCount = count;
            }
        }
        return best;
    }

    static String mainCountry(List<PlaceMention> places) {
        Map<String, Integer> counts = new HashMap<>();
        for (PlaceMention p : places) {
            if (p.location().country() != null) {
                counts.merge(p.location().country(), p.location().geoPrecision() == 3 ? 1 : 2, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static Location countryLocation(List<PlaceMention> places, String country) {
        if (country == null) {
            return null;
        }
        for (PlaceMention p : places) {
            Location l = p.location();
            if (country.equals(l.country()) && l.geoPrecision() == 3 && l.admin1() == null && l.regions().isEmpty()) {
                return l;
            }
        }
        return new Location(null, Countries.name(country), null, country, null, null, null, null, 3, List.of());
    }

    // ---- what: the actor and the rest of the sentence settle the type ----

    /** An actor named as helping another ("backed by clan militias", "alongside Malian troops") is not the doer. */
    private static final Pattern SUPPORTING_BEFORE = Pattern.compile(
            "\\b(?:backed|supported|aided|helped|assisted|accompanied|joined) by\\s+(?:the\\s+)?$|\\b(?:alongside|along with|together with)\\s+(?:the\\s+)?$",
            Lexicons.FLAGS);
    /** A preposition just before an actor mention: the actor is what the deed was done to or with, not the doer. */
    private static final Pattern OBJECT_BEFORE = Pattern.compile(
            "\\b(?:at|on|against|towards?|into|upon)\\s+(?:the\\s+|a\\s+|an\\s+)?$", Lexicons.FLAGS);
    /** A noun right after an actor mention that makes the mention a modifier: "an army post", "a police station". */
    private static final Pattern MODIFIER_AFTER = Pattern.compile(
            "^\\s+(?:posts?|bases?|positions?|checkpoints?|convoys?|barracks|headquarters|camps?|outposts?|patrols?|"
                    + "vehicles?|buildings?|stations?|garrisons?|units?|uniforms?)\\b", Lexicons.FLAGS);
    /** How far before a trigger an actor mention is still read as the one doing it. */
    private static final int SUBJECT_WINDOW = 90;

    /**
     * The actor doing the deed decides between types the words alone cannot: a building seized by protesters is a
     * violent demonstration, by an armed group a non-state actor overtaking territory, by state forces the government
     * regaining it; shops looted or houses burned by soldiers or militiamen (not by a crowd) are looting/property
     * destruction; a clash fought by protesters is a violent demonstration.
     */
    private static void retypeBySubject(Draft d, Document doc, List<ActorMention> actors) {
        CandidateEvent c = d.candidate;
        ActorMention subject = subject(d, doc, actors);
        if (subject == null) {
            return;
        }
        int inter = subject.actor().inter();
        String sub = c.subEventType();
        boolean seizure = c.forms().contains("seizure");
        boolean crowd = inter == 5 || inter == 6;
        boolean armed = inter >= 2 && inter <= 4;
        if (seizure && crowd && c.eventType().equals(Vocabulary.BATTLES)) {
            d.candidate = retyped(c, Vocabulary.RIOTS, "Violent demonstration");
        } else if (seizure && armed && sub.equals("Government regains territory")) {
            d.candidate = retyped(c, Vocabulary.BATTLES, "Non-state actor overtakes territory");
        } else if (seizure && inter == 1 && sub.equals("Non-state actor overtakes territory")) {
            d.candidate = retyped(c, Vocabulary.BATTLES, "Government regains territory");
        } else if (sub.equals("Violent demonstration") && (inter >= 1 && inter <= 4 || inter == 8)
                && c.forms().stream().anyMatch(f -> f.equals("looting") || f.equals("arson") || f.equals("vandalism")
                || f.equals("storming"))) {
            d.candidate = retyped(c, Vocabulary.STRATEGIC, "Looting/property destruction");
        } else if (sub.equals("Armed clash") && crowd) {
            d.candidate = retyped(c, Vocabulary.RIOTS, "Violent demonstration");
        } else if (sub.equals("Headquarters or base established") && crowd) {
            d.candidate = retyped(c, Vocabulary.PROTESTS, "Peaceful protest", "sit_in");
        }
    }

    /** The actor doing the deed: after "... by", the first actor after the trigger; else the nearest before it. */
    private static ActorMention subject(Draft d, Document doc, List<ActorMention> actors) {
        Span trigger = d.candidate.trigger();
        boolean passiveBy = BY_END.matcher(trigger.of(doc.text())).find();
        ActorMention before = null;
        ActorMention after = null;
        for (ActorMention m : actors) {
            if (!d.clause.contains(m.span())) {
                continue;
            }
            String lead = doc.text().substring(Math.max(d.clause.start(), m.span().start() - 30), m.span().start());
            if (SUPPORTING_BEFORE.matcher(lead).find()) {
                continue;
            }
            if (m.span().end() <= trigger.start() && (OBJECT_BEFORE.matcher(lead).find() || MODIFIER_AFTER.matcher(
                    doc.text().substring(m.span().end(), Math.min(d.clause.end(), m.span().end() + 30))).find())) {
                // "hurled stones at police and torched two cars": the police are the target, not the doer;
                // "overran an army post and took the town": the army names the post, it does not take the town
                continue;
            }
            if (m.span().end() <= trigger.start() && trigger.start() - m.span().end() <= SUBJECT_WINDOW) {
                before = m;
            } else if (after == null && m.span().start() >= trigger.end() && m.span().start() - trigger.end() <= 12) {
                after = m;
            }
        }
        return passiveBy && after != null ? after : before;
    }

    private static CandidateEvent retyped(CandidateEvent c, String type, String sub, String... addForms) {
        List<String> forms = new ArrayList<>(c.forms());
        for (String f : addForms) {
            if (!forms.contains(f)) {
                forms.add(f);
            }
        }
        return new CandidateEvent(c.reportId(), c.sentenceIndex(), c.trigger(), type, sub, forms, c.confidence(),
                c.provenance());
    }

    private static final List<String> DEMONSTRATION_SEVERITY = List.of("Peaceful protest", "Protest with intervention",
            "Excessive force against protesters", "Violent demonstration");

    /**
     * Demonstration events about one place and day are one crowd's story: they all take the most severe type among
     * them (a sit-in broken up with batons is a protest with intervention; a crowd throwing stones at police who
     * answer with tear gas is a violent demonstration). Told in one sentence, events in other places of it ("thousands
     * marched peacefully in Uralsk, while in Almaty police used stun grenades") keep their own; told in sentences
     * close by ({@link #NEARBY_SENTENCES}), the events must share their day and the place (or the milder one have
     * none), and a riot makes the others part of it only when its sentence names a crowd ("tents had been set
     * alight" after troops fired on a sit-in is the crackdown, not a riot). Then detentions and damage told close by
     * are parts of the events beside them ({@link #arrestAtDemonstration}, {@link #damageInAttack}).
     */
    private static void reconcileDemonstrations(List<Draft> drafts, Document doc) {
        for (Draft d : drafts) {
            int rank = DEMONSTRATION_SEVERITY.indexOf(d.candidate.subEventType());
            if (rank < 0) {
                continue;
            }
            int best = rank;
            for (Draft o : drafts) {
                int r = DEMONSTRATION_SEVERITY.indexOf(o.candidate.subEventType());
                if (o == d || r <= best || !Objects.equals(o.date, d.date)) {
                    continue;
                }
                if (o.sentence.index() == d.sentence.index()) {
                    boolean samePlace = o.location == null || d.location == null ? o.clause.equals(d.clause)
                            : SameWhatWhereWhenMerger.samePlace(o.location, d.location);
                    if (samePlace) {
                        best = r;
                    }
                } else if (sameStory(o, d, NEARBY_SENTENCES) && (!o.candidate.subEventType().equals("Violent demonstration")
                        || CROWD.matcher(doc.sentenceText(o.sentence)).find())) {
                    best = r;
                }
            }
            if (best > rank) {
                String sub = DEMONSTRATION_SEVERITY.get(best);
                d.candidate = retyped(d.candidate, Vocabulary.typeOf(sub), sub);
            }
        }
        for (Draft d : drafts) {
            crackdownDamage(d, drafts, doc);
            arrestAtDemonstration(d, drafts, doc);
            damageInAttack(d, drafts);
        }
    }

    /**
     * Burning or smashing told with no crowd in its sentence ("... and said tents had been set alight"), close by force
     * used on a crowd of the same day and place, is part of that crackdown, not a riot.
     */
    private static void crackdownDamage(Draft d, List<Draft> drafts, Document doc) {
        if (!d.candidate.subEventType().equals("Violent demonstration") || d.candidate.forms().isEmpty()
                || !DAMAGE_FORMS.containsAll(d.candidate.forms()) || CROWD.matcher(doc.sentenceText(d.sentence)).find()) {
            return;
        }
        for (Draft o : drafts) {
            String sub = o.candidate.subEventType();
            if ((sub.equals("Protest with intervention") || sub.equals("Excessive force against protesters"))
                    && sameStory(o, d, NEARBY_SENTENCES)) {
                d.candidate = retyped(d.candidate, Vocabulary.PROTESTS, sub);
                return;
            }
        }
    }

    /** How many sentences apart two events may be told and still be parts of one event. */
    static final int NEARBY_SENTENCES = 2;
    /** A crowd, or the protest or riot it makes, named in a sentence (the detector's crowd words and a few more). */
    private static final Pattern CROWD = Pattern.compile("\\b(?:" + RuleEventDetector.CROWD_NOUNS
            + "|marchers|students|protests?|demonstrations?|riots?|unrest)\\b|" + RuleEventDetector.CROWD_STEMS_RU
            + "|участник", Lexicons.FLAGS);
    /** Words that put a detention apart from the demonstration told beside it: later, elsewhere, at home. */
    private static final Pattern APART = Pattern.compile(
            "\\b(?:at (?:their|his|her) homes?|at home|from (?:his|her|their) homes?|later|afterwards|subsequently"
                    + "|the (?:next|following) (?:day|morning|night|week)|days? later|organi[sz]ers?|leaders?)\\b"
                    + "|позже|впоследствии|на следующий день|дома", Lexicons.FLAGS);
    private static final Set<String> DAMAGE_FORMS = Set.of("arson", "looting", "vandalism", "storming");

    /**
     * True when {@code d} is told in another sentence at most {@code sentences} from {@code o}'s, on the same day,
     * with no place of its own or {@code o}'s place: the two may be parts of one event.
     */
    private static boolean sameStory(Draft o, Draft d, int sentences) {
        return o.sentence.index() != d.sentence.index() && Math.abs(o.sentence.index() - d.sentence.index()) <= sentences
                && Objects.equals(o.date, d.date)
                && (d.location == null || o.location != null && SameWhatWhereWhenMerger.samePlace(o.location, d.location));
    }

    /**
     * A detention told in a sentence of its own close by a demonstration of the same day and place ("Riot police
     * fired tear gas to break up a demonstration by nurses ... Thirteen nurses were arrested") is part of it, as ACLED
     * codes arrests at a demonstration; a peaceful one becomes a protest with intervention. Not when the sentence
     * puts the detention apart (at home, later, the organisers).
     */
    private static void arrestAtDemonstration(Draft d, List<Draft> drafts, Document doc) {
        if (!d.candidate.subEventType().equals("Arrests") || d.date == null
                || APART.matcher(doc.sentenceText(d.sentence)).find()) {
            return;
        }
        for (Draft o : drafts) {
            String sub = o.candidate.subEventType();
            if (DEMONSTRATION_SEVERITY.contains(sub) && sameStory(o, d, NEARBY_SENTENCES)) {
                if (sub.equals("Peaceful protest")) {
                    sub = "Protest with intervention";
                    o.candidate = retyped(o.candidate, Vocabulary.PROTESTS, sub);
                }
                d.candidate = retyped(d.candidate, Vocabulary.typeOf(sub), sub);
                return;
            }
        }
    }

    /**
     * Burning, looting or storming by no crowd, told close by an attack, battle or explosion of the same day and place
     * ("Survivors said the attackers also set fire to stalls before leaving"), is part of that event.
     */
    private static void damageInAttack(Draft d, List<Draft> drafts) {
        if (!d.candidate.subEventType().equals("Looting/property destruction") || d.candidate.forms().isEmpty()
                || !DAMAGE_FORMS.containsAll(d.candidate.forms())) {
            return;
        }
        for (Draft o : drafts) {
            String type = o.candidate.eventType();
            if ((type.equals(Vocabulary.VIOLENCE_AGAINST_CIVILIANS) || type.equals(Vocabulary.BATTLES)
                    || type.equals(Vocabulary.EXPLOSIONS)) && sameStory(o, d, NARRATIVE_SENTENCES)) {
                d.candidate = retyped(d.candidate, type, o.candidate.subEventType());
                return;
            }
        }
    }

    // ---- who ----

    private static void chooseActors(Draft d, Document doc, List<ActorMention> actors, Map<String, String> fill) {
        CandidateEvent c = d.candidate;
        String sub = c.subEventType();
        List<ActorMention> inClause = actors.stream().filter(m -> d.clause.contains(m.span())).toList();
        boolean passiveBy = BY_END.matcher(c.trigger().of(doc.text())).find();
        ActorMention chosen = null;
        ActorMention other = null;
        switch (sub) {
            case "Excessive force against protesters", "Protest with intervention" -> {
                chosen = pick(inClause, c.trigger(), passiveBy, a -> a.inter() == 1);
                other = pick(inClause, c.trigger(), false, a -> a.inter() == 5 || a.inter() == 6);
            }
            case "Government regains territory", "Arrests" -> {
                chosen = pick(inClause, c.trigger(), passiveBy, a -> a.inter() == 1);
                other = pick(inClause, c.trigger(), false, a -> a.inter() >= 2 && a.inter() <= 6);
            }
            case "Non-state actor overtakes territory" -> {
                chosen = pick(inClause, c.trigger(), passiveBy, a -> a.inter() >= 2 && a.inter() <= 5);
                other = pick(inClause, c.trigger(), false, a -> a.inter() == 1 || a.inter() == 8);
            }
            case "Armed clash" -> {
                chosen = pick(inClause, c.trigger(), passiveBy, a -> a.inter() >= 2 && a.inter() <= 4);
                if (chosen == null) {
                    chosen = pick(inClause, c.trigger(), passiveBy, a -> a.inter() == 1 || a.inter() == 8);
                }
                ActorMention first = chosen;
                other = first == null ? null : pick(inClause, c.trigger(), false,
                        a -> a.inter() >= 1 && a.inter() <= 4 || a.inter() == 8 ? !a.name().equals(first.actor().name()) : false);
            }
            case "Peaceful protest", "Violent demonstration", "Mob violence" ->
                    chosen = pick(inClause, c.trigger(), passiveBy, a -> a.inter() == 5 || a.inter() == 6);
            case "Sexual violence", "Attack", "Abduction/forced disappearance" -> {
                chosen = pick(inClause, c.trigger(), passiveBy, a -> a.inter() >= 1 && a.inter() <= 5 || a.inter() == 8);
                other = pick(inClause, c.trigger(), false, a -> a.inter() == 7);
                d.actor2 = civilians(other, fill);
            }
            case "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                 "Remote explosive/landmine/IED", "Grenade", "Headquarters or base established",
                 "Looting/property destruction", "Non-violent transfer of territory", "Disrupted weapons use" -> {
                chosen = pick(inClause, c.trigger(), passiveBy, a -> a.inter() >= 1 && a.inter() <= 4 || a.inter() == 8);
                other = pick(inClause, c.trigger(), false, a -> a.inter() == 7);
            }
            case "Agreement", "Change to group/activity" -> {
                chosen = pick(inClause, c.trigger(), passiveBy, a -> a.inter() >= 1 && a.inter() <= 4 || a.inter() == 8);
                ActorMention first = chosen;
                other = first == null ? null : pick(inClause, c.trigger(), false,
                        a -> a.inter() >= 1 && a.inter() <= 4 || a.inter() == 8 ? !a.name().equals(first.actor().name()) : false);
            }
            default -> {
                if (c.forms().stream().anyMatch(f -> f.startsWith("troop_"))) {
                    chosen = pick(inClause, c.trigger(), passiveBy, a -> a.inter() == 8);
                } else if (c.forms().contains("layoffs") || c.forms().contains("policy_change")
                        && inClause.stream().anyMatch(m -> m.actor().type().equals("company"))) {
                    chosen = pick(inClause, c.trigger(), passiveBy, a -> a.type().equals("company"));
                } else {
                    chosen = pick(inClause, c.trigger(), passiveBy, a -> a.type().equals("head_of_state"));
                    String beforeTrigger = doc.text().substring(d.clause.start(), c.trigger().start());
                    if (chosen == null && HE.matcher(beforeTrigger).find()) {
                        chosen = lastBefore(actors, d.sentence.span().start(), a -> a.type().equals("head_of_state"));
                    }
                    if (chosen == null) {
                        chosen = pick(inClause, c.trigger(), passiveBy, a -> a.inter() == 1);
                    }
                }
            }
        }
        d.actor1 = chosen != null ? filled(chosen.actor(), fill) : defaultActor(c, fill);
        d.actorSpan = chosen != null ? chosen.span() : null;
        if (d.actor2 == null) {
            d.actor2 = other != null ? filled(other.actor(), fill) : null;
        }
    }

    /** The victims of violence against civilians: as named ("villagers", "passengers"), else civilians of the country. */
    private static Actor civilians(ActorMention named, Map<String, String> fill) {
        if (named != null) {
            return filled(named.actor(), fill);
        }
        return new Actor("Civilians (" + fill.get("{country}") + ")", "civilians", 7, null);
    }

    private static ActorMention pick(List<ActorMention> inClause, Span trigger, boolean after,
                                     java.util.function.Predicate<Actor> fits) {
        ActorMention before = null;
        ActorMention following = null;
        for (ActorMention m : inClause) {
            if (!fits.test(m.actor())) {
                continue;
            }
            if (m.span().end() <= trigger.start()) {
                before = m;
            } else if (following == null && m.span().start() >= trigger.start()) {
                following = m;
            }
        }
        if (after) {
            return following != null ? following : before;
        }
        return before != null ? before : following;
    }

    private static ActorMention lastBefore(List<ActorMention> actors, int offset, java.util.function.Predicate<Actor> fits) {
        ActorMention last = null;
        for (ActorMention m : actors) {
            if (m.span().start() >= offset) {
                break;
            }
            if (fits.test(m.actor()) && offset - m.span().end() < 600) {
                last = m;
            }
        }
        return last;
    }

    private static Actor filled(Actor a, Map<String, String> fill) {
        String name = a.name();
        for (Map.Entry<String, String> e : fill.entrySet()) {
            name = name.replace(e.getKey(), e.getValue());
        }
        return new Actor(name, a.type(), a.inter(), a.group());
    }

    private static Actor defaultActor(CandidateEvent c, Map<String, String> fill) {
        String country = fill.get("{country}");
        return switch (c.subEventType()) {
            case "Peaceful protest" -> c.forms().contains("strike")
                    ? new Actor("Protesters (" + country + ")", "strikers", 6, null)
                    : new Actor("Protesters (" + country + ")", "protesters", 6, null);
            case "Violent demonstration", "Mob violence" -> new Actor("Rioters (" + country + ")", "rioters", 5, null);
            case "Excessive force against protesters", "Protest with intervention", "Arrests", "Government regains territory" ->
                    new Actor("Police Forces of " + country, "police", 1, null);
            case "Non-state actor overtakes territory", "Armed clash", "Sexual violence", "Attack",
                 "Abduction/forced disappearance", "Suicide bomb", "Remote explosive/landmine/IED", "Grenade",
                 "Headquarters or base established", "Looting/property destruction" ->
                    new Actor("Unidentified Armed Group (" + country + ")", "armed_group", 3, null);
            case "Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon" ->
                    new Actor("Unidentified Military Forces", "military", 1, null);
            case "Disrupted weapons use", "Non-violent transfer of territory" ->
                    new Actor("Military Forces of " + country, "military", 1, null);
            default -> c.forms().stream().anyMatch(f -> f.startsWith("troop_"))
                    ? new Actor("Military Forces (foreign)", "foreign_forces", 8, null)
                    : c.forms().contains("layoffs") ? new Actor("Private companies (" + country + ")", "company", 8, null)
                    : new Actor("Government of " + country, "government", 1, null);
        };
    }

    // ---- demands and figures ----

    private static void attachDemands(Document doc, List<Draft> drafts, List<DemandMention> demands) {
        String text = doc.text();
        for (DemandMention dm : demands) {
            Sentence s = doc.sentenceAt(dm.span().start());
            if (s == null) {
                continue;
            }
            List<Draft> same = drafts.stream().filter(d -> d.sentence.index() == s.index() && d.isDemonstration()).toList();
            if (!same.isEmpty()) {
                same.forEach(d -> d.demands.add(dm));
                continue;
            }
            String st = s.span().of(text);
            if (GRIEVANCE_CUE.matcher(st).find()) {
                drafts.stream().filter(d -> d.isDemonstration() && d.sentence.index() > s.index()
                                && d.sentence.index() - s.index() <= 6)
                        .findFirst().ifPresent(d -> d.demands.add(dm));
            } else if (DEMAND_CUE.matcher(st).find()) {
                Draft last = null;
                for (Draft d : drafts) {
                    if (d.isDemonstration() && d.sentence.index() < s.index() && s.index() - d.sentence.index() <= 8) {
                        last = d;
                    }
                }
                if (last != null) {
                    last.demands.add(dm);
                }
            }
        }
    }

    private static void attachFigures(Document doc, List<Draft> drafts, List<Figure> figures) {
        for (Figure f : figures) {
            Sentence s = doc.sentenceAt(f.span().start());
            if (s == null || drafts.isEmpty()) {
                continue;
            }
            Draft target = drafts.stream().filter(d -> d.sentence.index() == s.index()).findFirst()
                    .orElseGet(() -> drafts.stream()
                            .filter(d -> d.sentence.index() > s.index() && d.sentence.index() - s.index() <= 2)
                            .findFirst().orElse(null));
            if (target == null) {
                for (Draft d : drafts) {
                    if (d.sentence.index() < s.index()) {
                        target = d;
                    }
                }
            }
            if (target != null) {
                target.figures.add(f);
            }
        }
    }

    // ---- events ----

    private List<Event> toEvents(Draft d, Document document, Annotations a) {
        Report report = document.report();
        List<Location> locations = new ArrayList<>();
        Location loc = d.location;
        if (loc != null && !loc.regions().isEmpty()) {
            for (String region : loc.regions()) {
                Location r = a.regions().get(Annotations.regionKey(loc.country(), region));
                locations.add(r != null
                        ? new Location(loc.text(), r.name(), r.geonameid(), r.country(), region, null, r.lat(), r.lon(), 3, List.of())
                        : new Location(loc.text(), region, null, loc.country(), region, null, null, null, 3, List.of()));
            }
        } else {
            locations.add(loc);
        }
        String reportId = report.id();
        Map<String, Provenance> prov = a.provenance();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("event_type", reportId, List.of(d.candidate.trigger()), d.candidate.provenance()));
        if (d.timeSpan != null) {
            evidence.add(new Evidence("event_date", reportId, List.of(d.timeSpan), prov.get("dates")));
        }
        if (d.placeSpan != null) {
            evidence.add(new Evidence("location", reportId, List.of(d.placeSpan), prov.get("places")));
        }
        if (d.actorSpan != null) {
            evidence.add(new Evidence("actor1", reportId, List.of(d.actorSpan), prov.get("actors")));
        }
        List<Demand> demands = new ArrayList<>();
        for (DemandMention dm : d.demands) {
            if (demands.stream().noneMatch(x -> x.category().equals(dm.demand().category()))) {
                demands.add(dm.demand());
            }
            evidence.add(new Evidence("demands", reportId, List.of(dm.span()), prov.get("demands")));
        }
        for (Figure f : d.figures) {
            evidence.add(new Evidence("figures", reportId, List.of(f.span()), prov.get("figures")));
        }
        Integer fatalities = d.figures.stream()
                .filter(f -> f.kind().equals("killed") && "event".equals(f.scope()))
                .map(f -> f.value() != null ? f.value() : f.min())
                .filter(Objects::nonNull)
                .min(Long::compare).map(Long::intValue).orElse(null);
        TreeSet<Span> spans = new TreeSet<>();
        spans.add(d.sentence.span());
        for (Evidence e : evidence) {
            for (Span s : e.spans()) {
                Sentence containing = document.sentenceAt(s.start());
                spans.add(containing != null ? containing.span() : s);
            }
        }
        Source source = new Source(reportId, report.metadata().url(), report.metadata().publisher(),
                report.metadata().published(), new ArrayList<>(spans));
        double confidence = d.candidate.confidence() * Math.max(0.3, d.timeConfidence) * Math.max(0.3, d.placeConfidence);

        List<Event> out = new ArrayList<>();
        for (Location l : locations) {
            String key = reportId + "|" + d.candidate.trigger().start() + "|" + d.candidate.subEventType() + "|"
                    + (l == null ? "" : l.admin1() + "/" + l.geonameid());
            Event e = Event.builder()
                    .eventId("ev-" + sha1(key).substring(0, 16))
                    .eventDate(d.date)
                    .endDate(d.endDate)
                    .timeOfDay(d.timeOfDay)
                    .timePrecision(d.precision)
                    .eventType(d.candidate.eventType())
                    .subEventType(d.candidate.subEventType())
                    .forms(d.candidate.forms())
                    .actor1(d.actor1)
                    .actor2(d.actor2)
                    .location(l)
                    .demands(demands)
                    .figures(d.figures)
                    .fatalities(fatalities)
                    .sources(List.of(source))
                    .confidence(Math.round(confidence * 1000) / 1000.0)
                    .evidence(evidence)
                    .build();
            out.add(e.toBuilder().notes(EventNotes.of(e)).build());
        }
        return out;
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
