package org.unrest.store;

import java.util.Map;
import org.unrest.model.PlaceContext.HomeRegion;

/**
 * A publisher's stored counts: how many of its reports were counted, and how many of them mention each first-level
 * region (regions no report mentions are absent).
 */
public record PublisherCounts(String publisher, long reports, Map<HomeRegion, Long> regionReports) {
    public PublisherCounts {
        regionReports = Map.copyOf(regionReports);
    }
}
