package org.unrest.service;

import java.util.ArrayList;
import java.util.List;
import org.unrest.model.PlaceContext;
import org.unrest.model.Report;
import org.unrest.pipeline.PlaceResolver;
import org.unrest.store.EventStore;
import org.unrest.store.PublisherTally;
import org.unrest.store.StoredReport;

/**
 * Rebuilds every publisher's counts ({@link PublisherHomes}) from the reports in the store: each stored report with
 * a publisher is read again by the place resolver, without a home as ingest counts it, and the counts are replaced
 * in one transaction. For stores with reports from before the counts were kept, and after a better resolver. Run it
 * while nothing is being ingested: a report stored during the recount may be left out of the counts.
 */
public final class PublisherRecount {
    /** What a recount read: stored reports, those with a publisher (counted), and distinct publishers. */
    public record Result(long reports, long counted, long publishers) {
    }

    private static final int PAGE = 500;

    private PublisherRecount() {
    }

    public static Result recount(EventStore store, PlaceResolver places) {
        List<PublisherTally> tallies = new ArrayList<>();
        long reports = 0;
        for (int offset = 0; ; offset += PAGE) {
            List<StoredReport> page = store.reports(offset, PAGE);
            for (StoredReport s : page) {
                reports++;
                Report r = s.report();
                PublisherTally t = PublisherHomes.tally(r.metadata().publisher(),
                        places.resolve(r.text(), PlaceContext.of(r.metadata())));
                if (t != null) {
                    tallies.add(t);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        store.replacePublisherCounts(tallies);
        return new Result(reports, tallies.size(), tallies.stream().map(PublisherTally::publisher).distinct().count());
    }
}
