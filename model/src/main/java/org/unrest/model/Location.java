package org.unrest.model;

import java.util.List;

/**
 * Where an event happened. {@code text} is as written in the source; {@code name} is the gazetteer's
 * English name; {@code admin1} is the first-level region as it was on the event date;
 * {@code geoPrecision} 1 town, 2 part of a region, 3 region or country.
 * {@code regions} lists the first-level regions a vague region ("western Kazakhstan") stands for; empty otherwise.
 */
public record Location(String text, String name, Long geonameid, String country, String admin1, String admin2,
                       Double lat, Double lon, int geoPrecision, List<String> regions) {
    public Location {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    /** Great-circle distance in kilometres between two points (haversine, mean Earth radius). */
    public static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    public Location withText(String newText) {
        return new Location(newText, name, geonameid, country, admin1, admin2, lat, lon, geoPrecision, regions);
    }
}
