package org.unrest.nlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The report texts of every event-type set in this directory ({@code event-types*.jsonl}), for the lexicon tests. */
final class EventTypeTexts {
    static final Path DIR = Path.of("src/test/resources/org/unrest/nlp");

    private EventTypeTexts() {
    }

    static List<String> all() {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("event-types.*\\.jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        texts.add(json.readTree(line).get("text").asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
