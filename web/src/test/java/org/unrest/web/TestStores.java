package org.unrest.web;

import java.nio.file.Path;
import org.unrest.store.EventStore;
import org.unrest.store.JdbcEventStore;

/** The store the web tests run against: the real JDBC store over embedded H2 in a temporary folder. */
final class TestStores {
    private TestStores() {
    }

    static EventStore open(Path dir) {
        return JdbcEventStore.open(dir.resolve("unrest").toString());
    }
}
