package org.unrest.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * {@link EventColumnsContract} on PostgreSQL ({@code UNREST_TEST_PG_URL}, see {@link PostgresEventStoreTest}), in a
 * fresh schema per test; skipped without the URL (failing under {@code CI}, as the store tests do).
 */
class PostgresEventColumnsTest extends EventColumnsContract {
    private String schema;
    private String baseUrl;

    @Override
    protected String newDatabase() throws Exception {
        baseUrl = System.getenv(PostgresEventStoreTest.ENV_URL);
        if (baseUrl == null || baseUrl.isBlank()) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
                throw new IllegalStateException("CI is set but " + PostgresEventStoreTest.ENV_URL + " is not");
            }
            Assumptions.abort(PostgresEventStoreTest.ENV_URL + " is not set: no PostgreSQL to test against");
        }
        baseUrl = baseUrl.strip();
        schema = "c_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected void dropDatabase(String db) throws Exception {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
