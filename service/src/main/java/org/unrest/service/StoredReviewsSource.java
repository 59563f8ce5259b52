package org.unrest.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.unrest.contract.EventJson;
import org.unrest.learn.MmRecord;
import org.unrest.learn.ReviewedEventsSource;
import org.unrest.learn.TrainingSource;
import org.unrest.model.Event;
import org.unrest.model.Source;
import org.unrest.model.Span;
import org.unrest.model.Vocabulary;
import org.unrest.store.EventFilter;
import org.unrest.store.EventStore;
import org.unrest.store.StoredReport;

/**
 * Training texts from the events people accepted or corrected in the web app: each protest or riot's labels as
 * reviewed, and as its text the sentences of its reports that support it, read from the stored report text. The
 * same rules as {@link ReviewedEventsSource} decide which events are used and how their labels are read.
 */
public final class StoredReviewsSource implements TrainingSource {
    private final EventStore store;

    public StoredReviewsSource(EventStore store) {
        this.store = store;
    }

    @Override
    public String describe() {
        return "events reviewed in " + store.location();
    }

    @Override
    public boolean split() {
        return false;
    }

    @Override
    public List<MmRecord> records() throws IOException {
        EventFilter reviewed = EventFilter.builder()
                .types(List.of(Vocabulary.PROTESTS, Vocabulary.RIOTS))
                .reviewStates(List.of("accepted", "corrected"))
                .build();
        List<MmRecord> out = new ArrayList<>();
        for (Event e : store.events(reviewed)) {
            ObjectNode o = EventJson.toFull(e);
            o.put("text", supportingText(e));
            MmRecord r = ReviewedEventsSource.record(o, "event " + e.eventId());
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** The supporting sentences of every source, as stored. */
    String supportingText(Event e) {
        StringBuilder sb = new StringBuilder();
        for (Source s : e.sources()) {
            String text = store.report(s.reportId()).map(StoredReport::report).map(r -> r.text()).orElse(null);
            if (text == null) {
                continue;
            }
            for (Span span : s.spans()) {
                if (span.end() <= text.length()) {
                    sb.append(span.of(text)).append(' ');
                }
            }
        }
        return sb.toString().strip();
    }
}
