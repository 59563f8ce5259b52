package org.unrest.model;

import java.time.LocalDate;
import java.util.Map;

/** What is known about a report besides its text. Any field may be null; {@code extra} keeps metadata we do not interpret. */
public record ReportMetadata(String url, String publisher, LocalDate published, String language, String title,
                             Map<String, String> extra) {
    public ReportMetadata {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static ReportMetadata empty() {
        return new ReportMetadata(null, null, null, null, null, Map.of());
    }

    public ReportMetadata withPublished(LocalDate date) {
        return new ReportMetadata(url, publisher, date, language, title, extra);
    }

    /** Fields of {@code overrides} that are set win over this one's. */
    public ReportMetadata overriddenBy(ReportMetadata overrides) {
        if (overrides == null) {
            return this;
        }
        return new ReportMetadata(
                overrides.url != null ? overrides.url : url,
                overrides.publisher != null ? overrides.publisher : publisher,
                overrides.published != null ? overrides.published : published,
                overrides.language != null ? overrides.language : language,
                overrides.title != null ? overrides.title : title,
                extra);
    }
}
