package org.unrest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on embedded H2 files (PostgreSQL mode), one fresh file per test. */
class H2EventStoreTest extends EventStoreContractTest {
    @TempDir
    Path tmp;

    @Override
    protected String newDatabase() {
        // parent directories that do not exist yet: open() creates them
        return tmp.resolve("data").resolve("unrest").resolve("unrest").toString();
    }

    @Test
    void filePathMakesAnH2FileWithParentsAndALocationNamingIt() {
        assertTrue(Files.isRegularFile(Path.of(db + ".mv.db")), "H2 file at " + db);
        assertEquals("jdbc:h2:file:" + Path.of(db).toAbsolutePath(), store.location());
    }

    @Test
    void pathWithMvDbSuffixOpensTheSameStore() {
        store.addReport(Fixtures.report("r1", "x"), List.of());
        store.close();
        store = JdbcEventStore.open(db + ".mv.db");
        assertEquals(1, store.countReports());
    }

    @Test
    void jdbcH2UrlIsUsedAsGiven() {
        store.addReport(Fixtures.report("r1", "x"), List.of());
        store.close();
        store = JdbcEventStore.open("jdbc:h2:file:" + db + JdbcEventStore.H2_OPTIONS);
        assertEquals(1, store.countReports());
    }

    @Test
    void inMemoryH2UrlWorks() {
        try (EventStore mem = JdbcEventStore.open("jdbc:h2:mem:contract;MODE=PostgreSQL;DB_CLOSE_DELAY=-1")) {
            mem.addReport(Fixtures.report("r1", "x"), List.of(Fixtures.event("e1", "r1", null, "Protests", "A")));
            assertEquals(1, mem.countEvents());
        }
    }

    @Test
    void openingWhereNoFileCanBeGivesAMessageNamingThePlace() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("not-a-dir"), "x");
        String bad = blocker.resolve("sub").resolve("unrest").toString();
        StoreException e = assertThrows(StoreException.class, () -> JdbcEventStore.open(bad));
        assertTrue(e.getMessage().contains(blocker.toString()), e.getMessage());
    }

    @Test
    void aDirectoryIsNotAStorePath() {
        assertThrows(IllegalArgumentException.class, () -> JdbcEventStore.open(tmp.toString()));
    }

    @Test
    void unsupportedUrlsAndBlankNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> JdbcEventStore.open("jdbc:mysql://h/db"));
        assertThrows(IllegalArgumentException.class, () -> JdbcEventStore.open(" "));
    }

    @Test
    void unreachablePostgresGivesAMessageNamingItWithoutThePassword() {
        StoreException e = assertThrows(StoreException.class, () -> JdbcEventStore.open(
                "jdbc:postgresql://127.0.0.1:1/nope?user=u&password=secret&connectTimeout=2"));
        assertTrue(e.getMessage().contains("127.0.0.1:1/nope"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    }
    @Test
    void rowsWrittenBeforeSchemaVersion2GetTheirDerivedColumnsOnOpen() throws Exception {
        store.close();
        store = null;
        String other = tmp.resolve("v1").toString();
        org.flywaydb.core.Flyway.configure()
                .dataSource("jdbc:h2:file:" + other + JdbcEventStore.H2_OPTIONS, "", "")
                .locations("classpath:db/migration").target("1").load().migrate();
        org.unrest.model.Event e = Fixtures.fullEvent("old", "r1");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + other + JdbcEventStore.H2_OPTIONS, "", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("INSERT INTO reports (id, content_hash, text, ingested_at) VALUES ('r1', 'h', 't', NOW())");
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO events (event_id, report_id, event_date,"
                    + " event_type, country, admin1, lat, lon, confidence, review_state, payload)"
                    + " VALUES ('old', 'r1', DATE '2022-01-02', 'Protests', 'KZ', 'Mangghystau', 43.3, 52.8, 0.5,"
                    + " 'accepted', ?)")) {
                ps.setString(1, JdbcEventStore.payload(e));
                ps.executeUpdate();
            }
        }
        store = JdbcEventStore.open(other);
        assertEquals(java.util.List.of("old"), store.events(EventFilter.builder().forms(java.util.List.of("strike"))
                .actor("protesters").build()).stream().map(org.unrest.model.Event::eventId).toList());
        assertEquals("Zhanaozen", store.mapPoints(EventFilter.all()).get(0).place());
    }
}
