package org.unrest.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL: {@code UNREST_TEST_PG_URL} is a full JDBC URL with user and password
 * ({@code .ci/pg-start} makes one). Each test gets its own fresh schema, dropped afterwards.
 * Without the URL these tests are skipped, except when {@code CI} is set: then they fail, so CI can never
 * silently skip them.
 */
class PostgresEventStoreTest extends EventStoreContractTest {
    static final String ENV_URL = "UNREST_TEST_PG_URL";

    private static String baseUrl;

    @BeforeAll
    static void needsPostgres() {
        baseUrl = System.getenv(ENV_URL);
        if (baseUrl == null || baseUrl.isBlank()) {
            String why = ENV_URL + " is not set: no PostgreSQL to test against (run `eval \"$(.ci/pg-start)\"` first)";
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
                fail("CI is set, so the PostgreSQL store tests must run, but " + why);
            }
            Assumptions.abort("skipping the PostgreSQL store tests: " + why);
        }
        baseUrl = baseUrl.strip();
    }

    private String schema;

    @Override
    protected String newDatabase() throws Exception {
        schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected void dropDatabase(String db) throws Exception {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
