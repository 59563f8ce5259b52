package org.unrest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.unrest.model.Actor;
import org.unrest.model.Demand;
import org.unrest.model.Event;
import org.unrest.model.Figure;
import org.unrest.model.ReviewState;
import org.unrest.model.Source;
import org.unrest.model.Span;

/**
 * The web app's part of the store contract: filters, changes with history, users and sessions, aggregates.
 * Mixed into {@link EventStoreContractTest}, so it runs on H2 and on PostgreSQL.
 */
interface ReviewStoreContract {
    EventStore store();

    LocalDate J2 = LocalDate.of(2022, 1, 2);
    LocalDate J4 = LocalDate.of(2022, 1, 4);
    LocalDate J5 = LocalDate.of(2022, 1, 5);

    private void loadSample() {
        Event strike = Fixtures.event("e1", "r1", J2, "Protests", "Mangghystau").toBuilder()
                .subEventType("Peaceful protest").forms(List.of("strike", "rally"))
                .actor1(new Actor("Protesters (Kazakhstan)", "strikers", 6, "oil workers"))
                .demands(List.of(new Demand("fuel_prices", "price increases, tax policy", "economic", "gas price")))
                .confidence(0.9).build();
        Event riot = Fixtures.event("e2", "r1", J5, "Riots", "Almaty City").toBuilder()
                .subEventType("Violent demonstration").forms(List.of("storming", "arson"))
                .actor1(new Actor("Rioters (Kazakhstan)", "rioters", 5, null))
                .actor2(new Actor("Police Forces of Kazakhstan", "police", 1, null))
                .demands(List.of(new Demand("resignation_of_government", "removal of politician", "political", null),
                        new Demand("fuel_prices", "price increases, tax policy", "economic", null)))
                .fatalities(3)
                .figures(List.of(new Figure("arrested", 200L, null, null, "event", null, null, "r1", new Span(0, 3)),
                        new Figure("detained", 150L, null, null, "event", null, null, "r1", new Span(0, 3)),
                        new Figure("arrested", 10000L, null, null, "period", null, null, "r1", new Span(0, 3))))
                .confidence(0.4).build();
        Event arrests = Fixtures.event("e3", "r2", J4, "Strategic developments", "Almaty City").toBuilder()
                .subEventType("Arrests").actor1(new Actor("Police Forces of Kazakhstan", "police", 1, null))
                .confidence(0.6).build();
        store().addReport(Fixtures.report("r1", "Oil workers struck in Zhanaozen; riots in Almaty."),
                List.of(strike, riot));
        store().addReport(Fixtures.report("r2", "Police arrested people in Almaty."), List.of(arrests));
    }

    @Test
    default void filterMatchesListsActorsConfidenceTextAndReviewState() {
        loadSample();
        assertEquals(List.of("e1", "e3", "e2"), ids(store().events(EventFilter.all())));
        assertEquals(List.of("e2", "e3", "e1"),
                ids(store().events(EventFilter.builder().order(EventFilter.Order.CONFIDENCE).build())));
        assertEquals(List.of("e1", "e2"), ids(store().events(EventFilter.builder().types(List.of("Protests", "Riots")).build())));
        assertEquals(List.of("e2"), ids(store().events(EventFilter.builder().subTypes(List.of("Violent demonstration")).build())));
        assertEquals(List.of("e1", "e2"), ids(store().events(EventFilter.builder().forms(List.of("strike", "arson")).build())));
        assertEquals(List.of(), ids(store().events(EventFilter.builder().forms(List.of("str")).build())), "whole forms only");
        assertEquals(List.of("e3", "e2"), ids(store().events(EventFilter.builder().actor("police forces").build())));
        assertEquals(List.of("e3", "e2"), ids(store().events(EventFilter.builder().admin1(List.of("Almaty City")).build())));
        assertEquals(List.of("e3", "e2"), ids(store().events(EventFilter.builder().maxConfidence(0.6).build())));
        assertEquals(List.of("e1"), ids(store().events(EventFilter.builder().minConfidence(0.61).build())));
        assertEquals(List.of("e1"), ids(store().events(EventFilter.builder().text("OIL WORKERS").build())));
        assertEquals(List.of(), ids(store().events(EventFilter.builder().text("50%_").build())), "LIKE wildcards are literal");
        assertEquals(List.of("e3"), ids(store().events(EventFilter.builder().reportId("r2").build())));
        assertEquals(3, store().count(EventFilter.builder().reviewStates(List.of("unreviewed")).limit(1).build()));
        assertEquals(0, store().count(EventFilter.builder().reviewStates(List.of("accepted")).build()));
        assertEquals(List.of("e3"), ids(store().events(EventFilter.builder().offset(1).limit(1).build())));
    }

    @Test
    default void changeWritesTheEventItsColumnsAndAHistoryEntry() {
        loadSample();
        List<Event> written = store().change(List.of("e1"), "carol", evs -> List.of(new EventChange(
                evs.get(0).toBuilder().eventType("Riots").subEventType("Mob violence")
                        .reviewState(ReviewState.CORRECTED).build(), "edit", "type was wrong")));
        assertEquals("Riots", written.get(0).eventType());
        Event stored = store().event("e1").orElseThrow();
        assertEquals("Mob violence", stored.subEventType());
        assertEquals(ReviewState.CORRECTED, stored.reviewState());
        assertEquals(List.of("e1", "e2"), ids(store().events(EventFilter.builder().types(List.of("Riots")).build())));
        assertEquals(1, store().count(EventFilter.builder().reviewStates(List.of("corrected")).build()));

        List<HistoryEntry> h = store().history("e1");
        assertEquals(1, h.size());
        assertEquals("carol", h.get(0).changedBy());
        assertEquals("edit", h.get(0).action());
        assertEquals("type was wrong", h.get(0).note());
        assertEquals("Protests", h.get(0).before().eventType());
        assertEquals("Riots", h.get(0).after().eventType());
        assertTrue(ChronoUnit.SECONDS.between(h.get(0).changedAt(), Instant.now()) < 60);
    }

    @Test
    default void changeCanAddEventsAndMergeSourcesAndFailsWhole() {
        loadSample();
        store().change(List.of("e2", "e3"), "rev", evs -> {
            Event keep = evs.get(0);
            Event other = evs.get(1);
            List<Source> sources = new java.util.ArrayList<>(keep.sources());
            sources.addAll(other.sources());
            return List.of(new EventChange(keep.toBuilder().sources(sources).build(), "merge", "merged e3"),
                    new EventChange(other.toBuilder().reviewState(ReviewState.MERGED).build(), "merged", "into e2"),
                    new EventChange(keep.toBuilder().eventId("e2-s1").eventDate(J4).build(), "split-from", "e2"));
        });
        assertEquals(List.of("e2"), ids(store().events(EventFilter.builder().reportId("r2")
                .reviewStates(List.of("unreviewed")).build())), "e2 now has a source in r2; e3 is merged");
        assertEquals(ReviewState.MERGED, store().event("e3").orElseThrow().reviewState());
        assertEquals(J4, store().event("e2-s1").orElseThrow().eventDate());
        assertNull(store().history("e2-s1").get(0).before(), "a new event has no before");
        assertEquals(4, store().countEvents());

        assertThrows(NoSuchElementException.class, () -> store().change(List.of("e1", "nope"), "x", evs -> List.of()));
        assertThrows(IllegalStateException.class, () -> store().change(List.of("e1"), "x", evs -> {
            throw new IllegalStateException("changer failed");
        }));
        assertThrows(RuntimeException.class, () -> store().change(List.of("e1"), "x", evs -> List.of(
                new EventChange(evs.get(0).toBuilder().notes("changed").build(), "edit", null),
                new EventChange(evs.get(0).toBuilder().eventId("e2").build(), "split-from", null))),
                "a new event may not take an existing id");
        assertEquals(null, store().event("e1").orElseThrow().notes(), "nothing of the failed change was written");
        assertTrue(store().history("e1").isEmpty());
    }

    @Test
    default void usersAndSessions() {
        Instant now = Instant.parse("2022-01-05T10:00:00Z");
        assertTrue(store().addUser(new StoredUser("alice", "$2a$10$hash", "admin", now)));
        assertFalse(store().addUser(new StoredUser("alice", "$2a$10$other", "viewer", now)), "names are unique");
        assertEquals("admin", store().user("alice").orElseThrow().role());
        assertTrue(store().updateUser("alice", "reviewer", null));
        assertEquals("reviewer", store().user("alice").orElseThrow().role());
        assertFalse(store().updateUser("bob", "viewer", null));
        assertEquals(List.of("alice"), store().users().stream().map(StoredUser::name).toList());

        store().addSession(new StoredSession("h1", "alice", null, "csrf1", now, now.plusSeconds(3600)));
        StoredSession s = store().session("h1", now.plusSeconds(10)).orElseThrow();
        assertEquals("reviewer", s.role(), "the session carries the user's current role");
        assertEquals("csrf1", s.csrfToken());
        assertTrue(store().session("h1", now.plusSeconds(3600)).isEmpty(), "expired");
        assertTrue(store().session("h2", now).isEmpty());
        assertEquals(1, store().deleteExpiredSessions(now.plusSeconds(4000)));
        store().addSession(new StoredSession("h3", "alice", null, "csrf3", now, now.plusSeconds(3600)));
        assertTrue(store().updateUser("alice", null, "$2a$10$new"));
        assertTrue(store().session("h3", now).isEmpty(), "a new password ends every session");
        store().addSession(new StoredSession("h4", "alice", null, "csrf4", now, now.plusSeconds(3600)));
        store().deleteSession("h4");
        assertTrue(store().session("h4", now).isEmpty());
    }

    @Test
    default void aggregatesCountWhatTheFilterSelects() {
        loadSample();
        List<Aggregates.DayTypeCount> t = store().timeline(EventFilter.all());
        assertEquals(List.of(new Aggregates.DayTypeCount(J2, "Protests", 1),
                new Aggregates.DayTypeCount(J4, "Strategic developments", 1),
                new Aggregates.DayTypeCount(J5, "Riots", 1)), t);

        List<Aggregates.RegionRow> r = store().regions(EventFilter.all());
        assertEquals(2, r.size());
        Aggregates.RegionRow almaty = r.get(0);
        assertEquals("Almaty City", almaty.admin1());
        assertEquals(2, almaty.events());
        assertEquals(1, almaty.violent());
        assertEquals(3, almaty.fatalities());
        assertEquals(200, almaty.arrests(), "the largest event-scope arrest figure, no period total");
        assertEquals(J4, almaty.firstDay());
        assertEquals(J5, almaty.lastDay());
        assertEquals(J5, almaty.firstProtestDay(), "the arrests are not a protest");
        assertEquals(J2, r.get(1).firstProtestDay());

        List<Aggregates.DayDemands> d = store().demandsByDay(EventFilter.all());
        assertEquals(new Aggregates.DayDemands(J5, 1, 1, 1, 1, 0), d.get(2));
        assertEquals(new Aggregates.DayDemands(J4, 1, 0, 0, 0, 0), d.get(1));

        List<Aggregates.ActorRow> a = store().actors(EventFilter.all());
        Aggregates.ActorRow police = a.stream().filter(x -> x.name().startsWith("Police")).findFirst().orElseThrow();
        assertEquals(2, police.events(), "actor1 in e3 and actor2 in e2");
        assertEquals(J4, police.firstDay());
        assertEquals(J5, police.lastDay());

        assertEquals(1, store().timeline(EventFilter.builder().types(List.of("Riots")).build()).size());
        List<Aggregates.MapPoint> pts = store().mapPoints(EventFilter.all());
        assertEquals(List.of("e1", "e3", "e2"), pts.stream().map(Aggregates.MapPoint::eventId).toList());
        assertEquals("Zhanaozen", pts.get(0).place());
        assertEquals(43.34, pts.get(0).lat(), 1e-9);
        assertEquals(3, pts.get(2).fatalities());

        List<Aggregates.ReportHit> hits = store().searchReports("ZHANAOZEN", 10);
        assertEquals(1, hits.size());
        assertEquals("r1", hits.get(0).id());
        assertTrue(hits.get(0).snippet().contains("Zhanaozen"));
        assertTrue(store().searchReports("%", 10).isEmpty(), "LIKE wildcards are literal");
    }

    private static List<String> ids(List<Event> events) {
        return events.stream().map(Event::eventId).toList();
    }
}
