package org.unrest.model;

/** A demand: category from the contract's vocabulary, its Mass Mobilization category and group, and the words in the source. */
public record Demand(String category, String mmCategory, String group, String text) {
}
