package org.unrest.pipeline;

import java.util.List;
import org.unrest.model.Document;
import org.unrest.model.TimeExpression;

/** Finds every time expression and resolves it against the story's own timeline. */
public interface DateResolver extends Stage {
    List<TimeExpression> resolve(Document document);
}
