package org.unrest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrest.model.Event;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;

/**
 * Who did it decides the type of a burning or a seizure (NarrativeEventAssembler.retypeBySubject); the doer is the
 * actor before the deed, but not one named as its target ("at police") or as a thing's owner ("an army post").
 */
class DoerOfTheDeedTest {
    private static List<String> types(String text) {
        Report r = new Report("t", text, new ReportMetadata(null, null, LocalDate.of(2023, 6, 2), "en", null, null), "test");
        return Pipelines.standard().process(r).events().stream().map(Event::subEventType).distinct().sorted().toList();
    }

    @Test
    void theTargetOfAPrepositionIsNotTheDoer() {
        assertEquals(List.of("Violent demonstration"),
                types("Protesters hurled stones at police and torched two patrol cars in Dakar on Thursday."));
    }

    @Test
    void anActorNamingAThingIsNotTheDoer() {
        assertEquals(List.of("Non-state actor overtakes territory"),
                types("Jihadist fighters overran an army post and took control of the town of Djibo on Saturday."));
    }

    @Test
    void soldiersBurningHousesStillDestroyProperty() {
        assertEquals(List.of("Looting/property destruction"),
                types("Soldiers burned dozens of houses in the village of Kalay on Monday after the residents fled."));
    }
}
