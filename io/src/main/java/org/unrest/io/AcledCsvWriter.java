package org.unrest.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.unrest.model.Actor;
import org.unrest.model.Event;
import org.unrest.model.Location;
import org.unrest.model.Source;

/**
 * Events as a CSV with ACLED's columns and conventions (RFC 4180 quoting, CRLF between records, UTF-8, no BOM).
 *
 * <ul>
 *   <li>{@code event_id_cnty}: our {@code event_id} as is (ACLED's own ids are country code + number).</li>
 *   <li>{@code event_date} YYYY-MM-DD, as ACLED's API and export give it; {@code year} from it.</li>
 *   <li>{@code disorder_type} from {@code event_type}: see {@link #disorderType}.</li>
 *   <li>{@code assoc_actor_1/2}: the actor's social group where coded ("oil workers").</li>
 *   <li>{@code inter1/2}: inter codes, 0 when there is no such actor; {@code interaction}: see {@link #interaction}.</li>
 *   <li>{@code civilian_targeting}: "Civilian targeting" when actor2's inter is 7, else empty.</li>
 *   <li>{@code iso}: ISO 3166-1 numeric, {@code country}: English name, {@code region}: ACLED region
 *       ("Caucasus and Central Asia" for KZ), all from {@link Countries}.</li>
 *   <li>{@code location}: the gazetteer name (else the text as written); latitude/longitude with 4 decimals.</li>
 *   <li>{@code source}: distinct publishers joined by "; "; {@code source_scale} empty (not coded).</li>
 *   <li>{@code fatalities}: 0 when unknown (ACLED convention); {@code tags}: forms joined by "; ".</li>
 *   <li>{@code timestamp}: export time, epoch seconds.</li>
 * </ul>
 */
public final class AcledCsvWriter implements EventWriter {
    public static final List<String> COLUMNS = List.of("event_id_cnty", "event_date", "year", "time_precision",
            "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
            "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
            "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
            "fatalities", "tags", "timestamp");

    private final CSVPrinter printer;
    private final Writer out;
    private final long timestamp;

    public AcledCsvWriter(OutputStream out) throws IOException {
        this(out, Instant.now());
    }

    public AcledCsvWriter(OutputStream out, Instant exportTime) throws IOException {
        this(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), exportTime);
    }

    /** Writes the header row at once. */
    public AcledCsvWriter(Writer out, Instant exportTime) throws IOException {
        this.out = out;
        this.timestamp = exportTime.getEpochSecond();
        this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(COLUMNS.toArray(String[]::new))
                .setAutoFlush(false)
                .build());
    }

    @Override
    public void write(Event e) throws IOException {
        printer.printRecord(row(e));
    }

    /** The row for one event, in {@link #COLUMNS} order. */
    public List<String> row(Event e) {
        Actor a1 = e.actor1();
        Actor a2 = e.actor2();
        int inter1 = a1 == null ? 0 : a1.inter();
        int inter2 = a2 == null ? 0 : a2.inter();
        Location loc = e.location();
        String cc = loc == null ? null : loc.country();
        var country = Countries.byAlpha2(cc);
        List<String> r = new ArrayList<>(COLUMNS.size());
        r.add(nz(e.eventId()));
        r.add(e.eventDate() == null ? "" : e.eventDate().toString());
        r.add(e.eventDate() == null ? "" : Integer.toString(e.eventDate().getYear()));
        r.add(Integer.toString(e.timePrecision()));
        r.add(nz(disorderType(e.eventType())));
        r.add(nz(e.eventType()));
        r.add(nz(e.subEventType()));
        r.add(a1 == null ? "" : nz(a1.name()));
        r.add(a1 == null ? "" : nz(a1.group()));
        r.add(Integer.toString(inter1));
        r.add(a2 == null ? "" : nz(a2.name()));
        r.add(a2 == null ? "" : nz(a2.group()));
        r.add(Integer.toString(inter2));
        r.add(Integer.toString(interaction(inter1, inter2)));
        r.add(inter2 == 7 ? "Civilian targeting" : "");
        r.add(country.map(c -> Integer.toString(c.numeric())).orElse(""));
        r.add(country.map(c -> nz(c.region())).orElse(""));
        r.add(cc == null || cc.isBlank() ? "" : nz(Countries.name(cc)));
        r.add(loc == null ? "" : nz(loc.admin1()));
        r.add(loc == null ? "" : nz(loc.admin2()));
        r.add("");
        r.add(loc == null ? "" : nz(loc.name() != null ? loc.name() : loc.text()));
        r.add(loc == null ? "" : coordinate(loc.lat()));
        r.add(loc == null ? "" : coordinate(loc.lon()));
        r.add(loc == null ? "" : Integer.toString(loc.geoPrecision()));
        r.add(e.sources().stream().map(Source::publisher).filter(Objects::nonNull).map(String::strip)
                .filter(p -> !p.isEmpty()).distinct().collect(Collectors.joining("; ")));
        r.add("");
        r.add(nz(e.notes()));
        r.add(Integer.toString(e.fatalities() == null ? 0 : e.fatalities()));
        r.add(String.join("; ", e.forms()));
        r.add(Long.toString(timestamp));
        return r;
    }

    /**
     * ACLED's disorder type for an event type: Protests and Riots are "Demonstrations"; Battles,
     * Explosions/Remote violence and Violence against civilians are "Political violence"; Strategic developments
     * are "Strategic developments"; null for anything else.
     */
    public static String disorderType(String eventType) {
        if (eventType == null) {
            return null;
        }
        return switch (eventType) {
            case "Protests", "Riots" -> "Demonstrations";
            case "Battles", "Explosions/Remote violence", "Violence against civilians" -> "Political violence";
            case "Strategic developments" -> "Strategic developments";
            default -> null;
        };
    }

    /**
     * ACLED's numeric interaction code: the two inter codes as a two-digit number, lower first (6 and 1 → 16);
     * a sole actor gives its code times ten (protesters alone → 60); no actor gives 0.
     */
    public static int interaction(int inter1, int inter2) {
        if (inter1 <= 0 && inter2 <= 0) {
            return 0;
        }
        if (inter1 <= 0 || inter2 <= 0) {
            return Math.max(inter1, inter2) * 10;
        }
        return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
    }

    private static String coordinate(Double d) {
        return d == null || d.isNaN() ? "" : String.format(Locale.ROOT, "%.4f", d);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }
}
