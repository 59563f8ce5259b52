package org.unrest.model;

/**
 * A place named in the text, resolved: its span, the resolved location (with region sets for vague regions),
 * the GeoNames feature class, and the resolver's confidence. {@code inName} marks a place named inside the name of
 * an organisation ("Texas" in "Texas Forest Service", "New York" in "New York Daily News"): a toponym, but the
 * name says who, not where, so event coding does not take it for where something happened.
 */
public record PlaceMention(Span span, Location location, String featureClass, double confidence, boolean inName) {
    public PlaceMention(Span span, Location location, String featureClass, double confidence) {
        this(span, location, featureClass, confidence, false);
    }

    public String text() {
        return location.text();
    }
}
