package org.unrest.io;

import java.io.IOException;
import java.nio.file.Path;
import org.unrest.model.Diagnostic;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;

/** A plain text (or Markdown) file is one report, its text as is (BOM dropped, line ends LF). */
final class TextReportReader {
    private TextReportReader() {
    }

    static void read(Path file, ReadOptions options, ReportSink sink) throws IOException {
        String origin = file.toString();
        try {
            byte[] data = Inputs.readBounded(file, options.maxBytes());
            String text = decode(data);
            sink.report(new Report(Inputs.stem(file), text, ReportMetadata.empty(), origin));
        } catch (Inputs.BadInput e) {
            sink.diagnostic(Diagnostic.error(origin, e.getMessage()));
        }
    }

    /** Strict UTF-8 text of a whole file: refuses empty, whitespace-only, binary and non-UTF-8 content. */
    static String decode(byte[] data) throws Inputs.BadInput {
        if (data.length == 0) {
            throw new Inputs.BadInput("empty file");
        }
        int from = Inputs.hasBom(data, 0) ? 3 : 0;
        String binary = Inputs.binaryReason(data, from, data.length);
        if (binary != null) {
            throw new Inputs.BadInput(binary);
        }
        String text = Inputs.normaliseNewlines(Inputs.decodeUtf8(data, from, data.length, 0));
        if (text.isBlank()) {
            throw new Inputs.BadInput("empty file (only whitespace)");
        }
        return text;
    }
}
