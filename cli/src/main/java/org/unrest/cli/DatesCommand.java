package org.unrest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.unrest.model.TimeExpression;
import org.unrest.service.TextAnalysisService;

@Command(name = "dates", description = {
        "Prints every time expression in a text as JSON Lines:",
        "{start, end, text, value, end_value, time_of_day, precision, anchor, background, story_date}; anchor says what",
        "it was resolved against, story_date where the story stands after it (null: it does not move the story)."})
final class DatesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--published", paramLabel = "YYYY-MM-DD", description = "Publication date of the text.")
    LocalDate published;

    @Option(names = "--language", paramLabel = "LANG", description = "Language of the text (en, ru).")
    String language;

    @Parameters(paramLabel = "FILE|-", description = "The text, or - for standard input.")
    String file;

    @Override
    public Integer call() throws Exception {
        String text = TextInput.read(file);
        var out = spec.commandLine().getOut();
        for (TimeExpression t : new TextAnalysisService().dates(text, published, language)) {
            ObjectNode n = JSON.createObjectNode();
            n.put("start", t.span().start());
            n.put("end", t.span().end());
            n.put("text", t.text());
            n.put("value", t.value() == null ? null : t.value().toString());
            n.put("end_value", t.endValue() == null ? null : t.endValue().toString());
            n.put("time_of_day", t.timeOfDay());
            n.put("precision", t.precision());
            n.put("anchor", t.anchor());
            n.put("background", t.background());
            n.put("story_date", t.storyDate() == null ? null : t.storyDate().toString());
            out.println(JSON.writeValueAsString(n));
        }
        out.flush();
        return 0;
    }
}
