package org.unrest.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.unrest.store.EventFilter;

/**
 * The event filter from query parameters: {@code from}, {@code to} (YYYY-MM-DD, inclusive), {@code type},
 * {@code sub_type}, {@code form}, {@code admin1} (each repeatable; type, sub_type, form and review also
 * comma-separated), {@code actor} (part of a name), {@code country}, {@code report}, {@code review} (review states;
 * default: unreviewed, accepted, corrected, so rejected and merged events are left out; {@code all}: every state),
 * {@code min_conf}, {@code max_conf} (0-1), {@code q} (text anywhere in the event), {@code offset}, {@code limit}.
 */
final class Params {
    static final List<String> DEFAULT_REVIEW = List.of("unreviewed", "accepted", "corrected");
    static final Set<String> REVIEW_STATES = Set.of("unreviewed", "accepted", "corrected", "rejected", "merged");

    private Params() {
    }

    static EventFilter filter(Context ctx, int defaultLimit, int maxLimit) {
        List<String> review = list(ctx, "review", true);
        if (review.contains("all")) {
            review = List.of();
        } else if (review.isEmpty()) {
            review = DEFAULT_REVIEW;
        } else {
            for (String r : review) {
                if (!REVIEW_STATES.contains(r)) {
                    throw new BadRequestResponse("query parameter review must be from " + String.join(", ",
                            new java.util.TreeSet<>(REVIEW_STATES)) + " or all, not " + quote(r));
                }
            }
        }
        Double min = doubleParam(ctx, "min_conf");
        Double max = doubleParam(ctx, "max_conf");
        return EventFilter.builder()
                .from(date(ctx, "from"))
                .to(date(ctx, "to"))
                .types(list(ctx, "type", true))
                .subTypes(list(ctx, "sub_type", true))
                .forms(list(ctx, "form", true))
                .admin1(list(ctx, "admin1", false))
                .actor(text(ctx, "actor"))
                .country(text(ctx, "country"))
                .reportId(text(ctx, "report"))
                .reviewStates(review)
                .minConfidence(min)
                .maxConfidence(max)
                .text(text(ctx, "q"))
                .offset(integer(ctx, "offset", 0, Integer.MAX_VALUE))
                .limit(integer(ctx, "limit", defaultLimit, maxLimit))
                .build();
    }

    static List<String> list(Context ctx, String name, boolean commas) {
        List<String> out = new ArrayList<>();
        for (String v : ctx.queryParams(name)) {
            for (String part : commas ? v.split(",") : new String[] {v}) {
                if (!part.isBlank()) {
                    out.add(commas && name.equals("review") ? part.strip().toLowerCase(Locale.ROOT) : part.strip());
                }
            }
        }
        return out;
    }

    static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    static LocalDate date(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("query parameter " + name + " must be a date YYYY-MM-DD, not " + quote(v));
        }
    }

    static Double doubleParam(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0 && d <= 1)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("query parameter " + name + " must be a number from 0 to 1, not " + quote(v));
        }
    }

    static int integer(Context ctx, String name, int dflt, int max) {
        String v = text(ctx, name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, max);
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("query parameter " + name + " must be a whole number >= 0, not " + quote(v));
        }
    }

    static String quote(String v) {
        return "\"" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\"";
    }
}
