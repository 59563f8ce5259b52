package org.unrest.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a whole text from a file, or from standard input when the name is "-". */
final class TextInput {
    private TextInput() {
    }

    static String read(String name) throws IOException {
        if (name.equals("-")) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path p = Path.of(name);
        if (Files.isDirectory(p)) {
            throw new IOException(name + ": is a directory, not a file");
        }
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(name + ": no such file", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(name + ": not valid UTF-8", e);
        }
    }
}
