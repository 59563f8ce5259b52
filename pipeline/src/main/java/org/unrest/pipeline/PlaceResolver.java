package org.unrest.pipeline;

import java.util.List;
import org.unrest.model.PlaceContext;
import org.unrest.model.PlaceMention;

/** Finds the places named in a text and resolves each to a gazetteer entry or a set of regions. */
public interface PlaceResolver extends Stage {
    /** Every resolved place in {@code text}, in text order, with offsets into {@code text}. */
    List<PlaceMention> resolve(String text, PlaceContext context);
}
