package org.unrest.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrest.model.CandidateEvent;
import org.unrest.model.Document;
import org.unrest.model.Report;

/** The rule detector on its own: lexicon behaviour that the end-to-end accuracy tests would only show indirectly. */
class RuleEventDetectorTest {
    private static List<CandidateEvent> detect(RuleEventDetector d, String text) {
        Report r = new Report("t", text, null, "test");
        return d.detect(new Document(r, new RuleSegmenter().segment(r)));
    }

    private static List<String> types(String text) {
        return detect(new RuleEventDetector(), text).stream().map(CandidateEvent::subEventType).distinct().toList();
    }

    @Test
    void literalGatesSkipNothingTheRowsWouldFind() throws IOException {
        RuleEventDetector gated = new RuleEventDetector();
        RuleEventDetector ungated = new RuleEventDetector(false);
        List<String> texts = EventTypeTexts.all();
        assertTrue(texts.size() > 150, "read " + texts.size() + " texts");
        for (String t : texts) {
            assertEquals(detect(ungated, t), detect(gated, t), t);
        }
    }

    @Test
    void modalsNegationsAndFigurativeUsesAreNotEvents() {
        assertEquals(List.of(), types("Workers may go on strike next week."));
        assertEquals(List.of(), types("The union said it would not hold a strike."));
        assertEquals(List.of(), types("The stock market rallied on Tuesday."));
        assertEquals(List.of(), types("Fans stormed the pitch after the final whistle."));
        assertEquals(List.of(), types("Their striker scored twice on Saturday."));
        assertEquals(List.of(), types("More than 2,000 people joined a charity march on Sunday."));
        assertEquals(List.of(), types("Troops fired artillery at targets during exercises on Tuesday."));
    }

    @Test
    void specificRowsWinOverGeneralOnes() {
        assertEquals(List.of("Mob violence"), types("Villagers fought with sticks and stones on Sunday."));
        assertEquals(List.of("Armed clash"), types("Security forces fought armed men near the tower on Sunday."));
        assertEquals(List.of("Disrupted weapons use"), types("All 20 drones launched at Kyiv were shot down by air defences."));
        assertEquals(List.of("Excessive force against protesters"), types("Police shot down unarmed strikers in 2011."));
    }

    @Test
    void aKillingBesideBurningIsTheAttackUnlessACrowdDidIt() {
        assertEquals(List.of("Attack"), types("Gunmen killed 17 residents and burned homes in the village overnight."));
        assertEquals(List.of("Violent demonstration"),
                types("Rioters torched shops in the town centre on Friday, killing three residents."));
        assertEquals(List.of("Attack"), types("Gunmen stormed a village on Sunday, killing 17 residents and burning homes."));
    }

    @Test
    void ordinaryCrimeAndMeetingsOfOfficialsAreNotEvents() {
        assertEquals(List.of(), types("Police detained a drunk driver after a chase on Saturday night."));
        assertEquals(List.of(), types("Police arrested a bank manager on suspicion of embezzling client funds."));
        assertEquals(List.of(), types("Foreign ministers gathered in Astana on Thursday for their annual summit."));
        assertEquals(List.of("Arrests"), types("Police arrested an opposition editor at his home on Wednesday."));
        assertEquals(List.of("Peaceful protest"),
                types("Peasant leaders met the president on Wednesday after thousands of farm workers marched on the capital."));
    }

    @Test
    void clashesBetweenPoliceAndProtestersAreARiot() {
        assertEquals(List.of("Violent demonstration"),
                types("Clashes between Peruvian police and hundreds of protesters in Cuzco left five people injured."));
        assertEquals(List.of("Violent demonstration"),
                types("Riot police clashed with indigenous demonstrators in Quito on Friday."));
        assertEquals(List.of("Armed clash"), types("Rebels and government troops clashed near Goma on Thursday."));
    }

    @Test
    void theSentenceDecidesTheType() {
        assertEquals(List.of("Protest with intervention"), types("At least 120 people were detained during a march in Minsk on Saturday."));
        assertEquals(List.of("Arrests"), types("The next morning, police detained two of the rally's organisers at their homes."));
        assertEquals(List.of("Abduction/forced disappearance"),
                types("Troops detained the deputy mayor on Sunday and drove him away to an unknown location."));
        assertEquals(List.of("Attack"), types("Gunmen killed 11 villagers in an overnight raid on a village on Sunday."));
        assertEquals(List.of("Shelling/artillery/missile attack"), types("Shelling hit the district on Sunday, killing at least 10 people."));
        assertEquals(List.of("Government regains territory"), types("The army recaptured the town from rebels after heavy fighting."));
    }
}
