package org.unrest.web;

import java.util.Objects;
import org.unrest.service.AnalysisService;
import org.unrest.service.IngestService;
import org.unrest.service.QueryService;
import org.unrest.service.ReviewService;
import org.unrest.service.UserService;
import org.unrest.store.EventStore;

/**
 * The services the web app calls. {@code review}, {@code users} and {@code ingest} may be null: then the API
 * offers no writes (every write answers 503) and no logins.
 */
public record WebServices(QueryService queries, AnalysisService analysis, ReviewService review, UserService users,
                          IngestService ingest) {
    public WebServices {
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(analysis, "analysis");
    }

    /** Every service over one store; {@code ingest} may be null (no uploads). */
    public static WebServices of(EventStore store, IngestService ingest) {
        return new WebServices(new QueryService(store), new AnalysisService(store), new ReviewService(store),
                new UserService(store), ingest);
    }
}
