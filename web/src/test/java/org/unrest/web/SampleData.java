package org.unrest.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.unrest.model.Actor;
import org.unrest.model.Demand;
import org.unrest.model.Event;
import org.unrest.model.Evidence;
import org.unrest.model.Figure;
import org.unrest.model.Location;
import org.unrest.model.Provenance;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.model.Source;
import org.unrest.model.Span;
import org.unrest.store.EventStore;

/** A few reports and the events coded from them, written for the web tests and the screenshot server. */
final class SampleData {
    static final String R1 = "r-zhanaozen-0102";
    static final String R2 = "r-almaty-0105";
    static final String R_SCRIPT = "r-script";

    static final String R1_TEXT = "ZHANAOZEN, Kazakhstan (2 January 2022) - Oil workers in Zhanaozen went on strike on Sunday "
            + "and gathered in the town's main square to protest against the doubling of the price of liquefied gas. "
            + "Several hundred people stayed in the square overnight. "
            + "On Monday the protest spread to Aktau, the regional capital of Mangystau, where about 1,000 people "
            + "rallied outside the regional administration. "
            + "Police did not intervene.";

    static final String R2_TEXT = "ALMATY (5 January 2022) - Crowds stormed the city administration building in Almaty "
            + "on Wednesday and set it on fire. "
            + "Security forces fired stun grenades and tear gas at protesters in Republic Square. "
            + "The interior ministry said eight police officers had been killed. "
            + "In Taldykorgan, protesters pulled down a statue of former president Nursultan Nazarbayev. "
            + "President Tokayev declared a state of emergency and asked the CSTO for help.";

    /** A hostile report: markup in the text must come back as plain text and show as text. */
    static final String SCRIPT_TEXT = "<script>alert(1)</script> Protesters rallied in Uralsk "
            + "<img src=x onerror=alert(2)> on 4 January.";

    private static final Provenance RULES = new Provenance("detect", "rules", "0.1.0");
    private static final Provenance GEO = new Provenance("place", "gazetteer", "0.1.0");

    private SampleData() {
    }

    static List<Report> reports() {
        return List.of(
                new Report(R1, R1_TEXT, new ReportMetadata("https://example.org/news/zhanaozen", "Example News",
                        LocalDate.of(2022, 1, 3), "en", "Oil workers strike over gas prices", Map.of()), "test"),
                new Report(R2, R2_TEXT, new ReportMetadata("https://example.org/news/almaty", "Example Wire",
                        LocalDate.of(2022, 1, 6), "en", "Unrest in Almaty", Map.of()), "test"),
                new Report(R_SCRIPT, SCRIPT_TEXT, new ReportMetadata("javascript:alert(3)", "<b>Evil</b> Times",
                        LocalDate.of(2022, 1, 5), "en", "<script>alert(4)</script>", Map.of()), "test"));
    }

    static Span span(String text, String sentence) {
        int at = text.indexOf(sentence);
        if (at < 0) {
            throw new IllegalArgumentException("not in text: " + sentence);
        }
        return new Span(at, at + sentence.length());
    }

    private static Source source(Report r, String... sentences) {
        List<Span> spans = new ArrayList<>();
        for (String s : sentences) {
            spans.add(span(r.text(), s));
        }
        return new Source(r.id(), r.metadata().url(), r.metadata().publisher(), r.metadata().published(), spans);
    }

    private static Location place(String name, String admin1, double lat, double lon, long geonameid) {
        return new Location(name, name, geonameid, "KZ", admin1, null, lat, lon, 1, List.of());
    }

    static final Actor PROTESTERS = new Actor("Protesters (Kazakhstan)", "protesters", 6, null);
    static final Actor OIL_WORKERS = new Actor("Protesters (Kazakhstan)", "strikers", 6, "oil workers");
    static final Actor RIOTERS = new Actor("Rioters (Kazakhstan)", "rioters", 5, null);
    static final Actor POLICE = new Actor("Police Forces of Kazakhstan", "police", 1, null);
    static final Actor GOVERNMENT = new Actor("Government of Kazakhstan", "government", 1, null);

    /** Events per report id, in the order of {@link #reports()}. */
    static Map<String, List<Event>> events() {
        List<Report> rs = reports();
        Report r1 = rs.get(0);
        Report r2 = rs.get(1);
        Report r3 = rs.get(2);
        String s1 = "Oil workers in Zhanaozen went on strike on Sunday and gathered in the town's main square to protest "
                + "against the doubling of the price of liquefied gas.";
        Event zhanaozen = Event.builder()
                .eventId("ev-zhanaozen-0102").eventDate(LocalDate.of(2022, 1, 2)).timePrecision(1)
                .eventType("Protests").subEventType("Peaceful protest").forms(List.of("strike", "rally"))
                .actor1(OIL_WORKERS)
                .location(place("Zhanaozen", "Mangystau", 43.3412, 52.8619, 607610L))
                .demands(List.of(new Demand("fuel_prices", "price increases, tax policy", "economic",
                        "the doubling of the price of liquefied gas")))
                .sources(List.of(source(r1, s1, "Several hundred people stayed in the square overnight.")))
                .confidence(0.9)
                .notes("On 2 January 2022, oil workers went on strike and held a rally in the main square of "
                        + "Zhanaozen (Mangystau) over the doubled price of liquefied gas.")
                .evidence(List.of(
                        new Evidence("event_type", R1, List.of(span(r1.text(), "went on strike")), RULES),
                        new Evidence("location", R1, List.of(span(r1.text(), "Zhanaozen went")), GEO)))
                .build();
        String s2 = "On Monday the protest spread to Aktau, the regional capital of Mangystau, where about 1,000 people "
                + "rallied outside the regional administration.";
        Event aktau = Event.builder()
                .eventId("ev-aktau-0103").eventDate(LocalDate.of(2022, 1, 3))
                .eventType("Protests").subEventType("Peaceful protest").forms(List.of("rally"))
                .actor1(PROTESTERS)
                .location(place("Aktau", "Mangystau", 43.6481, 51.1722, 610612L))
                .figures(List.of(new Figure("participants", 1000L, null, null, "event", "estimate", null, R1,
                        span(r1.text(), "about 1,000 people"))))
                .sources(List.of(source(r1, s2, "Police did not intervene.")))
                .confidence(0.8)
                .notes("On 3 January 2022, about 1,000 protesters rallied outside the regional administration in "
                        + "Aktau (Mangystau).")
                .build();
        Event almatyRiot = Event.builder()
                .eventId("ev-almaty-0105-riot").eventDate(LocalDate.of(2022, 1, 5))
                .eventType("Riots").subEventType("Violent demonstration").forms(List.of("storming", "arson"))
                .actor1(RIOTERS).actor2(POLICE)
                .location(place("Almaty", "Almaty", 43.2500, 76.9167, 1526384L))
                .stateResponses(List.of("crowd dispersal"))
                .fatalities(8)
                .figures(List.of(new Figure("killed", 8L, null, null, "event", "official", "interior ministry", R2,
                        span(r2.text(), "eight police officers had been killed"))))
                .sources(List.of(source(r2,
                        "Crowds stormed the city administration building in Almaty on Wednesday and set it on fire.",
                        "Security forces fired stun grenades and tear gas at protesters in Republic Square.",
                        "The interior ministry said eight police officers had been killed.")))
                .confidence(0.85)
                .notes("On 5 January 2022, rioters stormed and set fire to the city administration building in "
                        + "Almaty; security forces used stun grenades and tear gas. 8 police officers were reported killed.")
                .build();
        Event taldykorgan = Event.builder()
                .eventId("ev-taldykorgan-0105").eventDate(LocalDate.of(2022, 1, 5))
                .eventType("Riots").subEventType("Mob violence").forms(List.of("statue_toppling"))
                .actor1(RIOTERS)
                .location(place("Taldykorgan", "Almaty Region", 45.0156, 78.3739, 1518542L))
                .sources(List.of(source(r2,
                        "In Taldykorgan, protesters pulled down a statue of former president Nursultan Nazarbayev.")))
                .confidence(0.7)
                .notes("On 5 January 2022, protesters pulled down a statue of former president Nazarbayev in "
                        + "Taldykorgan (Almaty Region).")
                .build();
        Event emergency = Event.builder()
                .eventId("ev-emergency-0105").eventDate(LocalDate.of(2022, 1, 5)).timePrecision(1)
                .eventType("Strategic developments").subEventType("Other")
                .forms(List.of("state_of_emergency", "foreign_assistance_request"))
                .actor1(GOVERNMENT)
                .location(new Location("Nur-Sultan", "Astana", 1526273L, "KZ", "Nur-Sultan", null, 51.1801,
                        71.4460, 3, List.of()))
                .sources(List.of(source(r2,
                        "President Tokayev declared a state of emergency and asked the CSTO for help.")))
                .confidence(0.75)
                .notes("On 5 January 2022, President Tokayev declared a state of emergency and asked the CSTO for help.")
                .build();
        Event uralsk = Event.builder()
                .eventId("ev-uralsk-0104").eventDate(LocalDate.of(2022, 1, 4))
                .eventType("Protests").subEventType("Peaceful protest").forms(List.of("rally"))
                .actor1(new Actor("<img src=x onerror=alert(5)>", "protesters", 6, null))
                .location(new Location("Uralsk <b>", "Oral", 608668L, "KZ", "West Kazakhstan", null, 51.2333,
                        51.3667, 1, List.of()))
                .sources(List.of(source(r3, "Protesters rallied in Uralsk")))
                .confidence(0.6)
                .notes("<script>alert(6)</script> On 4 January 2022, protesters rallied in Oral (West Kazakhstan).")
                .build();
        return Map.of(R1, List.of(zhanaozen, aktau), R2, List.of(almatyRiot, taldykorgan, emergency),
                R_SCRIPT, List.of(uralsk));
    }

    static void load(EventStore store) {
        Map<String, List<Event>> events = events();
        for (Report r : reports()) {
            store.addReport(r, events.get(r.id()));
        }
    }
}
