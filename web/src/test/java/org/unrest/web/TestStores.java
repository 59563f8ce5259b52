package org.unrest.web;

import java.nio.file.Path;
import org.unrest.store.EventStore;

/** The store the web tests run against. */
final class TestStores {
    private TestStores() {
    }

    static EventStore open(Path dir) {
        return new InMemoryEventStore();
    }
}
