package org.unrest.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.unrest.model.Demand;
import org.unrest.model.Event;
import org.unrest.model.Figure;
import org.unrest.model.Location;

/**
 * Scores system events against gold events with the matching rules of {@code shared/spec/event-data.md}:
 * a pair matches when it is the same report, the date is inside the gold range, the place is the same GeoNames
 * entry, within 30 km, or in the gold's admin1_any / country_any, and the type is equal or the sub-type is in
 * sub_event_type_any. Each gold event matches at most one system event (a maximum matching, required gold
 * events first, then improved by swaps that raise how well the matched pairs agree on forms, figures and demands).
 * Further system events matching a multi-region gold event in a region not yet counted are correct for precision.
 */
public final class GoldMatcher {
    static final double PLACE_KM = 30.0;

    private GoldMatcher() {
    }

    /** Which of the four conditions a pair fails; empty when it matches. */
    public static List<String> failures(GoldEvent g, Event s) {
        List<String> failed = new ArrayList<>();
        if (g.reportId() != null && !s.reportIds().contains(g.reportId())) {
            failed.add("report");
        }
        LocalDate d = s.eventDate();
        if (d == null || d.isBefore(g.firstDate()) || d.isAfter(g.lastDate())) {
            failed.add("date");
        }
        if (!samePlace(g, s.location())) {
            failed.add("place");
        }
        if (!Objects.equals(g.event().eventType(), s.eventType()) && !g.subEventTypeAny().contains(s.subEventType())) {
            failed.add("type");
        }
        return failed;
    }

    static boolean samePlace(GoldEvent g, Location s) {
        if (s == null) {
            return false;
        }
        Location gl = g.event().location();
        if (gl != null && gl.geonameid() != null && gl.geonameid().equals(s.geonameid())) {
            return true;
        }
        if (gl != null && gl.lat() != null && gl.lon() != null && s.lat() != null && s.lon() != null
                && Location.kilometres(gl.lat(), gl.lon(), s.lat(), s.lon()) <= PLACE_KM) {
            return true;
        }
        if (!g.admin1Any().isEmpty() && s.admin1() != null && g.admin1Any().contains(s.admin1())) {
            return true;
        }
        return !g.countryAny().isEmpty() && s.country() != null && g.countryAny().contains(s.country());
    }

    /** A missed gold event and the system event that came nearest, with the conditions it failed. */
    public record Miss(GoldEvent gold, Event nearest, List<String> failed) {
    }

    /** A matched pair. */
    public record Pair(GoldEvent gold, Event system) {
    }

    public record Result(int requiredGold, int matchedRequired, int systemEvents, int systemCorrect,
                         int singleDayPairs, int exactDayPairs, int goldDemands, int foundDemands,
                         int goldFigures, int foundFigures, int goldActors, int foundActors,
                         List<Pair> pairs, List<Miss> missed) {
        public double recall() {
            return ratio(matchedRequired, requiredGold);
        }

        public double precision() {
            return ratio(systemCorrect, systemEvents);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double exactDay() {
            return ratio(exactDayPairs, singleDayPairs);
        }

        public double demandRecall() {
            return ratio(foundDemands, goldDemands);
        }

        public double figureRecall() {
            return ratio(foundFigures, goldFigures);
        }

        public double actorTypeAgreement() {
            return ratio(foundActors, goldActors);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1.0 : (double) a / b;
        }
    }

    public static Result evaluate(List<GoldEvent> gold, List<Event> system) {
        int n = gold.size();
        int m = system.size();
        boolean[][] ok = new boolean[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                ok[i][j] = failures(gold.get(i), system.get(j)).isEmpty();
            }
        }
        int[] systemToGold = new int[m];
        int[] goldToSystem = new int[n];
        java.util.Arrays.fill(systemToGold, -1);
        java.util.Arrays.fill(goldToSystem, -1);
        for (boolean requiredPass : new boolean[] {true, false}) {
            for (int i = 0; i < n; i++) {
                if (gold.get(i).required() == requiredPass) {
                    augment(i, ok, systemToGold, goldToSystem, new boolean[m], gold, system);
                }
            }
        }
        improveBySwaps(gold, system, ok, goldToSystem, systemToGold);

        int requiredGold = 0;
        int matchedRequired = 0;
        Set<Integer> correct = new HashSet<>();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (gold.get(i).required()) {
                requiredGold++;
                if (goldToSystem[i] >= 0) {
                    matchedRequired++;
                }
            }
            if (goldToSystem[i] >= 0) {
                correct.add(goldToSystem[i]);
                pairs.add(new Pair(gold.get(i), system.get(goldToSystem[i])));
            }
        }
        // A multi-region gold event may be told as one event per region.
        for (int i = 0; i < n; i++) {
            GoldEvent g = gold.get(i);
            if (g.admin1Any().size() < 2 || goldToSystem[i] < 0) {
                continue;
            }
            Set<String> counted = new HashSet<>();
            counted.add(system.get(goldToSystem[i]).location().admin1());
            for (int j = 0; j < m; j++) {
                String admin1 = system.get(j).location() == null ? null : system.get(j).location().admin1();
                if (ok[i][j] && systemToGold[j] < 0 && !correct.contains(j) && admin1 != null
                        && g.admin1Any().contains(admin1) && counted.add(admin1)) {
                    correct.add(j);
                }
            }
        }
        int singleDay = 0;
        int exactDay = 0;
        int goldDemands = 0;
        int foundDemands = 0;
        int goldFigures = 0;
        int foundFigures = 0;
        int goldActors = 0;
        int foundActors = 0;
        for (Pair p : pairs) {
            GoldEvent g = p.gold();
            if (g.firstDate().equals(g.lastDate())) {
                singleDay++;
                if (g.firstDate().equals(p.system().eventDate())) {
                    exactDay++;
                }
            }
            Set<String> found = new HashSet<>();
            p.system().demands().forEach(d -> found.add(d.category()));
            for (Demand d : g.event().demands()) {
                goldDemands++;
                if (found.contains(d.category())) {
                    foundDemands++;
                }
            }
            for (Figure f : g.event().figures()) {
                goldFigures++;
                if (p.system().figures().stream().anyMatch(s -> sameFigure(f, s))) {
                    foundFigures++;
                }
            }
            if (g.event().actor1() != null && g.event().actor1().type() != null) {
                goldActors++;
                if (p.system().actor1() != null && g.event().actor1().type().equals(p.system().actor1().type())) {
                    foundActors++;
                }
            }
        }
        List<Miss> missed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (goldToSystem[i] >= 0 || !gold.get(i).required()) {
                continue;
            }
            Event nearest = null;
            List<String> fewest = List.of("report", "date", "place", "type");
            for (Event s : system) {
                List<String> f = failures(gold.get(i), s);
                if (f.isEmpty()) {
                    f = List.of("taken by another gold event");
                }
                if (f.size() < fewest.size() || nearest == null && f.size() <= fewest.size()) {
                    nearest = s;
                    fewest = f;
                }
            }
            missed.add(new Miss(gold.get(i), nearest, fewest));
        }
        return new Result(requiredGold, matchedRequired, m, correct.size(), singleDay, exactDay, goldDemands,
                foundDemands, goldFigures, foundFigures, goldActors, foundActors, pairs, missed);
    }

    static boolean sameFigure(Figure gold, Figure system) {
        if (!Objects.equals(gold.kind(), system.kind())
                && !(Set.of("arrested", "detained").contains(gold.kind()) && Set.of("arrested", "detained").contains(system.kind()))) {
            return false;
        }
        if (gold.value() == null) {
            return true;
        }
        if (system.value() != null) {
            return system.value().equals(gold.value());
        }
        return system.min() != null && system.max() != null && system.min() <= gold.value() && gold.value() <= system.max();
    }

    private static boolean augment(int i, boolean[][] ok, int[] systemToGold, int[] goldToSystem, boolean[] seen,
                                   List<GoldEvent> gold, List<Event> system) {
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < ok[i].length; j++) {
            if (ok[i][j]) {
                order.add(j);
            }
        }
        order.sort((a, b) -> Double.compare(agreement(gold.get(i), system.get(b)), agreement(gold.get(i), system.get(a))));
        for (int j : order) {
            if (seen[j]) {
                continue;
            }
            seen[j] = true;
            if (systemToGold[j] < 0 || augment(systemToGold[j], ok, systemToGold, goldToSystem, seen, gold, system)) {
                systemToGold[j] = i;
                goldToSystem[i] = j;
                return true;
            }
        }
        return false;
    }

    /** Swaps partners of two matched pairs when both still match and they agree better on the details. */
    private static void improveBySwaps(List<GoldEvent> gold, List<Event> system, boolean[][] ok, int[] goldToSystem,
                                       int[] systemToGold) {
        boolean changed = true;
        for (int round = 0; changed && round < 10; round++) {
            changed = false;
            for (int a = 0; a < gold.size(); a++) {
                for (int b = a + 1; b < gold.size(); b++) {
                    int sa = goldToSystem[a];
                    int sb = goldToSystem[b];
                    if (sa < 0 || sb < 0 || !ok[a][sb] || !ok[b][sa]) {
                        continue;
                    }
                    double now = agreement(gold.get(a), system.get(sa)) + agreement(gold.get(b), system.get(sb));
                    double swapped = agreement(gold.get(a), system.get(sb)) + agreement(gold.get(b), system.get(sa));
                    if (swapped > now + 1e-9) {
                        goldToSystem[a] = sb;
                        goldToSystem[b] = sa;
                        systemToGold[sb] = a;
                        systemToGold[sa] = b;
                        changed = true;
                    }
                }
            }
        }
    }

    /** How well a matching pair agrees beyond the four conditions: day, sub-type, forms, figures, demands, place. */
    static double agreement(GoldEvent g, Event s) {
        double score = 0;
        if (g.event().eventDate() != null && g.event().eventDate().equals(s.eventDate())) {
            score += 1;
        }
        if (Objects.equals(g.event().subEventType(), s.subEventType())) {
            score += 1;
        }
        Set<String> forms = new LinkedHashSet<>(g.event().forms());
        forms.retainAll(s.forms());
        score += forms.size();
        for (Figure f : g.event().figures()) {
            if (s.figures().stream().anyMatch(x -> sameFigure(f, x))) {
                score += 2;
            }
        }
        for (Demand d : g.event().demands()) {
            if (s.demands().stream().anyMatch(x -> x.category().equals(d.category()))) {
                score += 1;
            }
        }
        Location gl = g.event().location();
        if (gl != null && s.location() != null && gl.geonameid() != null && gl.geonameid().equals(s.location().geonameid())) {
            score += 1;
        }
        return score;
    }
}
