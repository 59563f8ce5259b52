package org.unrest.pipeline;

import java.util.List;
import org.unrest.model.Document;
import org.unrest.model.Figure;

/** Finds every figure (killed, arrested, crowd size...) with its scope and who claims it. */
public interface FigureExtractor extends Stage {
    List<Figure> extract(Document document);
}
