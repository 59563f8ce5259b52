package org.unrest.store;

import java.time.LocalDate;
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
import org.unrest.model.ReviewState;
import org.unrest.model.Source;
import org.unrest.model.Span;

/** Reports and events for the store tests. */
final class Fixtures {
    /** Emoji (surrogate pairs), Cyrillic, Kazakh letters, CRLF, a lone CR, tabs and trailing spaces. */
    static final String TRICKY_TEXT = "Жанаозен, 2 января 2022 г. — Нефтяники вышли на площадь 🔥✊🏽\r\n"
            + "Oil workers rallied in Zhanaozen 😀 against the LPG price rise.\r\n"
            + "Қазақстан: «Шал кет!»\rTabs\there and trailing spaces   \n"
            + "Mathematical 𝔘𝔫𝔯𝔢𝔰𝔱, combining é (e\u0301), zero-width\u200bjoiner, BOM\uFEFF end.  ";

    private Fixtures() {
    }

    static Report report(String id, String text) {
        ReportMetadata m = new ReportMetadata("https://example.org/news/" + id, "Example News",
                LocalDate.of(2022, 1, 3), "ru", "Протесты в Жанаозене — " + id,
                Map.of("feed", "rss", "section", "Мир / World", "quote", "\"q\" \\ back"));
        return new Report(id, text, m, "corpus.jsonl:" + id);
    }

    static Report bareReport(String id, String text) {
        return new Report(id, text, ReportMetadata.empty(), null);
    }

    static Event event(String id, String reportId, LocalDate date, String type, String admin1) {
        Location where = admin1 == null ? null
                : new Location("в Жанаозене", "Zhanaozen", 608668L, "KZ", admin1, null, 43.34, 52.86, 1, List.of());
        return Event.builder()
                .eventId(id)
                .eventDate(date)
                .eventType(type)
                .subEventType(type == null ? null : type + " (sub)")
                .location(where)
                .sources(List.of(new Source(reportId, "https://example.org/news/" + reportId, "Example News",
                        LocalDate.of(2022, 1, 3), List.of(new Span(0, 10)))))
                .confidence(0.5)
                .build();
    }

    /** An event with every field set, to check the payload keeps all of it. */
    static Event fullEvent(String id, String reportId) {
        Provenance p = new Provenance("date", "rules", "0.1.0");
        return Event.builder()
                .eventId(id)
                .eventDate(LocalDate.of(2022, 1, 2))
                .endDate(LocalDate.of(2022, 1, 5))
                .timeOfDay("morning")
                .timePrecision(2)
                .eventType("Protests")
                .subEventType("Peaceful protest")
                .forms(List.of("rally", "strike"))
                .actor1(new Actor("Protesters (Kazakhstan)", "Protesters", 6, "oil workers"))
                .actor2(new Actor("Police Forces of Kazakhstan (2019-)", "State forces", 1, null))
                .location(new Location("Жанаозен", "Zhanaozen", 608668L, "KZ", "Mangghystau", "Zhanaozen City",
                        43.34116, 52.86192, 1, List.of("Mangghystau", "Atyrau")))
                .demands(List.of(new Demand("economic", "price increases, tax policy", "economic", "цены на газ")))
                .stateResponses(List.of("accommodation", "ignore"))
                .fatalities(0)
                .figures(List.of(new Figure("participants", null, 1000L, 2000L, "event", "estimate",
                        "organisers", reportId, new Span(5, 12))))
                .sources(List.of(new Source(reportId, "https://example.org/a", "Example", LocalDate.of(2022, 1, 3),
                        List.of(new Span(0, 10), new Span(20, 30)))))
                .confidence(0.123456789)
                .notes("Нефтяники вышли 🔥 \"quoted\"\r\nsecond line")
                .evidence(List.of(new Evidence("event_date", reportId, List.of(new Span(11, 25)), p),
                        new Evidence("location", reportId, List.of(new Span(0, 8)), null)))
                .reviewState(ReviewState.ACCEPTED)
                .build();
    }
}
