package org.unrest.nlp;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.unrest.model.Actor;
import org.unrest.model.Demand;
import org.unrest.model.Event;
import org.unrest.model.Evidence;
import org.unrest.model.Figure;
import org.unrest.model.Location;
import org.unrest.model.Source;
import org.unrest.model.Span;
import org.unrest.pipeline.EventMerger;

/**
 * Merges events that are one happening: same sub-event type, same place, same day, and forms of the same family
 * (or told in the same sentence). An event dated only to the month (a story's summary lead, "the oilmen again
 * struck") joins the day-dated event of the same what and where within {@value #ABSORB_DAYS} days. Every source,
 * span, demand, figure and piece of evidence is kept.
 */
public final class SameWhatWhereWhenMerger implements EventMerger {
    static final int ABSORB_DAYS = 45;

    @Override
    public String name() {
        return "same-what-where-when";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Event> merge(List<Event> events) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            int i = indexOfSame(out, e);
            if (i >= 0) {
                out.set(i, combine(out.get(i), e));
            } else {
                out.add(e);
            }
        }
        out = absorbApproximate(out);
        out.sort(Comparator.comparing(Event::eventDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(SameWhatWhereWhenMerger::firstSpanStart));
        return out;
    }

    /** Two reports' places are the same place within this many kilometres. */
    static final double SAME_PLACE_KM = 25.0;

    @Override
    public AcrossReports mergeAcross(List<Event> stored, List<Event> incoming) {
        Map<String, Event> updated = new LinkedHashMap<>();
        List<Event> added = new ArrayList<>();
        for (Event e : incoming) {
            Event match = null;
            for (Event s : stored) {
                Event current = updated.getOrDefault(s.eventId(), s);
                if (sameHappening(current, e)) {
                    match = current;
                    break;
                }
            }
            if (match == null) {
                added.add(e);
            } else {
                Event merged = combine(match, e).toBuilder().eventId(match.eventId()).reviewState(match.reviewState()).build();
                updated.put(match.eventId(), merged.toBuilder().notes(EventNotes.of(merged)).build());
            }
        }
        return new AcrossReports(new ArrayList<>(updated.values()), added);
    }

    /** The same happening told by another report: same day and type, forms of one family, same place, actors that fit. */
    static boolean sameHappening(Event stored, Event e) {
        if (sharesReport(stored, e) || stored.timePrecision() != 1 || e.timePrecision() != 1
                || !Objects.equals(stored.eventDate(), e.eventDate())
                || !Objects.equals(stored.eventType(), e.eventType())) {
            return false;
        }
        return FormFamilies.compatible(stored.forms(), e.forms()) && nearSamePlace(stored.location(), e.location()) && compatibleActors(stored.actor1(), e.actor1());
    }

    static boolean nearSamePlace(Location a, Location b) {
        if (a == null || b == null || !Objects.equals(a.country(), b.country())) {
            return false;
        }
        if (a.geoPrecision() != b.geoPrecision() && (a.geoPrecision() == 3 || b.geoPrecision() == 3)) {
            return false;
        }
        if (a.geonameid() != null && a.geonameid().equals(b.geonameid())) {
            return true;
        }
        if (a.geoPrecision() == 3) {
            return Objects.equals(a.admin1(), b.admin1()) && Objects.equals(a.name(), b.name());
        }
        return a.lat() != null && b.lat() != null && a.lon() != null && b.lon() != null
                && Location.kilometres(a.lat(), a.lon(), b.lat(), b.lon()) <= SAME_PLACE_KM;
    }

    private static boolean compatibleActors(Actor a, Actor b) {
        if (a == null || b == null || a.inter() == b.inter()) {
            return true;
        }
        return (a.inter() == 5 || a.inter() == 6) && (b.inter() == 5 || b.inter() == 6);
    }

    private static int indexOfSame(List<Event> events, Event e) {
        for (int i = 0; i < events.size(); i++) {
            Event o = events.get(i);
            if (Objects.equals(o.subEventType(), e.subEventType()) && Objects.equals(o.eventDate(), e.eventDate())
                    && o.timePrecision() == e.timePrecision() && samePlace(o.location(), e.location())
                    && sharesReport(o, e)
                    && (FormFamilies.compatible(o.forms(), e.forms()) || sameSentence(o, e))) {
                return i;
            }
        }
        return -1;
    }

    private static List<Event> absorbApproximate(List<Event> events) {
        List<Event> precise = new ArrayList<>();
        List<Event> approximate = new ArrayList<>();
        for (Event e : events) {
            (e.timePrecision() == 3 && e.eventDate() != null ? approximate : precise).add(e);
        }
        List<Event> kept = new ArrayList<>(precise);
        for (Event a : approximate) {
            int best = -1;
            long bestDays = Long.MAX_VALUE;
            for (int i = 0; i < kept.size(); i++) {
                Event p = kept.get(i);
                if (p.eventDate() == null || p.timePrecision() != 1 || !Objects.equals(p.subEventType(), a.subEventType())
                        || !samePlace(p.location(), a.location()) || !sharesReport(p, a)
                        || !FormFamilies.compatible(p.forms(), a.forms())) {
                    continue;
                }
                long days = Math.abs(ChronoUnit.DAYS.between(a.eventDate(), p.eventDate()));
                if (days <= ABSORB_DAYS && days < bestDays) {
                    best = i;
                    bestDays = days;
                }
            }
            if (best >= 0) {
                kept.set(best, combine(kept.get(best), a));
            } else {
                kept.add(a);
            }
        }
        return kept;
    }

    static boolean samePlace(Location a, Location b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.geonameid() != null || b.geonameid() != null) {
            return Objects.equals(a.geonameid(), b.geonameid()) && Objects.equals(a.admin1(), b.admin1());
        }
        return Objects.equals(a.country(), b.country()) && Objects.equals(a.admin1(), b.admin1())
                && Objects.equals(a.name(), b.name());
    }

    private static boolean sharesReport(Event a, Event b) {
        return a.reportIds().stream().anyMatch(b.reportIds()::contains);
    }

    /** True when both events' triggers lie in one of the sentences their sources cite. */
    private static boolean sameSentence(Event a, Event b) {
        for (Evidence ta : triggers(a)) {
            for (Evidence tb : triggers(b)) {
                if (!ta.reportId().equals(tb.reportId())) {
                    continue;
                }
                for (Source s : a.sources()) {
                    if (!s.reportId().equals(ta.reportId())) {
                        continue;
                    }
                    for (Span sentence : s.spans()) {
                        if (ta.spans().stream().allMatch(sentence::contains) && tb.spans().stream().allMatch(sentence::contains)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static List<Evidence> triggers(Event e) {
        return e.evidence().stream().filter(x -> x.field().equals("event_type")).toList();
    }

    private static int firstSpanStart(Event e) {
        return e.sources().isEmpty() || e.sources().get(0).spans().isEmpty() ? 0 : e.sources().get(0).spans().get(0).start();
    }

    /** One event from two: the day-precise one's date, every form, source, span, demand, figure and evidence. */
    static Event combine(Event keep, Event other) {
        Event first = keep.timePrecision() <= other.timePrecision() ? keep : other;
        LinkedHashSet<String> forms = new LinkedHashSet<>(keep.forms());
        forms.addAll(other.forms());
        Map<String, Demand> demands = new LinkedHashMap<>();
        for (Demand d : concat(keep.demands(), other.demands())) {
            demands.putIfAbsent(d.category(), d);
        }
        List<Figure> figures = new ArrayList<>(keep.figures());
        for (Figure f : other.figures()) {
            if (figures.stream().noneMatch(x -> Objects.equals(x.span(), f.span()) && Objects.equals(x.reportId(), f.reportId()))) {
                figures.add(f);
            }
        }
        List<Evidence> evidence = new ArrayList<>(keep.evidence());
        for (Evidence ev : other.evidence()) {
            if (!evidence.contains(ev)) {
                evidence.add(ev);
            }
        }
        List<String> responses = new ArrayList<>(new LinkedHashSet<>(concat(keep.stateResponses(), other.stateResponses())));
        Actor actor1 = keep.actor1() != null && keep.actor1().group() != null ? keep.actor1()
                : other.actor1() != null && other.actor1().group() != null ? other.actor1()
                : keep.actor1() != null ? keep.actor1() : other.actor1();
        // ACLED's conservative rule: the lowest credible figure for the event
        Integer fatalities = keep.fatalities();
        if (fatalities == null || other.fatalities() != null && other.fatalities() < fatalities) {
            fatalities = other.fatalities();
        }
        Event merged = first.toBuilder()
                .eventId(firstSpanStart(keep) <= firstSpanStart(other) ? keep.eventId() : other.eventId())
                .timeOfDay(first.timeOfDay() != null ? first.timeOfDay() : keep.timeOfDay() != null ? keep.timeOfDay() : other.timeOfDay())
                .forms(new ArrayList<>(forms))
                .actor1(actor1)
                .actor2(keep.actor2() != null ? keep.actor2() : other.actor2())
                .demands(new ArrayList<>(demands.values()))
                .stateResponses(responses)
                .figures(figures)
                .fatalities(fatalities)
                .sources(mergeSources(keep.sources(), other.sources()))
                .confidence(Math.max(keep.confidence(), other.confidence()))
                .evidence(evidence)
                .build();
        return merged.toBuilder().notes(EventNotes.of(merged)).build();
    }

    private static List<Source> mergeSources(List<Source> a, List<Source> b) {
        Map<String, Source> byReport = new LinkedHashMap<>();
        for (Source s : concat(a, b)) {
            Source old = byReport.get(s.reportId());
            if (old == null) {
                byReport.put(s.reportId(), s);
            } else {
                TreeSet<Span> spans = new TreeSet<>(old.spans());
                spans.addAll(s.spans());
                byReport.put(s.reportId(), new Source(old.reportId(), old.url(), old.publisher(), old.published(),
                        new ArrayList<>(spans)));
            }
        }
        return new ArrayList<>(byReport.values());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
