package org.unrest.nlp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Forms of action grouped into what a coder counts as one kind of happening. Two reports of the same place, day
 * and sub-event type are one event when their forms share a family ("strike" and "road blockade" by the same
 * crowd), and two events when they do not (a march and, the same night, looting).
 */
final class FormFamilies {
    private static final Map<String, String> FAMILY = new HashMap<>();

    static {
        put("demonstration", "strike", "rally", "march", "sit_in", "road_blockade", "occupation", "hunger_strike", "petition");
        put("destruction", "statue_toppling", "storming", "arson", "looting", "vandalism");
        put("violence", "armed_clash", "shooting", "killing");
        put("control", "seizure");
        put("repression", "crowd_control", "dispersal", "detention", "trial");
        put("government", "government_resignation", "dismissal", "concession", "statement");
        put("policy", "policy_change");
        put("foreign_request", "foreign_assistance_request");
        put("deployment", "troop_deployment");
        put("withdrawal", "troop_withdrawal");
        put("emergency", "state_of_emergency", "curfew", "internet_shutdown");
        put("labour", "layoffs");
    }

    private FormFamilies() {
    }

    private static void put(String family, String... forms) {
        for (String f : forms) {
            FAMILY.put(f, family);
        }
    }

    static String of(String form) {
        return FAMILY.getOrDefault(form, form);
    }

    /** True when the two lists of forms describe the same kind of happening (or either says nothing). */
    static boolean compatible(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        for (String x : a) {
            for (String y : b) {
                if (of(x).equals(of(y))) {
                    return true;
                }
            }
        }
        return false;
    }
}
