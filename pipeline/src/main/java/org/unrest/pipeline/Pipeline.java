package org.unrest.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unrest.model.Annotations;
import org.unrest.model.Location;
import org.unrest.model.PlaceMention;
import org.unrest.model.Provenance;
import org.unrest.model.CandidateEvent;
import org.unrest.model.Document;
import org.unrest.model.Event;
import org.unrest.model.PlaceContext;
import org.unrest.model.Report;

/**
 * Runs the stages in order on one report: segment, annotate (dates, places, actors, demands, figures),
 * detect candidate events, assemble them into events, refine them, merge within the report. Each stage returns new
 * immutable records; none edits another's output. Thread-safe when its stages are.
 */
public final class Pipeline {
    private final Segmenter segmenter;
    private final EventDetector detector;
    private final DateResolver dates;
    private final PlaceResolver places;
    private final ActorCoder actors;
    private final DemandCoder demands;
    private final FigureExtractor figures;
    private final EventAssembler assembler;
    private final EventRefiner refiner;
    private final EventMerger merger;

    public Pipeline(Segmenter segmenter, EventDetector detector, DateResolver dates, PlaceResolver places,
                    ActorCoder actors, DemandCoder demands, FigureExtractor figures, EventAssembler assembler,
                    EventRefiner refiner, EventMerger merger) {
        this.segmenter = segmenter;
        this.detector = detector;
        this.dates = dates;
        this.places = places;
        this.actors = actors;
        this.demands = demands;
        this.figures = figures;
        this.assembler = assembler;
        this.refiner = refiner;
        this.merger = merger;
    }

    /** Builds the pipeline the configuration names, from the stage factories on the class path. */
    public static Pipeline fromConfig(PipelineConfig config, StageRegistry registry) {
        return new Pipeline(
                make(registry, config, Segmenter.class),
                make(registry, config, EventDetector.class),
                make(registry, config, DateResolver.class),
                make(registry, config, PlaceResolver.class),
                make(registry, config, ActorCoder.class),
                make(registry, config, DemandCoder.class),
                make(registry, config, FigureExtractor.class),
                make(registry, config, EventAssembler.class),
                make(registry, config, EventRefiner.class),
                make(registry, config, EventMerger.class));
    }

    private static <T extends Stage> T make(StageRegistry registry, PipelineConfig config, Class<T> kind) {
        return registry.create(kind, config.implementation(kind), config.settingsFor(kind));
    }

    public PipelineResult process(Report report) {
        return process(report, null);
    }

    /**
     * Like {@link #process(Report)}, with the home region of the report's publisher ({@link PlaceContext#home()};
     * null when unknown) for the place resolver.
     */
    public PipelineResult process(Report report, PlaceContext.HomeRegion publisherHome) {
        Document document = new Document(report, segmenter.segment(report));
        PlaceContext placeContext = PlaceContext.of(report.metadata()).withHome(publisherHome);
        List<PlaceMention> placeMentions = places.resolve(document.text(), placeContext);
        Annotations annotations = new Annotations(
                dates.resolve(document),
                placeMentions,
                actors.code(document),
                demands.code(document),
                figures.extract(document),
                regionsOf(placeMentions, placeContext),
                provenance());
        List<CandidateEvent> candidates = detector.detect(document);
        List<Event> events = merger.merge(refiner.refine(document, assembler.assemble(document, candidates, annotations)));
        return new PipelineResult(document, annotations, candidates, events);
    }

    /** Where each first-level region that a vague place stands for lies, as of the report's date. */
    private Map<String, Location> regionsOf(List<PlaceMention> mentions, PlaceContext context) {
        Map<String, Location> out = new HashMap<>();
        for (PlaceMention m : mentions) {
            for (String region : m.location().regions()) {
                String country = m.location().country();
                out.computeIfAbsent(Annotations.regionKey(country, region),
                        k -> places.region(country, region, context.published()).orElse(null));
            }
        }
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    private Map<String, Provenance> provenance() {
        Map<String, Provenance> p = new HashMap<>();
        p.put("segmenter", new Provenance("segmenter", segmenter.name(), segmenter.version()));
        p.put("dates", new Provenance("dates", dates.name(), dates.version()));
        p.put("places", new Provenance("places", places.name(), places.version()));
        p.put("actors", new Provenance("actors", actors.name(), actors.version()));
        p.put("demands", new Provenance("demands", demands.name(), demands.version()));
        p.put("figures", new Provenance("figures", figures.name(), figures.version()));
        p.put("assembler", new Provenance("assembler", assembler.name(), assembler.version()));
        p.put("refiner", new Provenance("refiner", refiner.name(), refiner.version()));
        p.put("merger", new Provenance("merger", merger.name(), merger.version()));
        return p;
    }

    public EventMerger merger() {
        return merger;
    }

    public PlaceResolver placeResolver() {
        return places;
    }

    public DateResolver dateResolver() {
        return dates;
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    /** A one-line description of which implementation runs each stage. */
    public String describe() {
        return List.of(segmenter, detector, dates, places, actors, demands, figures, assembler, refiner, merger).stream()
                .map(s -> s.getClass().getSimpleName() + "(" + s.name() + "@" + s.version() + ")")
                .reduce((a, b) -> a + " → " + b).orElse("");
    }
}
