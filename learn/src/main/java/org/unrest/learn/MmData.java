package org.unrest.learn;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.unrest.model.Vocabulary;

/**
 * Reads the Mass Mobilization CSV ({@code ../shared/data/mm/mm-train.csv}): one {@link MmRecord} per row with
 * {@code protest = 1} (rows with 0 are country-years without protest), text from {@code notes}, demands from
 * {@code protesterdemand1..4}, state responses from {@code stateresponse1..7} ({@code NA}, {@code .} and empty
 * mean none), violence from {@code protesterviolence}. A label outside MM's vocabulary is an error naming the line.
 */
public final class MmData {
    private MmData() {
    }

    public static List<MmRecord> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return read(r, csv.toString());
        }
    }

    public static List<MmRecord> read(Reader reader, String name) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        List<MmRecord> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : List.of("id", "protest", "notes", "protesterviolence", "protesterdemand1", "stateresponse1")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IOException(name + ": no column '" + column + "'; is this the Mass Mobilization CSV?");
                }
            }
            for (CSVRecord row : parser) {
                if (!"1".equals(row.get("protest").trim())) {
                    continue;
                }
                String notes = row.get("notes");
                if (notes == null || notes.isBlank()) {
                    continue;
                }
                String where = name + " line " + parser.getCurrentLineNumber();
                Set<String> demands = labels(row, "protesterdemand", 4, Vocabulary.MM_DEMANDS, where);
                Set<String> responses = labels(row, "stateresponse", 7, Vocabulary.STATE_RESPONSES, where);
                String v = row.get("protesterviolence").trim();
                Boolean violent = switch (v) {
                    case "1" -> Boolean.TRUE;
                    case "0" -> Boolean.FALSE;
                    default -> null;
                };
                out.add(new MmRecord("mm:" + row.get("id") + "#" + row.getRecordNumber(), notes, demands, responses, violent));
            }
        }
        return out;
    }

    private static Set<String> labels(CSVRecord row, String prefix, int n, List<String> vocabulary, String where)
            throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i <= n; i++) {
            String v = row.isMapped(prefix + i) ? row.get(prefix + i).trim().toLowerCase(Locale.ROOT) : "";
            if (v.isEmpty() || v.equals("na") || v.equals(".")) {
                continue;
            }
            if (!vocabulary.contains(v)) {
                throw new IOException(where + ": " + prefix + i + " '" + v + "' is not one of " + vocabulary);
            }
            out.add(v);
        }
        return out;
    }
}
