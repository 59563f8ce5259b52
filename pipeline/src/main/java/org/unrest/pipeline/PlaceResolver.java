package org.unrest.pipeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.unrest.model.Location;
import org.unrest.model.PlaceContext;
import org.unrest.model.PlaceMention;

/** Finds the places named in a text and resolves each to a gazetteer entry or a set of regions. */
public interface PlaceResolver extends Stage {
    /** Every resolved place in {@code text}, in text order, with offsets into {@code text}. */
    List<PlaceMention> resolve(String text, PlaceContext context);

    /**
     * The location of a first-level region by its display name as of {@code date} (for example
     * {@code ("KZ", "Mangystau")}), with coordinates for the map; empty when unknown.
     */
    default Optional<Location> region(String country, String admin1, LocalDate date) {
        return Optional.empty();
    }
}
