package org.unrest.service;

import java.time.LocalDate;
import java.util.List;
import org.unrest.model.Document;
import org.unrest.model.PlaceContext;
import org.unrest.model.PlaceMention;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.model.TimeExpression;
import org.unrest.pipeline.Pipeline;

/** Runs single stages over a text, so a person can see what the places and dates stages make of it. */
public final class TextAnalysisService {
    private final Pipeline pipeline;

    public TextAnalysisService(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    public TextAnalysisService() {
        this(Pipelines.standard());
    }

    public List<PlaceMention> places(String text, LocalDate published, String countryHint, String language) {
        return places(text, published, countryHint, language, null);
    }

    /** With the publisher's home region ({@code home}, may be null): see {@link PublisherHomes}. */
    public List<PlaceMention> places(String text, LocalDate published, String countryHint, String language,
                                     PlaceContext.HomeRegion home) {
        return pipeline.placeResolver().resolve(text, new PlaceContext(published, countryHint, language, home));
    }

    public List<TimeExpression> dates(String text, LocalDate published, String language) {
        Report report = new Report("text", text, new ReportMetadata(null, null, published, language, null, null), null);
        return pipeline.dateResolver().resolve(new Document(report, pipeline.segmenter().segment(report)));
    }
}
