package org.unrest.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.unrest.model.Actor;
import org.unrest.model.Demand;
import org.unrest.model.Event;
import org.unrest.model.Figure;
import org.unrest.model.Location;
import org.unrest.model.Source;
import org.unrest.model.Span;

/**
 * Varied generated events for comparing {@link EventColumns} with the SQL: NULLs in every nullable column, names
 * that sort differently by collation than by code point (case, Cyrillic, punctuation, spaces), events told by
 * several reports, violent sub-types, figures with arrests.
 */
final class GeneratedEvents {
    static final String[][] TYPES = {{"Protests", "Peaceful protest"}, {"Protests", "Protest with intervention"},
        {"Protests", "Excessive force against protesters"}, {"Riots", "Violent demonstration"}, {"Riots", "Mob violence"},
        {"Battles", "Armed clash"}, {"Violence against civilians", "Attack"},
        {"Explosions/Remote violence", "Remote explosive/landmine/IED"}, {"Strategic developments", "Arrests"},
        {"Strategic developments", "Other"}, {null, null}};
    static final String[] REGIONS = {"Mangystau", "Almaty", "almaty", "Almaty City", "Almaty Region", "Aktobe",
        "Atyrau", "West Kazakhstan", "Nur-Sultan", "Nur Sultan", "Жамбыл", "Қарағанды", "_Other", "Zhambyl", null};
    static final String[] COUNTRIES = {"KZ", "KZ", "KZ", "KG", "kz", null};
    static final Actor[] ACTORS = {new Actor("Protesters (Kazakhstan)", "protesters", 6, null),
        new Actor("Protesters (Kazakhstan)", "strikers", 6, "oil workers"),
        new Actor("protesters (Kazakhstan)", "protesters", 6, null),
        new Actor("Rioters (Kazakhstan)", "rioters", 5, null), new Actor("Police Forces of Kazakhstan", "police", 1, null),
        new Actor("Полиция Казахстана", "police", 1, null), new Actor("CSTO", null, 8, null),
        new Actor("Government of Kazakhstan", "government", 1, null), new Actor("Civilians (Kazakhstan)", "civilians", 7, null),
        new Actor("Öl-Arbeiter", "strikers", 6, null), new Actor("ÉLITE Unit", "military", 1, null)};
    static final String[] FORMS = {"rally", "strike", "march", "road_blockade", "arson", "hunger_strike", "a%b", "x_y"};
    static final Demand[] DEMANDS = {new Demand("fuel_prices", "price increases, tax policy", "economic", null),
        new Demand("resignation_of_government", "removal of politician", "political", null),
        new Demand("labour_wage_dispute", "labor wage dispute", "economic", null),
        new Demand("police_brutality", "police brutality", "social", null), new Demand("other", "other", null, null)};

    private GeneratedEvents() {
    }

    /** {@code count} events of report {@code reportId}, some also told by {@code otherReports}. */
    static List<Event> events(Random rnd, String reportId, String prefix, int count, List<String> otherReports) {
        List<Event> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] type = TYPES[rnd.nextInt(TYPES.length)];
            String region = REGIONS[rnd.nextInt(REGIONS.length)];
            LocalDate date = rnd.nextInt(25) == 0 ? null : LocalDate.of(2021, 12, 20).plusDays(rnd.nextInt(40));
            LocalDate end = date != null && rnd.nextInt(6) == 0 ? date.plusDays(1 + rnd.nextInt(4)) : null;
            List<String> forms = new ArrayList<>();
            for (int k = rnd.nextInt(3); k > 0; k--) {
                String f = FORMS[rnd.nextInt(FORMS.length)];
                if (!forms.contains(f)) {
                    forms.add(f);
                }
            }
            List<Demand> demands = new ArrayList<>();
            for (int k = rnd.nextInt(3); k > 0; k--) {
                demands.add(DEMANDS[rnd.nextInt(DEMANDS.length)]);
            }
            List<Figure> figures = new ArrayList<>();
            if (rnd.nextInt(5) == 0) {
                figures.add(new Figure(rnd.nextBoolean() ? "arrested" : "detained", (long) rnd.nextInt(200), null, null,
                        rnd.nextInt(4) == 0 ? "period" : "event", null, null, reportId, new Span(0, 5)));
            }
            List<Source> sources = new ArrayList<>();
            sources.add(new Source(reportId, null, null, null, List.of(new Span(0, 5))));
            if (!otherReports.isEmpty() && rnd.nextInt(4) == 0) {
                sources.add(new Source(otherReports.get(rnd.nextInt(otherReports.size())), null, null, null,
                        List.of(new Span(0, 3))));
            }
            boolean located = rnd.nextInt(15) != 0;
            Location loc = rnd.nextInt(30) == 0 ? null : new Location(region == null ? "somewhere" : region,
                    rnd.nextInt(5) == 0 ? null : region, null, COUNTRIES[rnd.nextInt(COUNTRIES.length)], region, null,
                    located ? 41 + rnd.nextDouble() * 13 : null, located ? 50 + rnd.nextDouble() * 35 : null, 1, List.of());
            out.add(Event.builder().eventId(prefix + "-" + i + (rnd.nextBoolean() ? "" : "b"))
                    .eventDate(date).endDate(end).eventType(type[0]).subEventType(type[1]).forms(forms)
                    .actor1(rnd.nextInt(8) == 0 ? null : ACTORS[rnd.nextInt(ACTORS.length)])
                    .actor2(rnd.nextBoolean() ? null : ACTORS[rnd.nextInt(ACTORS.length)])
                    .location(loc).demands(demands).figures(figures)
                    .fatalities(rnd.nextInt(6) == 0 ? rnd.nextInt(5) : null)
                    .sources(sources).confidence(rnd.nextInt(10) * 0.1 + rnd.nextInt(3) * 0.05)
                    .notes("Generated event " + i + " in " + region + ".")
                    .build());
        }
        return out;
    }
}
