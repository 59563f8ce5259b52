package org.unrest.store;

import java.util.HashMap;
import java.util.Map;
import org.unrest.model.PlaceContext.HomeRegion;

/**
 * A publisher's stored counts: how many of its reports were counted; how many of them mention each first-level
 * region (regions no report mentions are absent); the sum of each region's weights in them; and how many times they
 * write each region's own name (absent where never).
 */
public record PublisherCounts(String publisher, long reports, Map<HomeRegion, Long> regionReports,
                              Map<HomeRegion, Long> regionWeights, Map<HomeRegion, Long> regionNamed) {
    public PublisherCounts {
        regionReports = Map.copyOf(regionReports);
        regionWeights = Map.copyOf(regionWeights);
        Map<HomeRegion, Long> n = new HashMap<>(regionNamed);
        n.values().removeIf(v -> v == 0);
        regionNamed = Map.copyOf(n);
    }

    /** Counts where every mention weighed 1 and no region's name was counted. */
    public PublisherCounts(String publisher, long reports, Map<HomeRegion, Long> regionReports) {
        this(publisher, reports, regionReports, regionReports, Map.of());
    }
}
