package org.unrest.nlp;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrest.model.Document;
import org.unrest.model.Figure;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;

class RuleFigureExtractorTest {
    static List<Figure> figures(String text) {
        Report r = new Report("r", text, new ReportMetadata(null, null, LocalDate.of(2022, 1, 20), "en", null, null), "r");
        return new RuleFigureExtractor().extract(new Document(r, new RuleSegmenter().segment(r)));
    }

    static Figure only(String text) {
        List<Figure> f = figures(text);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    @Test
    void anOfficialPeriodFigureTheAuthorDisputes() {
        Figure f = only("The official figure for the number of people killed, probably much too low, is 164.");
        assertEquals("killed", f.kind());
        assertEquals(164L, f.value());
        assertEquals("period", f.scope());
        assertEquals("official", f.qualifier());
        assertEquals("authorities; disputed by the author", f.claimedBy());
        assertEquals("164", f.span().of("The official figure for the number of people killed, probably much too low, is 164."));
    }

    @Test
    void anEstimatedPeriodTotal() {
        Figure f = only("Some 10,000 people have been arrested.");
        assertEquals("arrested", f.kind());
        assertEquals(10_000L, f.value());
        assertEquals("period", f.scope());
        assertEquals("estimate", f.qualifier());
    }

    @Test
    void anEventFigureWithItsClaimant() {
        Figure f = only("At least 12 protesters were killed in Almaty on 5 January, according to Human Rights Watch.");
        assertEquals("killed", f.kind());
        assertEquals(12L, f.min());
        assertEquals("event", f.scope());
        assertEquals("independent", f.qualifier());
        assertEquals("Human Rights Watch", f.claimedBy());
    }

    @Test
    void rangesAndWordNumbers() {
        Figure range = only("Between 300 and 500 workers gathered outside the akimat.");
        assertEquals("participants", range.kind());
        assertEquals(300L, range.min());
        assertEquals(500L, range.max());
        Figure thousands = only("Thousands of protesters marched through the city.");
        assertEquals("participants", thousands.kind());
        assertTrue(thousands.min() >= 1000, thousands.toString());
    }

    @Test
    void yearsPercentagesMoneyAndDistancesAreNotFigures() {
        assertTrue(figures("In 1997 the capital was moved; 75 percent of the firm is US-owned; "
                + "the airport is 15 kilometres away; a $75 million villa.").isEmpty());
    }
}
