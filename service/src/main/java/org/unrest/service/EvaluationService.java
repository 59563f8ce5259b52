package org.unrest.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.unrest.contract.GoldEvent;
import org.unrest.contract.GoldMatcher;
import org.unrest.model.Event;
import org.unrest.store.EventQuery;
import org.unrest.store.EventStore;

/** Scores the stored events of the reports a gold file covers against it, with the spec's matching rules. */
public final class EvaluationService {
    private final EventStore store;

    public EvaluationService(EventStore store) {
        this.store = store;
    }

    public GoldMatcher.Result evaluate(Path goldFile) {
        List<GoldEvent> gold = GoldEvent.read(goldFile);
        Set<String> reports = new LinkedHashSet<>();
        gold.forEach(g -> reports.add(g.reportId()));
        List<Event> system = new ArrayList<>();
        for (String r : reports) {
            if (r != null) {
                system.addAll(store.events(EventQuery.ofReport(r)));
            }
        }
        return GoldMatcher.evaluate(gold, system);
    }

    /** The scores as a person reads them, with every missed required gold event and the condition it failed. */
    public static String format(GoldMatcher.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "recall     %.3f  (%d of %d required gold events)%n", r.recall(), r.matchedRequired(), r.requiredGold()));
        sb.append(String.format(Locale.ROOT, "precision  %.3f  (%d of %d system events)%n", r.precision(), r.systemCorrect(), r.systemEvents()));
        sb.append(String.format(Locale.ROOT, "f1         %.3f%n", r.f1()));
        sb.append(String.format(Locale.ROOT, "exact_day  %.3f  (%d of %d matched single-day gold events)%n", r.exactDay(), r.exactDayPairs(), r.singleDayPairs()));
        sb.append(String.format(Locale.ROOT, "demand_recall  %.3f  (%d of %d)%n", r.demandRecall(), r.foundDemands(), r.goldDemands()));
        sb.append(String.format(Locale.ROOT, "figure_recall  %.3f  (%d of %d)%n", r.figureRecall(), r.foundFigures(), r.goldFigures()));
        sb.append(String.format(Locale.ROOT, "actor_type     %.3f  (%d of %d)%n", r.actorTypeAgreement(), r.foundActors(), r.goldActors()));
        for (GoldMatcher.Miss m : r.missed()) {
            Event g = m.gold().event();
            sb.append(String.format(Locale.ROOT, "missed %s  %s %s / %s at %s: failed %s%s%n", g.eventId(),
                    m.gold().firstDate(), g.eventType(), g.subEventType(),
                    g.location() == null ? "?" : g.location().name(), String.join(", ", m.failed()),
                    m.nearest() == null ? "" : " (nearest: " + m.nearest().eventId() + " " + m.nearest().eventDate() + " "
                            + m.nearest().subEventType() + " at " + (m.nearest().location() == null ? "?"
                            : m.nearest().location().name()) + ")"));
        }
        return sb.toString();
    }
}
