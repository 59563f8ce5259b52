package org.unrest.pipeline;

import java.util.List;
import org.unrest.model.Report;
import org.unrest.model.Sentence;

/** Splits a report's text into sentences with offsets into the stored text. */
public interface Segmenter extends Stage {
    List<Sentence> segment(Report report);
}
