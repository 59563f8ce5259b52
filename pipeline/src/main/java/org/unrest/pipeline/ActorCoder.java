package org.unrest.pipeline;

import java.util.List;
import org.unrest.model.ActorMention;
import org.unrest.model.Document;

/** Finds and codes the actors a document names or refers to. */
public interface ActorCoder extends Stage {
    List<ActorMention> code(Document document);
}
