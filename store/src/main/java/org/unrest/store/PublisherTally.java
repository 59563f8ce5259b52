package org.unrest.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.unrest.model.PlaceContext.HomeRegion;

/**
 * What one report adds to its publisher's counts: one report; for each first-level region it mentions, one report
 * and the region's weight in it; and how often it writes each region's own name. Which mentions count, and how much,
 * is decided by the caller (the service's {@code PublisherHomes}); the store only adds up.
 *
 * @param publisher the publisher's key, not blank
 * @param regions   the regions the report mentions, each with a country and a first-level region (admin1 not null)
 * @param weights   each mentioned region's weight in this report (1 where absent)
 * @param named     how many times the report writes each mentioned region's own name ("Virginia"; 0 where absent)
 */
public record PublisherTally(String publisher, Set<HomeRegion> regions, Map<HomeRegion, Integer> weights,
                             Map<HomeRegion, Integer> named) {
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
        Map<HomeRegion, Integer> w = new HashMap<>();
        for (HomeRegion r : regions) {
            int v = weights.getOrDefault(r, 1);
            if (v < 1) {
                throw new IllegalArgumentException("a region's weight is at least 1, got " + v + " for " + r);
            }
            w.put(r, v);
        }
        if (!regions.containsAll(weights.keySet()) || !regions.containsAll(named.keySet())) {
            throw new IllegalArgumentException("weights and names are given for mentioned regions only");
        }
        weights = Map.copyOf(w);
        Map<HomeRegion, Integer> n = new HashMap<>(named);
        n.values().removeIf(v -> v == 0);
        named = Map.copyOf(n);
    }

    /** Each region mentioned once, with weight 1, its name not counted. */
    public PublisherTally(String publisher, Set<HomeRegion> regions) {
        this(publisher, regions, Map.of(), Map.of());
    }

    public int weight(HomeRegion r) {
        return weights.getOrDefault(r, 1);
    }

    public int timesNamed(HomeRegion r) {
        return named.getOrDefault(r, 0);
    }
}
