package org.unrest.store;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL ({@link PostgresSchema}: {@code UNREST_TEST_PG_URL}). Each test gets its
 * own fresh schema, dropped afterwards. Without the URL these tests are skipped, except when {@code CI} is set: then
 * they fail, so CI can never silently skip them.
 */
class PostgresEventStoreTest extends EventStoreContractTest {
    private static String baseUrl;

    @BeforeAll
    static void needsPostgres() {
        baseUrl = PostgresSchema.baseUrl();
        if (baseUrl == null) {
            System.err.println("WARNING: skipping the PostgreSQL store tests: " + PostgresSchema.MISSING);
        }
    }

    private PostgresSchema schema;

    @Override
    protected String newDatabase() throws Exception {
        // aborting here (not in @BeforeAll) makes every test show up as skipped, with the reason
        Assumptions.assumeTrue(baseUrl != null, () -> "skipped: " + PostgresSchema.MISSING);
        schema = PostgresSchema.create(baseUrl, "t_");
        return schema.url();
    }

    @Override
    protected void dropDatabase(String db) throws Exception {
        if (schema != null) {
            schema.drop();
        }
    }
}
