package org.unrest.model;

import java.util.List;

/** A report split into sentences. {@link #text()} is the report's stored text; every span points into it. */
public record Document(Report report, List<Sentence> sentences) {
    public Document {
        sentences = List.copyOf(sentences);
    }

    public String text() {
        return report.text();
    }

    public String sentenceText(Sentence s) {
        return s.span().of(report.text());
    }

    /** The sentence containing the character at {@code offset}, or null. */
    public Sentence sentenceAt(int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = sentences.get(mid).span();
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return sentences.get(mid);
            }
        }
        return null;
    }
}
