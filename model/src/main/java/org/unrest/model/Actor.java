package org.unrest.model;

/**
 * An actor as coded: ACLED-style name, type from the actor vocabulary, ACLED inter code (1-8),
 * and the social group where the text names one ("oil workers").
 */
public record Actor(String name, String type, int inter, String group) {
}
