package org.unrest.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unrest.model.Diagnostic;
import org.unrest.model.Report;
import org.unrest.model.ReportMetadata;

/**
 * Reads news reports from files: plain text, HTML, JSON Lines corpora and RSS/Atom feeds, chosen by extension and,
 * when the extension says nothing, by sniffing the first bytes (see {@link InputFormat}).
 *
 * <p>Conventions, the same for every format:
 * <ul>
 *   <li>Input is strict UTF-8 (HTML may declare another charset); a leading UTF-8 BOM is dropped.</li>
 *   <li>Line ends are normalised to LF (CRLF and lone CR become LF) before the text is stored; every offset later
 *       points into the text as stored, i.e. after this normalisation.</li>
 *   <li>A single-report file (text, HTML) gets the file name without its extension as id
 *       ({@code kazakhstan-january-2022.txt} → {@code kazakhstan-january-2022}). Corpus lines and feed items use their
 *       own id when they have one, else {@code <file stem>-<10 hex digits of SHA-256 of the link, or of the text>}.</li>
 *   <li>Origin is the path as given; {@code path:line} for a JSON Lines line, {@code path#item-N} for the N-th feed
 *       item (1-based).</li>
 *   <li>Problems in the input never throw: each becomes one diagnostic line naming the file and the reason.</li>
 * </ul>
 */
public final class ReportReaders {
    private static final int SNIFF_BYTES = 4096;

    private ReportReaders() {
    }

    /** Reads one file with the default limits. */
    public static ReadResult read(Path file) {
        return read(file, ReadOptions.defaults());
    }

    /** Reads one file, collecting its reports and diagnostics. Use {@link #read(Path, ReadOptions, ReportSink)} for big corpora. */
    public static ReadResult read(Path file, ReadOptions options) {
        List<Report> reports = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        read(file, options, new ReportSink() {
            @Override
            public void report(Report report) {
                reports.add(report);
            }

            @Override
            public void diagnostic(Diagnostic diagnostic) {
                diagnostics.add(diagnostic);
            }
        });
        return new ReadResult(reports, diagnostics);
    }

    /** Reads one file, handing each report and diagnostic to {@code sink} as it is found (JSON Lines is streamed). */
    public static void read(Path file, ReadOptions options, ReportSink sink) {
        read(file, null, options, sink);
    }

    /**
     * Reads one file in the given format ({@code null}: by extension, else sniffed).
     * Never throws for a problem in the input.
     */
    public static void read(Path file, InputFormat format, ReadOptions options, ReportSink sink) {
        String origin = file.toString();
        BoundedSink bounded = new BoundedSink(sink, origin, options.maxDiagnosticsPerFile());
        try {
            if (!Files.exists(file)) {
                bounded.diagnostic(Diagnostic.error(origin, "no such file"));
                return;
            }
            if (Files.isDirectory(file)) {
                bounded.diagnostic(Diagnostic.error(origin, "is a directory, not a file"));
                return;
            }
            if (!Files.isRegularFile(file)) {
                bounded.diagnostic(Diagnostic.error(origin, "not a regular file"));
                return;
            }
            if (!Files.isReadable(file)) {
                bounded.diagnostic(Diagnostic.error(origin, "file not readable"));
                return;
            }
            if (file.getFileName().toString().endsWith(".meta.json")) {
                return; // a sidecar: read together with the report file it describes
            }
            long size = Files.size(file);
            InputFormat f = format != null ? format : detect(file);
            if (f != InputFormat.JSONL && size > options.maxBytes()) {
                bounded.diagnostic(Diagnostic.error(origin, "file of " + size + " bytes is larger than the limit of "
                        + options.maxBytes() + " bytes for a " + f.wireName() + " file"));
                return;
            }
            switch (f) {
                case TEXT -> TextReportReader.read(file, options, withSidecar(file, bounded));
                case HTML -> HtmlReportReader.read(file, options, withSidecar(file, bounded));
                case JSONL -> JsonlReportReader.read(file, options, bounded);
                case FEED -> FeedReportReader.read(file, options, bounded);
                default -> throw new IllegalStateException(f.toString());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            bounded.diagnostic(Diagnostic.error(origin, "cannot read: " + Inputs.oneLine(String.valueOf(e))));
        } finally {
            bounded.summarise();
        }
    }

    /** A single-report file's sink that applies the metadata of its {@code NAME.meta.json}, if there is one. */
    private static ReportSink withSidecar(Path file, ReportSink sink) {
        Optional<ReportMetadata> sidecar = SidecarMetadata.read(file, sink);
        if (sidecar.isEmpty()) {
            return sink;
        }
        return new ReportSink() {
            @Override
            public void report(Report report) {
                sink.report(report.withMetadata(report.metadata().overriddenBy(sidecar.get())));
            }

            @Override
            public void diagnostic(Diagnostic diagnostic) {
                sink.diagnostic(diagnostic);
            }
        };
    }

    /** The format of a file: from its extension, else from its first bytes. */
    public static InputFormat detect(Path file) throws IOException {
        Optional<InputFormat> byExt = InputFormat.byExtension(Inputs.extension(file));
        if (byExt.isPresent()) {
            return byExt.get();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return InputFormat.sniff(in.readNBytes(SNIFF_BYTES));
        }
    }

    /** Passes on at most {@code max} diagnostics, then one summary of how many were left out. */
    private static final class BoundedSink implements ReportSink {
        private final ReportSink delegate;
        private final String origin;
        private final int max;
        private int count;

        BoundedSink(ReportSink delegate, String origin, int max) {
            this.delegate = delegate;
            this.origin = origin;
            this.max = max;
        }

        @Override
        public void report(Report report) {
            delegate.report(report);
        }

        @Override
        public void diagnostic(Diagnostic diagnostic) {
            count++;
            if (count <= max) {
                delegate.diagnostic(diagnostic);
            }
        }

        void summarise() {
            if (count > max) {
                delegate.diagnostic(Diagnostic.warning(origin, (count - max) + " further problems not reported"));
            }
        }
    }
}
