package org.unrest.store;

import java.util.Objects;
import java.util.Set;
import org.unrest.model.PlaceContext.HomeRegion;

/**
 * What one report adds to its publisher's counts: one report, and one for each first-level region it mentions.
 * Which mentions count is decided by the caller (the service's {@code PublisherHomes}); the store only adds up.
 *
 * @param publisher the publisher's key, not blank
 * @param regions   the regions the report mentions, each with a country and a first-level region (admin1 not null)
 */
public record PublisherTally(String publisher, Set<HomeRegion> regions) {
    public PublisherTally {
        if (publisher == null || publisher.isBlank()) {
            throw new IllegalArgumentException("a publisher tally needs a publisher key");
        }
        regions = Set.copyOf(regions);
        for (HomeRegion r : regions) {
            if (Objects.requireNonNull(r, "region").admin1() == null) {
                throw new IllegalArgumentException("a counted region needs a first-level region, got country "
                        + r.country() + " alone");
            }
        }
    }
}
