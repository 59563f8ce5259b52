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
}
