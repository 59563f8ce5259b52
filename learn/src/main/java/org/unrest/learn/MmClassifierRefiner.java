package org.unrest.learn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unrest.model.Demand;
import org.unrest.model.Document;
import org.unrest.model.Event;
import org.unrest.model.Evidence;
import org.unrest.model.Provenance;
import org.unrest.model.Source;
import org.unrest.model.Span;
import org.unrest.model.Vocabulary;
import org.unrest.pipeline.EventRefiner;

/**
 * Rules first, then the Mass Mobilization classifiers where the rules found nothing. The rule refiner
 * ({@code from-events}) runs first; then for each protest or riot, the text of its source sentences in this report
 * (normalised like the MM notes) is classified, and
 * <ul>
 * <li>when the event has no demand, each MM demand category whose probability reaches both its tuned threshold and
 * {@code minProbability} and {@link #MIN_LIFT} times its base rate is added, as the demand category that stands for it ({@link #CATEGORY_OF}) with the
 * sentences as its text;</li>
 * <li>when it has no state response, likewise each state response except {@code ignore} (a report that tells no
 * response is no evidence the state ignored the protest).</li>
 * </ul>
 * Rules win where both speak: their lexicons are precise on news text, while the models, trained on MM's
 * paragraph-long summaries, see one or two sentences here. Each addition gets an evidence entry with the sentences
 * and this stage's provenance.
 *
 * <p>Violence never changes an event's type, but it checks it: each protest's or riot's confidence is multiplied by
 * the violence model's agreement with its type (the probability that the sentences tell of violent protesters for a
 * riot, of peaceful ones for a protest), so that a "peaceful protest" whose sentences read as a riot sorts among the
 * doubtful events a reviewer sees first. On the MM held-out notes this turns confidence from no guide to the
 * type's violence coding (AUC 0.51) into one (0.78); see learn/MODEL-CARD.md. {@code violence-check} is this
 * refiner with the check only and no additions: the default pipeline's refiner.
 */
public final class MmClassifierRefiner implements EventRefiner {
    public static final String NAME = "mm-classifiers";
    /** The same refiner with the violence check only: nothing added. */
    public static final String CHECK_ONLY = "violence-check";

    /** The demand category (contract vocabulary) a predicted MM category is coded as. */
    public static final Map<String, String> CATEGORY_OF = Map.of(
            "labor wage dispute", "wages",
            "land farm issue", "land",
            "police brutality", "police_violence",
            "political behavior, process", "political_rights",
            "price increases, tax policy", "prices",
            "removal of politician", "removal_of_official",
            "social restrictions", "social_restrictions");

    /** How many times its base rate a label's probability must be for the refiner to add it. */
    public static final double MIN_LIFT = 1.25;

    private final EventRefiner rules;
    private final MmClassifiers classifiers;
    private final double minProbability;
    private final boolean add;

    public MmClassifierRefiner(EventRefiner rules, MmClassifiers classifiers, double minProbability) {
        this(rules, classifiers, minProbability, true);
    }

    /** {@code add = false}: only the violence check ({@value #CHECK_ONLY}). */
    public MmClassifierRefiner(EventRefiner rules, MmClassifiers classifiers, double minProbability, boolean add) {
        this.rules = rules;
        this.classifiers = classifiers;
        this.minProbability = minProbability;
        this.add = add;
    }

    @Override
    public String name() {
        return add ? NAME : CHECK_ONLY;
    }

    @Override
    public String version() {
        return "2+" + rules.name() + "@" + rules.version() + "+models-" + classifiers.fingerprint();
    }

    @Override
    public List<Event> refine(Document document, List<Event> events) {
        List<Event> ruled = rules.refine(document, events);
        Provenance provenance = new Provenance("refiner", name(), version());
        String reportId = document.report().id();
        List<Event> out = new ArrayList<>(ruled.size());
        for (Event e : ruled) {
            boolean demonstration = Vocabulary.PROTESTS.equals(e.eventType()) || Vocabulary.RIOTS.equals(e.eventType());
            if (!demonstration) {
                out.add(e);
                continue;
            }
            List<Span> spans = new ArrayList<>();
            for (Source s : e.sources()) {
                if (s.reportId().equals(reportId)) {
                    spans.addAll(s.spans());
                }
            }
            if (spans.isEmpty()) {
                out.add(e);
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (Span s : spans) {
                if (s.end() <= document.text().length()) {
                    text.append(s.of(document.text())).append(' ');
                }
            }
            String sentences = text.toString().strip();
            int[] known = classifiers.featuresOf(sentences);
            List<Evidence> evidence = new ArrayList<>(e.evidence());
            Event.Builder b = e.toBuilder();
            b.confidence(Math.round(e.confidence() * violenceAgreement(e, known) * 1000) / 1000.0);
            boolean changed = false;
            if (add && e.demands().isEmpty()) {
                List<Demand> demands = new ArrayList<>();
                for (String mm : confident(Task.DEMANDS, known)) {
                    demands.add(Vocabulary.demand(CATEGORY_OF.get(mm), sentences));
                }
                if (!demands.isEmpty()) {
                    b.demands(demands);
                    evidence.add(new Evidence("demands", reportId, spans, provenance));
                    changed = true;
                }
            }
            if (add && e.stateResponses().isEmpty()) {
                Set<String> responses = new LinkedHashSet<>(confident(Task.STATE_RESPONSES, known));
                responses.remove("ignore");
                if (!responses.isEmpty()) {
                    b.stateResponses(Vocabulary.STATE_RESPONSES.stream().filter(responses::contains).toList());
                    evidence.add(new Evidence("state_responses", reportId, spans, provenance));
                    changed = true;
                }
            }
            out.add(changed ? b.evidence(evidence).build() : b.build());
        }
        return out;
    }

    /**
     * How far the violence model agrees with the event's type: the probability of violent protesters for a riot, of
     * peaceful ones for a protest (an intervention or excessive force is the state's violence, not the protesters').
     */
    double violenceAgreement(Event e, int[] known) {
        double violent = classifiers.probability(classifiers.models(Task.VIOLENCE).get(0), known);
        return Vocabulary.RIOTS.equals(e.eventType()) ? violent : 1 - violent;
    }

    /**
     * The labels whose probability reaches their threshold, the floor, and {@link #MIN_LIFT} times their base rate
     * (so "political behavior, process", the demand of 71% of MM protests, is added only where the words say so,
     * not because most protests have it); none forced.
     */
    private List<String> confident(Task t, int[] known) {
        List<String> out = new ArrayList<>();
        for (MmClassifiers.LabelModel m : classifiers.models(t)) {
            double p = classifiers.probability(m, known);
            if (p >= Math.max(m.threshold(), minProbability) && p >= MIN_LIFT * m.rate()) {
                out.add(m.label());
            }
        }
        return out;
    }
}
