package org.unrest.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The contract's controlled vocabularies (../shared/spec/event-data.md), in one place. */
public final class Vocabulary {
    private Vocabulary() {
    }

    public static final String PROTESTS = "Protests";
    public static final String RIOTS = "Riots";
    public static final String VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians";
    public static final String BATTLES = "Battles";
    public static final String EXPLOSIONS = "Explosions/Remote violence";
    public static final String STRATEGIC = "Strategic developments";

    /** ACLED event types and their sub-event types, in the contract's order. */
    public static final Map<String, List<String>> SUB_EVENT_TYPES;

    static {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(PROTESTS, List.of("Peaceful protest", "Protest with intervention", "Excessive force against protesters"));
        m.put(RIOTS, List.of("Violent demonstration", "Mob violence"));
        m.put(VIOLENCE_AGAINST_CIVILIANS, List.of("Sexual violence", "Attack", "Abduction/forced disappearance"));
        m.put(BATTLES, List.of("Armed clash", "Government regains territory", "Non-state actor overtakes territory"));
        m.put(EXPLOSIONS, List.of("Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                "Remote explosive/landmine/IED", "Grenade"));
        m.put(STRATEGIC, List.of("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
                "Other"));
        SUB_EVENT_TYPES = java.util.Collections.unmodifiableMap(m);
    }

    public static final Set<String> ACTOR_TYPES = Set.of("protesters", "strikers", "rioters", "armed_group",
            "state_forces", "police", "military", "government", "head_of_state", "foreign_forces",
            "international_org", "political_party", "civilians", "company", "other");

    public static final Set<String> FORMS = Set.of("strike", "rally", "march", "sit_in", "road_blockade", "occupation",
            "hunger_strike", "petition", "statue_toppling", "storming", "arson", "looting", "vandalism", "armed_clash",
            "seizure", "shooting", "crowd_control", "dispersal", "detention", "killing", "internet_shutdown",
            "state_of_emergency", "curfew", "troop_deployment", "troop_withdrawal", "foreign_assistance_request",
            "government_resignation", "dismissal", "concession", "policy_change", "layoffs", "statement", "trial");

    public static final List<String> STATE_RESPONSES = List.of("accomodation", "arrests", "beatings",
            "crowd dispersal", "ignore", "killings", "shootings");

    public static final List<String> MM_DEMANDS = List.of("labor wage dispute", "land farm issue", "police brutality",
            "political behavior, process", "price increases, tax policy", "removal of politician",
            "social restrictions");

    /** Demand category → {Mass Mobilization category, group}. */
    public static final Map<String, List<String>> DEMAND_CATEGORIES;

    static {
        Map<String, List<String>> d = new LinkedHashMap<>();
        String labor = "labor wage dispute";
        String price = "price increases, tax policy";
        String process = "political behavior, process";
        String removal = "removal of politician";
        for (String c : List.of("wages", "working_conditions", "right_to_organise", "jobs")) {
            d.put(c, List.of(labor, "economic"));
        }
        for (String c : List.of("fuel_prices", "prices", "taxes", "pensions", "social_benefits")) {
            d.put(c, List.of(price, "economic"));
        }
        d.put("land", List.of("land farm issue", "economic"));
        d.put("police_violence", List.of("police brutality", "political"));
        d.put("release_of_detainees", List.of(process, "political"));
        for (String c : List.of("resignation_of_head_of_state", "resignation_of_government", "removal_of_official")) {
            d.put(c, List.of(removal, "political"));
        }
        for (String c : List.of("constitutional_reform", "parliamentary_system", "elections", "corruption",
                "political_rights")) {
            d.put(c, List.of(process, "political"));
        }
        d.put("social_restrictions", List.of("social restrictions", "social"));
        DEMAND_CATEGORIES = java.util.Collections.unmodifiableMap(d);
    }

    /** The event type a sub-event type belongs to, or null when it is not in the vocabulary. */
    public static String typeOf(String subEventType) {
        for (Map.Entry<String, List<String>> e : SUB_EVENT_TYPES.entrySet()) {
            if (e.getValue().contains(subEventType)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** A demand of the given category with its MM category and group filled from the table. */
    public static Demand demand(String category, String text) {
        List<String> mm = DEMAND_CATEGORIES.get(category);
        if (mm == null) {
            throw new IllegalArgumentException("unknown demand category: " + category);
        }
        return new Demand(category, mm.get(0), mm.get(1), text);
    }
}
