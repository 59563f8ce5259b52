package org.unrest.learn;

import java.io.IOException;
import java.util.List;

/**
 * Where labelled texts for training come from: the Mass Mobilization CSV ({@link MmCsvSource}), a JSON Lines file of
 * events people reviewed ({@link ReviewedEventsSource}); a source reading reviewed events straight from the event
 * store can implement this too.
 */
public interface TrainingSource {
    /** What this source is, for messages and the model manifest. */
    String describe();

    /** Whether its texts are split into training, validation and held-out parts ({@link Split}); if not, all train. */
    boolean split();

    List<MmRecord> records() throws IOException;
}
