package org.unrest.model;

/**
 * A place named in the text, resolved: its span, the resolved location (with region sets for vague regions),
 * the GeoNames feature class, and the resolver's confidence.
 */
public record PlaceMention(Span span, Location location, String featureClass, double confidence) {
    public String text() {
        return location.text();
    }
}
