package org.unrest.learn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.unrest.contract.GoldEvent;
import org.unrest.contract.GoldMatcher;
import org.unrest.io.ReportReaders;
import org.unrest.model.Event;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;
import org.unrest.pipeline.EventRefiner;
import org.unrest.pipeline.Pipeline;
import org.unrest.pipeline.PipelineConfig;
import org.unrest.pipeline.StageRegistry;

/**
 * The seed article coded with the rule refiner and with {@code mm-classifiers}: the classifiers may only add, so
 * every seed score must stay as it is; and what they add is counted against the gold demands of the matched events.
 */
class SeedWithClassifiersTest {
    static final Path SEED = Path.of(System.getProperty("unrest.shared", "../../shared"), "seed");

    static GoldMatcher.Result score(String refiner, List<GoldEvent> gold) {
        Path text = SEED.resolve("kazakhstan-january-2022.txt");
        Report r = ReportReaders.read(text).reports().get(0);
        r = r.withMetadata(r.metadata().overriddenBy(
                new ReportMetadata(null, null, LocalDate.of(2022, 1, 20), "en", null, null)));
        PipelineConfig config = PipelineConfig.defaults().with(EventRefiner.class, refiner, Map.of());
        List<Event> events = Pipeline.fromConfig(config, new StageRegistry()).process(r).events();
        return GoldMatcher.evaluate(gold, events);
    }

    @Test
    void theClassifiersLowerNoSeedScore() {
        Assumptions.assumeTrue(Files.exists(SEED.resolve("kazakhstan-january-2022.txt")), "../shared/seed is not beside the project");
        List<GoldEvent> gold = GoldEvent.read(SEED.resolve("kazakhstan-january-2022.gold.jsonl"));
        GoldMatcher.Result rules = score("from-events", gold);
        GoldMatcher.Result models = score(MmClassifierRefiner.NAME, gold);
        assertTrue(models.recall() >= rules.recall() && models.precision() >= rules.precision()
                && models.exactDay() >= rules.exactDay() && models.demandRecall() >= rules.demandRecall()
                && models.figureRecall() >= rules.figureRecall(), "rules " + rules + "\nmodels " + models);

        // what the models added to matched events, judged by the gold demands (MM category level)
        Map<GoldEvent, Event> byRules = new java.util.IdentityHashMap<>();
        rules.pairs().forEach(p -> byRules.put(p.gold(), p.system()));
        int added = 0;
        int right = 0;
        int responses = 0;
        for (GoldMatcher.Pair p : models.pairs()) {
            Event before = byRules.get(p.gold());
            List<String> goldMm = p.gold().event().demands().stream().map(d -> d.mmCategory()).toList();
            for (var d : p.system().demands()) {
                if (before == null || !before.demands().contains(d)) {
                    added++;
                    right += goldMm.contains(d.mmCategory()) ? 1 : 0;
                    System.out.println("added " + d.mmCategory() + " <- " + d.text() + "   gold: " + goldMm);
                }
            }
            for (String s : p.system().stateResponses()) {
                if (before == null || !before.stateResponses().contains(s)) {
                    responses++;
                    System.out.println("added state response " + s + " to " + p.system().notes());
                }
            }
        }
        System.out.printf(Locale.ROOT, "seed: recall %.3f precision %.3f demand recall %.3f (rules: %.3f %.3f %.3f); "
                        + "demands the models added to matched events %d, of them in the gold %d; state responses added %d%n",
                models.recall(), models.precision(), models.demandRecall(), rules.recall(), rules.precision(),
                rules.demandRecall(), added, right, responses);
    }
}
