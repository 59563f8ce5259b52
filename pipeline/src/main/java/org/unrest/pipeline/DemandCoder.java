package org.unrest.pipeline;

import java.util.List;
import org.unrest.model.DemandMention;
import org.unrest.model.Document;

/** Finds and codes the demands a document states. */
public interface DemandCoder extends Stage {
    List<DemandMention> code(Document document);
}
