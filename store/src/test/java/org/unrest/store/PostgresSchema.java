package org.unrest.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh schema on the test PostgreSQL ({@code UNREST_TEST_PG_URL}, a full JDBC URL with user and password;
 * {@code .ci/pg-start} makes one), for one test, dropped afterwards. Without the URL the PostgreSQL tests are
 * skipped, except when {@code CI} is set: then they fail, so CI can never silently skip them.
 */
final class PostgresSchema {
    static final String ENV_URL = "UNREST_TEST_PG_URL";
    static final String MISSING = ENV_URL
            + " is not set: no PostgreSQL to test against (run `eval \"$(.ci/pg-start)\"` first)";

    private final String baseUrl;
    private final String name;

    private PostgresSchema(String baseUrl, String prefix) throws Exception {
        this.baseUrl = baseUrl;
        this.name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + name);
    }

    /** The test server's URL, or null when it is not set (a test failure when {@code CI} is set). */
    static String baseUrl() {
        String url = System.getenv(ENV_URL);
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            fail("CI is set, so the PostgreSQL store tests must run, but " + MISSING);
        }
        return null;
    }

    /** Creates a schema named {@code prefix} and a random suffix on the server at {@code baseUrl}. */
    static PostgresSchema create(String baseUrl, String prefix) throws Exception {
        return new PostgresSchema(baseUrl, prefix);
    }

    /** The JDBC URL that works in this schema. */
    String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    void drop() throws Exception {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
