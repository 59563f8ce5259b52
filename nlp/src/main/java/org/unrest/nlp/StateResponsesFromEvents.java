package org.unrest.nlp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.unrest.model.Document;
import org.unrest.model.Event;
import org.unrest.model.Evidence;
import org.unrest.model.Provenance;
import org.unrest.model.Vocabulary;
import org.unrest.pipeline.EventRefiner;

/**
 * Mass Mobilization's state responses from the events themselves: a protest or riot gets "arrests", "shootings",
 * "killings", "crowd dispersal" or "accomodation" when the same report tells, for the same day and place (or the
 * same country on that day, for national responses), an event of the state with those forms; a protest met with
 * force carries its own.
 */
public final class StateResponsesFromEvents implements EventRefiner {
    private static final Map<String, String> RESPONSE_OF_FORM = Map.of(
            "detention", "arrests", "shooting", "shootings", "killing", "killings", "crowd_control", "crowd dispersal",
            "dispersal", "crowd dispersal", "concession", "accomodation", "government_resignation", "accomodation",
            "dismissal", "accomodation");

    @Override
    public String name() {
        return "from-events";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Event> refine(Document document, List<Event> events) {
        Provenance provenance = new Provenance("refiner", name(), version());
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (!isDemonstration(e)) {
                out.add(e);
                continue;
            }
            Set<String> responses = new LinkedHashSet<>(e.stateResponses());
            List<Evidence> evidence = new ArrayList<>(e.evidence());
            for (Event s : events) {
                boolean own = s == e;
                boolean sameDay = Objects.equals(s.eventDate(), e.eventDate()) && s.timePrecision() == 1;
                boolean national = s.location() != null && s.location().geoPrecision() == 3 && s.location().admin1() == null
                        && e.location() != null && Objects.equals(s.location().country(), e.location().country());
                boolean samePlace = national || SameWhatWhereWhenMerger.samePlace(s.location(), e.location());
                if (!own && !(sameDay && samePlace && s.actor1() != null && s.actor1().inter() == 1)) {
                    continue;
                }
                for (String f : s.forms()) {
                    String r = RESPONSE_OF_FORM.get(f);
                    if (r != null && responses.add(r)) {
                        s.evidence().stream().filter(x -> x.field().equals("event_type")).findFirst()
                                .ifPresent(x -> evidence.add(new Evidence("state_responses", x.reportId(), x.spans(), provenance)));
                    }
                }
            }
            List<String> ordered = Vocabulary.STATE_RESPONSES.stream().filter(responses::contains).toList();
            out.add(e.toBuilder().stateResponses(ordered).evidence(evidence).build());
        }
        return out;
    }

    private static boolean isDemonstration(Event e) {
        return Vocabulary.PROTESTS.equals(e.eventType()) || Vocabulary.RIOTS.equals(e.eventType());
    }
}
