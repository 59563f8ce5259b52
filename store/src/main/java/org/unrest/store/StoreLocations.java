package org.unrest.store;

import java.nio.file.Path;
import java.util.function.Function;

/** Where the store lives when nobody says otherwise. */
public final class StoreLocations {
    /** Environment variable naming the database: a file path or a JDBC URL. */
    public static final String ENV_DB = "UNREST_DB";

    private StoreLocations() {
    }

    /**
     * The database to open when none is given, in the form {@link JdbcEventStore#open(String)} takes:
     * {@code $UNREST_DB} if set (a path or a JDBC URL), else {@code $XDG_DATA_HOME/unrest/unrest}, else
     * {@code ~/.local/share/unrest/unrest} (the per-user data directory). H2 adds {@code .mv.db} to the file name.
     */
    public static String defaultDatabasePath() {
        return defaultDatabasePath(System::getenv, System.getProperty("user.home"));
    }

    static String defaultDatabasePath(Function<String, String> env, String userHome) {
        String db = env.apply(ENV_DB);
        if (db != null && !db.isBlank()) {
            return db.strip();
        }
        String xdg = env.apply("XDG_DATA_HOME");
        // the XDG spec says relative values are invalid and must be ignored
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "unrest", "unrest").toString();
        }
        return Path.of(userHome, ".local", "share", "unrest", "unrest").toString();
    }
}
