package org.unrest.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The Mass Mobilization CSV as a training source, split by {@link Split}. */
public record MmCsvSource(Path csv) implements TrainingSource {
    @Override
    public String describe() {
        return "Mass Mobilization " + csv.getFileName();
    }

    @Override
    public boolean split() {
        return true;
    }

    @Override
    public List<MmRecord> records() throws IOException {
        return MmData.read(csv);
    }
}
