package org.unrest.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link EventColumnsContract} on embedded H2, as {@code unrest} opens it. */
class H2EventColumnsTest extends EventColumnsContract {
    @TempDir
    Path dir;

    @Override
    protected String newDatabase() {
        return dir.resolve("columns").toString();
    }
}
