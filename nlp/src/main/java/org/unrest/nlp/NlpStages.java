package org.unrest.nlp;

import org.unrest.pipeline.ActorCoder;
import org.unrest.pipeline.DateResolver;
import org.unrest.pipeline.DemandCoder;
import org.unrest.pipeline.EventAssembler;
import org.unrest.pipeline.EventDetector;
import org.unrest.pipeline.EventMerger;
import org.unrest.pipeline.EventRefiner;
import org.unrest.pipeline.FigureExtractor;
import org.unrest.pipeline.Segmenter;
import org.unrest.pipeline.StageFactory;
import org.unrest.pipeline.StageSettings;

/** The factories of this module's stages, registered in META-INF/services. None takes settings yet. */
public final class NlpStages {
    private NlpStages() {
    }

    public static final class SegmenterFactory implements StageFactory<Segmenter> {
        public Class<Segmenter> kind() { return Segmenter.class; }
        public String name() { return "rules"; }
        public Segmenter create(StageSettings s) { return new RuleSegmenter(); }
    }

    public static final class DetectorFactory implements StageFactory<EventDetector> {
        public Class<EventDetector> kind() { return EventDetector.class; }
        public String name() { return "rules"; }
        public EventDetector create(StageSettings s) { return new RuleEventDetector(); }
    }

    public static final class DatesFactory implements StageFactory<DateResolver> {
        public Class<DateResolver> kind() { return DateResolver.class; }
        public String name() { return "narrative"; }
        public DateResolver create(StageSettings s) { return new NarrativeDateResolver(); }
    }

    public static final class ActorsFactory implements StageFactory<ActorCoder> {
        public Class<ActorCoder> kind() { return ActorCoder.class; }
        public String name() { return "rules"; }
        public ActorCoder create(StageSettings s) { return new RuleActorCoder(); }
    }

    public static final class DemandsFactory implements StageFactory<DemandCoder> {
        public Class<DemandCoder> kind() { return DemandCoder.class; }
        public String name() { return "rules"; }
        public DemandCoder create(StageSettings s) { return new RuleDemandCoder(); }
    }

    public static final class FiguresFactory implements StageFactory<FigureExtractor> {
        public Class<FigureExtractor> kind() { return FigureExtractor.class; }
        public String name() { return "rules"; }
        public FigureExtractor create(StageSettings s) { return new RuleFigureExtractor(); }
    }

    public static final class AssemblerFactory implements StageFactory<EventAssembler> {
        public Class<EventAssembler> kind() { return EventAssembler.class; }
        public String name() { return "narrative"; }
        public EventAssembler create(StageSettings s) { return new NarrativeEventAssembler(); }
    }

    public static final class RefinerFactory implements StageFactory<EventRefiner> {
        public Class<EventRefiner> kind() { return EventRefiner.class; }
        public String name() { return "from-events"; }
        public EventRefiner create(StageSettings s) { return new StateResponsesFromEvents(); }
    }

    public static final class MergerFactory implements StageFactory<EventMerger> {
        public Class<EventMerger> kind() { return EventMerger.class; }
        public String name() { return "same-what-where-when"; }
        public EventMerger create(StageSettings s) { return new SameWhatWhereWhenMerger(); }
    }
}
