package org.unrest.cli;

import picocli.CommandLine.Option;
import org.unrest.store.JdbcEventStore;
import org.unrest.store.StoreLocations;

/** The {@code --db} option every command that reads or writes the store shares. */
final class DbOption {
    @Option(names = "--db", paramLabel = "PATH|JDBC-URL",
            description = "Database: a file path (embedded H2) or a JDBC URL (jdbc:postgresql://...). "
                    + "Default: $UNREST_DB, else a per-user data directory.")
    String db;

    String location() {
        return db != null ? db : StoreLocations.defaultDatabasePath();
    }

    JdbcEventStore open() {
        return JdbcEventStore.open(location());
    }
}
