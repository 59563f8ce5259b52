package org.unrest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrest.model.Event;
import org.unrest.model.Location;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.model.ReviewState;
import org.unrest.model.Source;
import org.unrest.model.Span;
import org.unrest.store.EventFilter;
import org.unrest.store.HistoryEntry;
import org.unrest.store.JdbcEventStore;

/** ReviewService, UserService and AnalysisService over a real embedded store. */
class ReviewAndUserServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    JdbcEventStore store;
    ReviewService review;

    @BeforeEach
    void open() {
        store = JdbcEventStore.open(dir.resolve("db").toString());
        review = new ReviewService(store);
        store.addReport(new Report("r1", "Workers struck in Zhanaozen. Crowds rallied in Aktau.", ReportMetadata.empty(), null),
                List.of(event("a", "r1", 2, "Mangghystau", 0.8, 0, 28), event("b", "r1", 3, "Mangghystau", 0.3, 29, 53)));
        store.addReport(new Report("r2", "Aktau square filled with people.", ReportMetadata.empty(), null),
                List.of(event("c", "r2", 4, "Almaty City", 0.5, 0, 10)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Event event(String id, String report, int day, String admin1, double conf, int s, int e) {
        return Event.builder().eventId(id).eventDate(LocalDate.of(2022, 1, day)).eventType("Protests")
                .subEventType("Peaceful protest")
                .location(new Location("x", "X", null, "KZ", admin1, null, 43.0, 52.0, 1, List.of()))
                .sources(List.of(new Source(report, null, null, null, List.of(new Span(s, e)))))
                .confidence(conf).build();
    }

    @Test
    void queueIsLeastConfidentFirstAndReviewedEventsLeaveIt() {
        assertEquals(List.of("b", "c", "a"), review.queue(EventFilter.all()).stream().map(Event::eventId).toList());
        review.accept("b", "carol", null);
        assertEquals(List.of("c", "a"), review.queue(EventFilter.all()).stream().map(Event::eventId).toList());
    }

    @Test
    void editSetsFieldsChecksVocabulariesAndKeepsHistory() throws Exception {
        JsonNode change = JSON.readTree("{\"event_type\": \"Riots\", \"sub_event_type\": \"Mob violence\","
                + " \"location\": {\"admin1\": \"Atyrau\"}, \"demands\": [\"fuel_prices\"], \"fatalities\": 2}");
        Event e = review.edit("a", "carol", change, "wrong type");
        assertEquals("Riots", e.eventType());
        assertEquals("Atyrau", e.location().admin1());
        assertEquals("X", e.location().name(), "the rest of the location is kept");
        assertEquals("economic", e.demands().get(0).group(), "the demand's group comes from the vocabulary");
        assertEquals(ReviewState.CORRECTED, store.event("a").orElseThrow().reviewState());
        HistoryEntry h = review.history("a").get(0);
        assertEquals("carol", h.changedBy());
        assertEquals("Protests", h.before().eventType());
        assertEquals("Riots", h.after().eventType());

        assertThrows(ReviewException.class, () -> review.edit("a", "x", JSON.readTree("{\"event_type\": \"Party\"}"), null));
        assertThrows(ReviewException.class, () -> review.edit("a", "x", JSON.readTree("{\"sub_event_type\": \"Arrests\"}"), null));
        assertThrows(ReviewException.class, () -> review.edit("a", "x", JSON.readTree("{\"event_id\": \"z\"}"), null));
        assertThrows(ReviewException.class, () -> review.edit("a", "x", JSON.readTree("{\"event_date\": \"5 Jan\"}"), null));
        assertThrows(ReviewException.class, () -> review.edit("a", "x", JSON.readTree("{\"forms\": [\"picnic\"]}"), null));
        assertThrows(NoSuchElementException.class, () -> review.edit("nope", "x", JSON.readTree("{}"), null));
        assertEquals(1, review.history("a").size(), "refused edits leave no trace");
    }

    @Test
    void mergeJoinsSourcesAndMarksTheOtherMergedThenSplitSeparatesThem() throws Exception {
        Event kept = review.merge("a", "c", "rita", null);
        assertEquals(List.of("r1", "r2"), kept.reportIds());
        assertEquals(LocalDate.of(2022, 1, 4), kept.endDate());
        assertEquals(ReviewState.MERGED, store.event("c").orElseThrow().reviewState());
        assertEquals("merged into a", review.history("c").get(0).note());
        assertThrows(ReviewException.class, () -> review.merge("a", "c", "rita", null), "c is merged already");
        assertThrows(ReviewException.class, () -> review.accept("c", "rita", null));

        List<Event> parts = review.split("a", "rita", List.of(JSON.readTree("{\"sources\": [\"r1\"]}"),
                JSON.readTree("{\"sources\": [\"r2\"], \"event_date\": \"2022-01-04\", \"end_date\": null}")), null);
        assertEquals(List.of("a", "a-s1"), parts.stream().map(Event::eventId).toList());
        assertEquals(List.of("r1"), store.event("a").orElseThrow().reportIds());
        assertEquals(List.of("r2"), store.event("a-s1").orElseThrow().reportIds());
        assertEquals("split-from", review.history("a-s1").get(0).action());
        assertThrows(ReviewException.class, () -> review.split("a", "rita", List.of(JSON.readTree("{}")), null));
    }

    @Test
    void usersHaveSaltedHashesSessionsAndCsrfTokens() {
        UserService users = new UserService(store);
        users.add("alice", "correct horse".toCharArray(), Role.CODER);
        users.add("bob", "correct horse".toCharArray(), Role.VIEWER);
        String h1 = store.user("alice").orElseThrow().passwordHash();
        String h2 = store.user("bob").orElseThrow().passwordHash();
        assertTrue(h1.startsWith("$2a$10$"), "BCrypt");
        assertNotEquals(h1, h2, "salted: the same password hashes differently");
        assertFalse(h1.contains("correct horse"));
        assertThrows(IllegalArgumentException.class, () -> users.add("alice", "another one".toCharArray(), Role.ADMIN));
        assertThrows(IllegalArgumentException.class, () -> users.add("eve", "short".toCharArray(), Role.ADMIN));
        assertThrows(IllegalArgumentException.class, () -> users.add("<script>", "long enough".toCharArray(), Role.ADMIN));
        assertThrows(IllegalArgumentException.class, () -> users.add("eve", "x".repeat(73).toCharArray(), Role.ADMIN));

        assertTrue(users.login("alice", "wrong password".toCharArray()).isEmpty());
        assertTrue(users.login("nobody", "correct horse".toCharArray()).isEmpty());
        UserService.Session s = users.login("alice", "correct horse".toCharArray()).orElseThrow();
        assertEquals(Role.CODER, s.role());
        UserService.Session again = users.session(s.token()).orElseThrow();
        assertEquals("alice", again.user());
        assertTrue(UserService.csrfMatches(again, s.csrfToken()));
        assertFalse(UserService.csrfMatches(again, s.csrfToken() + "x"));
        assertFalse(UserService.csrfMatches(again, null));
        users.setRole("alice", Role.REVIEWER);
        assertEquals(Role.REVIEWER, users.session(s.token()).orElseThrow().role(), "a role change applies at once");
        users.logout(again);
        assertTrue(users.session(s.token()).isEmpty());
        assertFalse(users.anyAdmin());
    }

    @Test
    void analysisViews() {
        AnalysisService a = new AnalysisService(store);
        List<AnalysisService.SpreadRow> spread = a.spread(EventFilter.all());
        assertEquals(List.of("Mangghystau", "Almaty City"), spread.stream().map(AnalysisService.SpreadRow::admin1).toList());
        assertEquals(2, spread.get(1).dayOffset());
        assertEquals(Map.of("Mangghystau", 2L, "Almaty City", 1L), Map.of(
                a.regions(EventFilter.all()).get(0).admin1(), a.regions(EventFilter.all()).get(0).events(),
                a.regions(EventFilter.all()).get(1).admin1(), a.regions(EventFilter.all()).get(1).events()));
        assertEquals(3, a.escalation(EventFilter.all()).size());
        assertEquals(null, a.escalation(EventFilter.all()).get(0).economicShare(), "no demands, no share");
    }
}
