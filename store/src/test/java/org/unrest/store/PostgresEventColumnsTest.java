package org.unrest.store;

import org.junit.jupiter.api.Assumptions;

/**
 * {@link EventColumnsContract} on PostgreSQL ({@link PostgresSchema}: {@code UNREST_TEST_PG_URL}), in a fresh schema
 * per test; skipped without the URL (failing under {@code CI}, as the store tests do).
 */
class PostgresEventColumnsTest extends EventColumnsContract {
    private PostgresSchema schema;

    @Override
    protected String newDatabase() throws Exception {
        String baseUrl = PostgresSchema.baseUrl();
        if (baseUrl == null) {
            Assumptions.abort(PostgresSchema.MISSING);
        }
        schema = PostgresSchema.create(baseUrl, "c_");
        return schema.url();
    }

    @Override
    protected void dropDatabase(String db) throws Exception {
        if (schema != null) {
            schema.drop();
        }
    }
}
