package org.unrest.nlp;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.unrest.model.Demand;
import org.unrest.model.Event;
import org.unrest.model.Location;

/** ACLED-style notes generated from an event's fields ("On 2 January 2022, oil workers went on strike in ..."). */
public final class EventNotes {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("strike", "went on strike"), Map.entry("rally", "held a rally"), Map.entry("march", "marched"),
            Map.entry("sit_in", "held a sit-in"), Map.entry("road_blockade", "blocked roads"),
            Map.entry("occupation", "occupied buildings"), Map.entry("hunger_strike", "went on hunger strike"),
            Map.entry("petition", "signed a petition"), Map.entry("statue_toppling", "toppled statues"),
            Map.entry("storming", "stormed buildings"), Map.entry("arson", "set property on fire"),
            Map.entry("looting", "looted property"), Map.entry("vandalism", "damaged property"),
            Map.entry("armed_clash", "clashed with security forces"), Map.entry("seizure", "took control of the area"),
            Map.entry("shooting", "opened fire"), Map.entry("crowd_control", "used crowd-control weapons"),
            Map.entry("dispersal", "dispersed a gathering"), Map.entry("detention", "detained people"),
            Map.entry("killing", "killed people"), Map.entry("internet_shutdown", "shut down the internet"),
            Map.entry("state_of_emergency", "declared a state of emergency"), Map.entry("curfew", "imposed a curfew"),
            Map.entry("troop_deployment", "deployed troops"), Map.entry("troop_withdrawal", "withdrew troops"),
            Map.entry("foreign_assistance_request", "asked for foreign military assistance"),
            Map.entry("government_resignation", "dismissed the government"), Map.entry("dismissal", "removed an official"),
            Map.entry("concession", "announced concessions"), Map.entry("policy_change", "changed policy"),
            Map.entry("layoffs", "laid off workers"), Map.entry("statement", "made a statement"),
            Map.entry("trial", "put people on trial"));

    private EventNotes() {
    }

    public static String of(Event e) {
        StringBuilder sb = new StringBuilder();
        if (e.eventDate() != null) {
            sb.append(e.timePrecision() == 3 ? "In " + MONTH.format(e.eventDate()) : "On " + DAY.format(e.eventDate()));
            if (e.timeOfDay() != null && !e.timeOfDay().contains(":")) {
                sb.append(" (").append(e.timeOfDay()).append(")");
            }
            sb.append(", ");
        }
        sb.append(who(e)).append(' ');
        List<String> actions = new ArrayList<>();
        for (String f : e.forms()) {
            actions.add(PHRASES.getOrDefault(f, f.replace('_', ' ')));
        }
        if (actions.isEmpty()) {
            actions.add("took part in " + e.subEventType().toLowerCase(Locale.ROOT));
        }
        sb.append(join(actions));
        Location l = e.location();
        if (l != null && l.name() != null) {
            sb.append(" in ").append(l.name());
            if (l.admin1() != null && !l.admin1().equals(l.name())) {
                sb.append(" (").append(l.admin1()).append(")");
            }
        }
        Set<String> demands = new LinkedHashSet<>();
        for (Demand d : e.demands()) {
            demands.add(d.category().replace('_', ' '));
        }
        if (!demands.isEmpty()) {
            sb.append(" over ").append(join(new ArrayList<>(demands)));
        }
        sb.append('.');
        return capitalise(sb.toString());
    }

    private static String who(Event e) {
        if (e.actor1() == null) {
            return "unidentified actors";
        }
        if (e.actor1().group() != null) {
            return e.actor1().group();
        }
        return e.actor1().name();
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
