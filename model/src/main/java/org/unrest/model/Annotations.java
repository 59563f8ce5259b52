package org.unrest.model;

import java.util.List;
import java.util.Map;

/**
 * Everything the text stages found in one document, each with its spans, before events are assembled:
 * time expressions, places, actors, demands and figures; {@code regions} holds the locations of the
 * first-level regions that vague places ("western Kazakhstan") stand for, keyed by {@code country/admin1};
 * {@code provenance} names the stage implementation behind each kind of annotation ("dates", "places", ...).
 */
public record Annotations(List<TimeExpression> times, List<PlaceMention> places, List<ActorMention> actors,
                          List<DemandMention> demands, List<Figure> figures, Map<String, Location> regions,
                          Map<String, Provenance> provenance) {
    public Annotations {
        times = List.copyOf(times);
        places = List.copyOf(places);
        actors = List.copyOf(actors);
        demands = List.copyOf(demands);
        figures = List.copyOf(figures);
        regions = Map.copyOf(regions);
        provenance = Map.copyOf(provenance);
    }

    public static String regionKey(String country, String admin1) {
        return country + "/" + admin1;
    }
}
