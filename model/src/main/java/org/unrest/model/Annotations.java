package org.unrest.model;

import java.util.List;

/** Everything the text stages found in one document, each with its spans, before events are assembled. */
public record Annotations(List<TimeExpression> times, List<PlaceMention> places, List<ActorMention> actors,
                          List<DemandMention> demands, List<Figure> figures) {
    public Annotations {
        times = List.copyOf(times);
        places = List.copyOf(places);
        actors = List.copyOf(actors);
        demands = List.copyOf(demands);
        figures = List.copyOf(figures);
    }
}
