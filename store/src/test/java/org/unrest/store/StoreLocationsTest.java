package org.unrest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocationsTest {
    private static String resolve(Map<String, String> env) {
        return StoreLocations.defaultDatabasePath(env::get, "/home/me");
    }

    @Test
    void unrestDbWins() {
        assertEquals("/data/x", resolve(Map.of("UNREST_DB", "/data/x", "XDG_DATA_HOME", "/xdg")));
        assertEquals("jdbc:postgresql://h/db", resolve(Map.of("UNREST_DB", " jdbc:postgresql://h/db ")));
    }

    @Test
    void xdgDataHomeNext() {
        assertEquals(Path.of("/xdg", "unrest", "unrest").toString(), resolve(Map.of("XDG_DATA_HOME", "/xdg")));
    }

    @Test
    void homeLocalShareLast() {
        String expected = Path.of("/home/me", ".local", "share", "unrest", "unrest").toString();
        assertEquals(expected, resolve(Map.of()));
        assertEquals(expected, resolve(Map.of("UNREST_DB", "  ", "XDG_DATA_HOME", "")));
        assertEquals(expected, resolve(Map.of("XDG_DATA_HOME", "relative/dir")), "relative XDG values are ignored");
    }
}
