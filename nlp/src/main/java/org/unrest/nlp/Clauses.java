package org.unrest.nlp;

import java.util.ArrayList;
import java.util.List;
import org.unrest.model.Document;
import org.unrest.model.Sentence;
import org.unrest.model.Span;

/** Clauses of a sentence: the parts between semicolons. Events are told one per clause more often than per sentence. */
final class Clauses {
    private Clauses() {
    }

    static List<Span> of(Document doc, Sentence sentence) {
        String text = doc.text();
        List<Span> out = new ArrayList<>();
        int start = sentence.span().start();
        for (int i = start; i < sentence.span().end(); i++) {
            if (text.charAt(i) == ';') {
                out.add(new Span(start, i));
                start = i + 1;
            }
        }
        out.add(new Span(start, sentence.span().end()));
        return out;
    }

    static Span containing(Document doc, int offset) {
        Sentence s = doc.sentenceAt(offset);
        if (s == null) {
            return new Span(offset, offset);
        }
        for (Span c : of(doc, s)) {
            if (c.start() <= offset && offset < c.end()) {
                return c;
            }
        }
        return s.span();
    }
}
