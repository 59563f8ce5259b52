package org.unrest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train command's command line; training itself is tested in the learn module (it takes minutes on MM). */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMissingCsvIsNamedAndFails() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Unrest.run(new String[] {"train", "--data", dir.resolve("nope.csv").toString(), "--out", dir.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Unrest.FAILED, code, err.toString());
        assertTrue(err.toString().contains("nope.csv") && err.toString().contains("--data"), err.toString());
    }

    @Test
    void helpListsTheOptions() {
        StringWriter out = new StringWriter();
        int code = Unrest.run(new String[] {"help", "train"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertEquals(0, code);
        for (String option : new String[] {"--data", "--reviewed", "--out", "--costs"}) {
            assertTrue(out.toString().contains(option), out.toString());
        }
    }
}
