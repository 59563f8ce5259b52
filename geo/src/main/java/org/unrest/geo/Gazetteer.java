package org.unrest.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory gazetteer over GeoNames: populated places, first-level regions and countries, each an "entry"
 * numbered 0..size()-1 and stored in parallel arrays; an index from {@link NameKey normalised name} to the entries
 * bearing it. Each posting is {@code entry << 1 | strong}: strong when the name is the entry's GeoNames name,
 * ASCII name or a name from this module's own tables; weak when it is one of GeoNames' alternate names.
 *
 * <p>Dated knowledge that GeoNames does not keep (English display names of regions and places as they were on a
 * date, regions created or renamed, capitals, vague regions) comes from the tables in
 * {@code src/main/resources/org/unrest/geo}.
 *
 * <p>{@link #bundled()} loads GeoNames' {@code cities15000.txt}, {@code admin1CodesASCII.txt} and
 * {@code countryInfo.txt} from the class path once (a few hundred milliseconds) and shares the result; it is
 * immutable and safe to use from many threads. {@link #builder()} takes any other GeoNames table
 * ({@code cities500.txt}, an {@code allCountries.txt} dump) in the same tab-separated format.
 */
public final class Gazetteer {
    public enum Kind { PLACE, ADMIN1, COUNTRY, ADMIN2 }

    static final String RES = "/org/unrest/geo/";
    private static volatile Gazetteer bundled;

    final int size;
    final long[] gid;
    final String[] name;
    final String[] cc;
    final String[] a1;
    final byte[] kind;
    final String[] fcode;
    final long[] pop;
    final double[] lat;
    final double[] lon;
    final NameIndex index;
    final String source;
    private final Map<String, Integer> countries = new HashMap<>();
    private final Map<String, Integer> admin1s = new HashMap<>();
    private final Map<String, Integer> pplc = new HashMap<>();
    /** "CC.admin1" of each entry (one shared string per region), for the resolver's region votes. */
    private final String[] regionKey;
    private final long[] gidSorted;
    private final int[] gidEntry;
    private final Tables tables;

    Gazetteer(int size, long[] gid, String[] name, String[] cc, String[] a1, byte[] kind, String[] fcode, long[] pop,
              double[] lat, double[] lon, NameIndex index, Tables tables, String source) {
        this.size = size;
        this.gid = gid;
        this.name = name;
        this.cc = cc;
        this.a1 = a1;
        this.kind = kind;
        this.fcode = fcode;
        this.pop = pop;
        this.lat = lat;
        this.lon = lon;
        this.index = index;
        this.tables = tables;
        this.source = source;
        for (int e = 0; e < size; e++) {
            if (kind[e] == 2) {
                countries.putIfAbsent(cc[e], e);
            } else if (kind[e] == 1) {
                admin1s.putIfAbsent(cc[e] + "." + a1[e], e);
            } else if ("PPLC".equals(fcode[e])) {
                pplc.putIfAbsent(cc[e], e);
            }
        }
        regionKey = new String[size];
        Map<String, String> keys1 = new HashMap<>();
        for (int e = 0; e < size; e++) {
            String k = cc[e] + "." + a1[e];
            String shared = keys1.putIfAbsent(k, k);
            regionKey[e] = shared == null ? k : shared;
        }
        // geonameid -> first entry with it, by binary search over a sorted copy (no boxing, fast to make)
        long[] keys = new long[size];
        for (int e = 0; e < size; e++) {
            keys[e] = gid[e] << 22 | e; // GeoNames ids stay far below 2^41; entries below 2^22
        }
        Arrays.sort(keys);
        gidSorted = new long[size];
        gidEntry = new int[size];
        for (int i = 0; i < size; i++) {
            gidSorted[i] = keys[i] >> 22;
            gidEntry[i] = (int) (keys[i] & ((1 << 22) - 1));
        }
    }

    Gazetteer(Builder b) {
        this(b.size, Arrays.copyOf(b.gid, b.size), Arrays.copyOf(b.name, b.size), Arrays.copyOf(b.cc, b.size),
            Arrays.copyOf(b.a1, b.size), Arrays.copyOf(b.kind, b.size), Arrays.copyOf(b.fcode, b.size),
            Arrays.copyOf(b.pop, b.size), Arrays.copyOf(b.lat, b.size), Arrays.copyOf(b.lon, b.size),
            NameIndex.of(b.index), b.tables, b.source);
    }

    /** Where this gazetteer's places come from ("cities15000.txt (bundled)", a file name), for messages. */
    public String source() {
        return source;
    }

    /** The number of populated places (entries that are not regions or countries). */
    public int places() {
        int n = 0;
        for (int e = 0; e < size; e++) {
            if (kind[e] == 0) {
                n++;
            }
        }
        return n;
    }

    /** The gazetteer over the GeoNames files bundled on the class path, loaded once. */
    public static Gazetteer bundled() {
        Gazetteer g = bundled;
        if (g == null) {
            synchronized (Gazetteer.class) {
                g = bundled;
                if (g == null) {
                    Builder b = builder();
                    b.source = "cities15000.txt (bundled)";
                    b.addPlacesText(classPathText("/geonames.org/cities15000.txt"));
                    bundled = g = b.build();
                }
            }
        }
        return g;
    }

    /** The environment variable (or system property {@code unrest.gazetteer}) naming the index file to use. */
    public static final String ENV = "UNREST_GAZETTEER";
    private static volatile Gazetteer standard;
    private static volatile String standardNote;

    /**
     * The index file configured by the system property {@code unrest.gazetteer} or the environment variable
     * {@value #ENV} (the {@code ./unrest} launcher sets it to the cities500 index it builds), or null when neither
     * names one or it says {@code bundled}.
     */
    public static Path configuredIndex() {
        String v = System.getProperty("unrest.gazetteer");
        if (v == null || v.isBlank()) {
            v = System.getenv(ENV);
        }
        if (v == null || v.isBlank() || v.strip().equals("bundled")) {
            return null;
        }
        return Path.of(v.strip());
    }

    /**
     * The gazetteer the product uses: the index file {@link #configuredIndex()} names when it exists and is
     * current, else {@link #bundled()} (GeoNames' cities15000, always on the class path). Loaded once per JVM.
     * When a configured index cannot be used, {@link #standardNote()} says why.
     */
    public static Gazetteer standard() {
        Gazetteer g = standard;
        if (g == null) {
            synchronized (Gazetteer.class) {
                g = standard;
                if (g == null) {
                    Path file = configuredIndex();
                    if (file != null && Files.isRegularFile(file)) {
                        try {
                            g = GazetteerFile.read(file);
                        } catch (IOException e) {
                            standardNote = e.getMessage() + "; using the bundled cities15000 gazetteer";
                        }
                    } else if (file != null) {
                        standardNote = file + ": no gazetteer index there (run `unrest gazetteer build`);"
                            + " using the bundled cities15000 gazetteer";
                    }
                    if (g == null) {
                        g = bundled();
                    }
                    standard = g;
                }
            }
        }
        return g;
    }

    /** Why {@link #standard()} fell back to the bundled gazetteer, or null when it did not. */
    public static String standardNote() {
        standard();
        return standardNote;
    }

    /** A builder already holding the bundled countries and first-level regions and this module's tables. */
    public static Builder builder() {
        Builder b = new Builder(Tables.load());
        b.addCountries(classPath("/geonames.org/countryInfo.txt"));
        b.addAdmin1(classPath("/geonames.org/admin1CodesASCII.txt"));
        b.addPoints();
        b.addUsCounties();
        return b;
    }

    /** A gazetteer over the bundled countries and regions and the places of one GeoNames table file. */
    public static Gazetteer load(Path geonamesTable) {
        try (Reader r = Files.newBufferedReader(geonamesTable, StandardCharsets.UTF_8)) {
            Builder b = builder();
            b.source = geonamesTable.getFileName().toString();
            return b.addPlaces(r).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole class-path resource as text: one bulk decode is much faster than a Reader over the jar. */
    static String classPathText(String path) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("not on the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedReader classPath(String path) {
        InputStream in = Gazetteer.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("not on the class path: " + path);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    // ---- queries

    public int size() {
        return size;
    }

    /** Postings for a normalised name ({@code entry << 1 | strong}); empty if none. */
    public int[] lookup(String key) {
        return key == null ? EMPTY : index.postings(key);
    }

    /** Postings for a name as written. */
    public int[] lookupName(String name) {
        return lookup(NameKey.of(name));
    }

    static final int[] EMPTY = new int[0];

    public int indexedNames() {
        return index.size();
    }

    public long geonameid(int e) {
        return gid[e];
    }

    public String geonamesName(int e) {
        return name[e];
    }

    public String country(int e) {
        return cc[e];
    }

    public String admin1Code(int e) {
        return a1[e];
    }

    /** "CC.admin1code" of the entry (the same string object for every entry of a region). */
    public String regionKey(int e) {
        return regionKey[e];
    }

    private static final Kind[] KINDS = Kind.values();

    public Kind kind(int e) {
        return KINDS[kind[e]];
    }

    public String featureCode(int e) {
        return fcode[e];
    }

    public String featureClass(int e) {
        return kind[e] == 0 ? "P" : "A";
    }

    public long population(int e) {
        return pop[e];
    }

    public Double lat(int e) {
        return Double.isNaN(lat[e]) ? null : lat[e];
    }

    public Double lon(int e) {
        return Double.isNaN(lon[e]) ? null : lon[e];
    }

    /** The entry of a country by ISO alpha-2 code, or -1. */
    public int countryEntry(String iso2) {
        Integer e = iso2 == null ? null : countries.get(iso2);
        return e == null ? -1 : e;
    }

    /** The entry of a first-level region by country and GeoNames admin1 code, or -1. */
    public int admin1Entry(String iso2, String code) {
        Integer e = admin1s.get(iso2 + "." + code);
        return e == null ? -1 : e;
    }

    /** The first-level region of a country whose display name on {@code date} is {@code displayName}, or -1. */
    public int admin1ByDisplayName(String iso2, String displayName, LocalDate date) {
        String prefix = iso2 + ".";
        for (java.util.Map.Entry<String, Integer> e : admin1s.entrySet()) {
            if (e.getKey().startsWith(prefix) && displayName.equals(displayName(e.getValue(), date))) {
                return e.getValue();
            }
        }
        return -1;
    }

    public int byGeonameid(long id) {
        int i = Arrays.binarySearch(gidSorted, id);
        if (i < 0) {
            return -1;
        }
        while (i > 0 && gidSorted[i - 1] == id) {
            i--;
        }
        return gidEntry[i];
    }

    /** The English name people use for the entry on {@code date} (the tables, else GeoNames' ASCII name). */
    public String displayName(int e, LocalDate date) {
        if (kind[e] == 1) {
            String n = tables.admin1Name(cc[e], a1[e], date);
            return n != null ? n : name[e];
        }
        if (kind[e] == 0) {
            String n = tables.placeName(gid[e], date);
            if (n != null) {
                return n;
            }
        }
        return name[e];
    }

    /** The entry's first-level region as it was on {@code date}, by its English display name; null for countries. */
    public String admin1Name(int e, LocalDate date) {
        if (kind[e] == 2 || a1[e] == null || a1[e].isEmpty() || a1[e].equals("00")) {
            return null;
        }
        String code = tables.effectiveAdmin1(cc[e], a1[e], date);
        String n = tables.admin1Name(cc[e], code, date);
        if (n != null) {
            return n;
        }
        int r = admin1Entry(cc[e], code);
        return r < 0 ? null : name[r];
    }

    /** The first-level region entry the place belonged to on {@code date} (follows regions split off later). */
    public int admin1EntryOn(int e, LocalDate date) {
        if (kind[e] == 2 || a1[e] == null) {
            return -1;
        }
        return admin1Entry(cc[e], tables.effectiveAdmin1(cc[e], a1[e], date));
    }

    /** The capital city of a country on {@code date}, or -1. */
    public int capital(String iso2, LocalDate date) {
        Long id = tables.capital(iso2, date);
        if (id != null && byGeonameid(id) >= 0) {
            return byGeonameid(id);
        }
        return pplc.getOrDefault(iso2, -1);
    }

    /**
     * The first-level region entries that a vague region stands for on {@code date}: the union over
     * {@code directions} ("west", "north"...), each region as it was on that date, without repeats.
     */
    public List<Integer> vagueRegions(String iso2, List<String> directions, LocalDate date) {
        LinkedHashSet<Integer> out = new LinkedHashSet<>();
        for (String dir : directions) {
            for (String code : tables.vague(iso2, dir, date)) {
                int r = admin1Entry(iso2, tables.effectiveAdmin1(iso2, code, date));
                if (r >= 0) {
                    out.add(r);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** An abbreviation from {@code abbreviations.tsv}: the exact form, the entry, and whether only after "Place, ". */
    public record Abbreviation(String form, int entry, boolean afterComma) {
    }

    /** The abbreviations that name countries and US states ("U.S.", "W.Va.", "Fla."), longest first. */
    public List<Abbreviation> abbreviations() {
        List<Abbreviation> out = new ArrayList<>();
        for (String[] r : Tables.rows("abbreviations.tsv", 3)) {
            int e = target(r[1]);
            if (e >= 0) {
                out.add(new Abbreviation(r[0], e, r[2].equals("after-comma")));
            }
        }
        out.sort((a, b) -> b.form().length() - a.form().length());
        return out;
    }

    /** The entry a table's target names: {@code gn:ID}, {@code admin1:CC.CODE} or {@code country:CC}; -1 if none. */
    public int target(String t) {
        if (t.startsWith("gn:")) {
            return byGeonameid(Long.parseLong(t.substring(3)));
        } else if (t.startsWith("admin1:")) {
            return admin1s.getOrDefault(t.substring(7), -1);
        } else if (t.startsWith("country:")) {
            return countries.getOrDefault(t.substring(8), -1);
        }
        return -1;
    }

    /** True when the normalised {@code key} is listed as never a place on its own (demonyms, months...). */
    public boolean isNotPlace(String key) {
        return tables.notPlaces.contains(key) || tables.persons.contains(key);
    }

    /** True when the normalised {@code key} is a person's name listed in {@code persons.txt}. */
    public boolean isPerson(String key) {
        return tables.persons.contains(key);
    }

    // ---- building

    /** Collects entries and names; feed it GeoNames files, then {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private int size;
        private long[] gid = new long[1024];
        private String[] name = new String[1024];
        private String[] cc = new String[1024];
        private String[] a1 = new String[1024];
        private byte[] kind = new byte[1024];
        private String[] fcode = new String[1024];
        private long[] pop = new long[1024];
        private double[] lat = new double[1024];
        private double[] lon = new double[1024];
        private final HashMap<String, int[]> index = new HashMap<>(1 << 18);
        private final Map<String, Integer> countries = new HashMap<>();
        private final Map<String, Integer> admin1s = new HashMap<>();
        private final Map<Long, Integer> byGid = new HashMap<>(1 << 15);
        private final Map<String, String> capitalNames = new HashMap<>();
        /** US counties by "ST.FIPS"; their population is the sum of their places' (GeoNames admin2 code). */
        private final Map<String, Integer> counties = new HashMap<>();
        private final Tables tables;
        String source = "GeoNames";
        private final Map<String, String> intern = new HashMap<>();
        private long minPopulation;

        Builder(Tables tables) {
            this.tables = tables;
        }

        /** A description of where the places come from, for messages (default "GeoNames"). */
        public Builder source(String description) {
            this.source = description;
            return this;
        }

        /** Populated places below this population are skipped by {@link #addPlaces(Reader)} (default 0). */
        public Builder minPopulation(long min) {
            this.minPopulation = min;
            return this;
        }

        private String in(String s) {
            String t = intern.putIfAbsent(s, s);
            return t == null ? s : t;
        }

        private int add(long id, String nm, String country, String admin1, byte k, String code, long population,
                        double la, double lo) {
            if (size == gid.length) {
                int n = size * 2;
                gid = Arrays.copyOf(gid, n);
                name = Arrays.copyOf(name, n);
                cc = Arrays.copyOf(cc, n);
                a1 = Arrays.copyOf(a1, n);
                kind = Arrays.copyOf(kind, n);
                fcode = Arrays.copyOf(fcode, n);
                pop = Arrays.copyOf(pop, n);
                lat = Arrays.copyOf(lat, n);
                lon = Arrays.copyOf(lon, n);
            }
            int e = size++;
            gid[e] = id;
            name[e] = nm;
            cc[e] = in(country);
            a1[e] = admin1 == null ? null : in(admin1);
            kind[e] = k;
            fcode[e] = in(code);
            pop[e] = population;
            lat[e] = la;
            lon[e] = lo;
            byGid.putIfAbsent(id, e);
            return e;
        }

        private void name(String n, int e, boolean strong) {
            String key = NameKey.of(n);
            if (key == null || key.length() < 2) {
                return;
            }
            int posting = e << 1 | (strong ? 1 : 0);
            int[] p = index.get(key);
            if (p == null) {
                index.put(key, new int[] {1, posting});
                return;
            }
            int last = p[p[0]];
            if (last >> 1 == e) {
                p[p[0]] = last | posting;
                return;
            }
            for (int i = 1; i < p[0]; i++) {
                if (p[i] >> 1 == e) {
                    p[i] |= posting;
                    return;
                }
            }
            if (p[0] + 1 == p.length) {
                p = Arrays.copyOf(p, p.length * 2);
                index.put(key, p);
            }
            p[++p[0]] = posting;
        }

        /** GeoNames {@code countryInfo.txt}. */
        public Builder addCountries(Reader r) {
            try (BufferedReader br = buffered(r)) {
                String[] f = new String[20];
                for (String line; (line = br.readLine()) != null; ) {
                    if (line.isEmpty() || line.charAt(0) == '#' || split(line, f) < 17) {
                        continue;
                    }
                    long id = f[16].isEmpty() ? -1 : Long.parseLong(f[16]);
                    int e = add(id, f[4], f[0], null, (byte) 2, "PCLI", parseLong(f[7]), Double.NaN, Double.NaN);
                    countries.put(f[0], e);
                    capitalNames.put(f[0], f[5]);
                    name(f[4], e, true);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return this;
        }

        /**
         * Points of countries (Xponents' {@code country-names-2021.csv} centroids, corrected by
         * {@code country-points.tsv}) of US states ({@code us-admin1-points.tsv}, area centroids) and of
         * Canada's provinces ({@code admin1-points.tsv}, GeoNames' points).
         */
        void addPoints() {
            try (BufferedReader br = classPath("/country-names-2021.csv")) {
                for (String line; (line = br.readLine()) != null; ) {
                    String[] f = line.split(",", -1);
                    if (f.length < 8 || f[0].equals("country_name") || f[5].equals("true")) {
                        continue;
                    }
                    Integer e = countries.get(f[2]);
                    if (e != null && Double.isNaN(lat[e])) {
                        try {
                            lat[e] = Double.parseDouble(f[6]);
                            lon[e] = Double.parseDouble(f[7]);
                        } catch (NumberFormatException ex) {
                            // leave it to the mean of the country's places
                        }
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            for (String[] r : Tables.rows("country-points.tsv", 3)) {
                Integer e = countries.get(r[0]);
                if (e != null) {
                    lat[e] = Double.parseDouble(r[1]);
                    lon[e] = Double.parseDouble(r[2]);
                }
            }
            for (String file : new String[] {"us-admin1-points.tsv", "admin1-points.tsv"}) {
                for (String[] r : Tables.rows(file, 5)) {
                    Integer e = admin1s.get(r[0] + "." + r[1]);
                    if (e != null) {
                        lat[e] = Double.parseDouble(r[3]);
                        lon[e] = Double.parseDouble(r[4]);
                    }
                }
            }
        }

        /**
         * US counties from {@code us-counties.tsv}, found only by their full names ("Rapides Parish", "Cook
         * County"); they have no GeoNames id here.
         */
        void addUsCounties() {
            for (String[] r : Tables.rows("us-counties.tsv", 5)) {
                int e = add(-1, r[2], "US", r[0], (byte) 3, "ADM2", 0, Double.parseDouble(r[3]),
                    Double.parseDouble(r[4]));
                name(r[2], e, true);
                counties.put(r[0] + "." + r[1], e);
            }
            for (String[] r : Tables.rows("gb-counties.tsv", 5)) { // "Kent", "Cambridgeshire"
                int e = add(-1, r[2], r[0], r[1], (byte) 3, "ADM2", 0, Double.parseDouble(r[3]),
                    Double.parseDouble(r[4]));
                name(r[2], e, true);
            }
        }

        /** GeoNames {@code admin1CodesASCII.txt}. */
        public Builder addAdmin1(Reader r) {
            try (BufferedReader br = buffered(r)) {
                String[] f = new String[6];
                for (String line; (line = br.readLine()) != null; ) {
                    if (line.isEmpty() || line.charAt(0) == '#' || split(line, f) < 4) {
                        continue;
                    }
                    int dot = f[0].indexOf('.');
                    String country = f[0].substring(0, dot);
                    String code = f[0].substring(dot + 1);
                    int e = add(parseLong(f[3]), f[2], country, code, (byte) 1, "ADM1", 0, Double.NaN, Double.NaN);
                    admin1s.put(f[0], e);
                    boolean city = tables.isCityRegion(country, code);
                    Set<String> names = new LinkedHashSet<>();
                    names.add(f[1]);
                    names.add(f[2]);
                    names.addAll(tables.admin1Names(country, code));
                    for (String n : names) {
                        name(n, e, true);
                        if (!city) {
                            String stem = stripRegionWord(n);
                            name(stem, e, true);
                            for (String w : REGION_WORDS) {
                                name(stem + " " + w, e, true);
                            }
                            String state = stripStateWord(n);
                            if (state != null) { // "Benue State" is also "Benue" (and "Benue state"), as Nigeria's press writes it
                                name(state, e, true);
                            }
                        }
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return this;
        }

        /**
         * A GeoNames table (cities15000/cities500/allCountries format): its populated places (feature class P)
         * become entries; rows for regions and countries already held add their alternate names to them.
         */
        public Builder addPlaces(Reader r) {
            try (BufferedReader br = buffered(r)) {
                String[] f = new String[15];
                for (String line; (line = br.readLine()) != null; ) {
                    placeLine(line, f);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return this;
        }

        /** The same as {@link #addPlaces(Reader)} over a whole table held in memory. */
        public Builder addPlacesText(String table) {
            String[] f = new String[15];
            int from = 0;
            int n = table.length();
            while (from < n) {
                int nl = table.indexOf('\n', from);
                if (nl < 0) {
                    nl = n;
                }
                int end = nl > from && table.charAt(nl - 1) == '\r' ? nl - 1 : nl;
                if (end > from) {
                    placeLine(table.substring(from, end), f);
                }
                from = nl + 1;
            }
            return this;
        }

        /**
         * The name shown for a place: GeoNames' name with its accents dropped when that leaves plain ASCII ("Ürümqi"
         * → "Urumqi", "Düsseldorf" → "Dusseldorf", as English news writes them; GeoNames' ASCII column spells
         * umlauts the German way, "UEruemqi", "Duesseldorf"), else GeoNames' ASCII name ("Łódź" → "Lodz").
         */
        static String latinName(String name, String ascii) {
            String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            if (!plain.isEmpty() && plain.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                return plain;
            }
            return ascii.isEmpty() ? name : ascii;
        }

        private void placeLine(String line, String[] f) {
            if (line.isEmpty() || line.charAt(0) == '#' || split(line, f) < 15) {
                return;
            }
            long id = Long.parseLong(f[0]);
            int e;
            boolean known = false;
            if (f[6].equals("P")) {
                long population = parseLong(f[14]);
                if (population < minPopulation || byGid.containsKey(id)) {
                    return;
                }
                e = add(id, latinName(f[1], f[2]), f[8], f[10], (byte) 0, f[7], population,
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]));
                name(f[1], e, true);
                name(f[2], e, true);
                if (!counties.isEmpty() && f[8].equals("US") && !f[11].isEmpty()) {
                    Integer county = counties.get(f[10] + "." + f[11]);
                    if (county != null) {
                        pop[county] += population;
                    }
                }
            } else if (f[6].equals("A") && byGid.containsKey(id)) {
                e = byGid.get(id);
                known = true;
            } else {
                return;
            }
            String alt = f[3];
            int from = 0;
            while (from < alt.length()) {
                int comma = alt.indexOf(',', from);
                if (comma < 0) {
                    comma = alt.length();
                }
                if (comma - from >= 2 && usefulAlternate(alt, from, comma)) {
                    name(alt.substring(from, comma), e, known);
                }
                from = comma + 1;
            }
        }

        /** Skips airport and other codes (all capitals, up to 4 letters) and names in non-Latin/Cyrillic scripts. */
        private static boolean usefulAlternate(String s, int from, int to) {
            char c0 = s.charAt(from);
            if (c0 >= 0x530 && c0 < 0x1e00 || c0 >= 0x2000 && c0 != 0x2019) {
                return false;
            }
            if (to - from <= 4) {
                boolean allUpper = true;
                for (int i = from; i < to; i++) {
                    char c = s.charAt(i);
                    if (!(c >= 'A' && c <= 'Z')) {
                        allUpper = false;
                        break;
                    }
                }
                return !allUpper;
            }
            return true;
        }

        public Gazetteer build() {
            // coordinates of regions: their seat (PPLA, else PPLC, else most populous city); countries: mean of cities
            Map<String, Integer> seat = new HashMap<>();
            Map<String, double[]> sums = new HashMap<>();
            Map<String, Long> regionPop = new HashMap<>();
            for (int e = 0; e < size; e++) {
                if (kind[e] != 0) {
                    continue;
                }
                String key = cc[e] + "." + a1[e];
                Integer s = seat.get(key);
                if (s == null || rank(e) > rank(s)) {
                    seat.put(key, e);
                }
                regionPop.merge(key, pop[e], Long::sum);
                double[] sum = sums.computeIfAbsent(cc[e], k -> new double[3]);
                sum[0] += lat[e];
                sum[1] += lon[e];
                sum[2]++;
            }
            Map<String, float[][]> spread = regionSpread();
            for (Map.Entry<String, Integer> r : admin1s.entrySet()) {
                int e = r.getValue();
                Integer s = seat.get(r.getKey());
                double[] mid = middle(spread.get(r.getKey()));
                if (mid != null && Double.isNaN(lat[e])) {
                    lat[e] = mid[0];
                    lon[e] = mid[1];
                } else if (s != null && Double.isNaN(lat[e])) {
                    lat[e] = lat[s];
                    lon[e] = lon[s];
                }
                pop[e] = Math.max(pop[e], regionPop.getOrDefault(r.getKey(), 0L));
            }
            for (Map.Entry<String, Integer> c : countries.entrySet()) {
                double[] sum = sums.get(c.getKey());
                int e = c.getValue();
                if (sum != null && Double.isNaN(lat[e])) {
                    lat[e] = Math.round(sum[0] / sum[2] * 1e5) / 1e5;
                    lon[e] = Math.round(sum[1] / sum[2] * 1e5) / 1e5;
                }
            }
            for (Map.Entry<Long, List<String>> p : tables.placeNames().entrySet()) {
                Integer e = byGid.get(p.getKey());
                if (e != null) {
                    for (String n : p.getValue()) {
                        name(n, e, true);
                    }
                }
            }
            for (String[] v : tables.variants) {
                int e = resolveTarget(v[1]);
                if (e >= 0) {
                    name(v[0], e, true);
                }
            }
            return new Gazetteer(this);
        }

        /** The points of each region's places: [lats, lons] by "CC.admin1". */
        private Map<String, float[][]> regionSpread() {
            Map<String, Integer> count = new HashMap<>();
            for (int e = 0; e < size; e++) {
                if (kind[e] == 0) {
                    count.merge(cc[e] + "." + a1[e], 1, Integer::sum);
                }
            }
            Map<String, float[][]> out = new HashMap<>();
            Map<String, Integer> fill = new HashMap<>();
            for (int e = 0; e < size; e++) {
                if (kind[e] != 0) {
                    continue;
                }
                String key = cc[e] + "." + a1[e];
                float[][] pts = out.computeIfAbsent(key, k -> new float[2][count.get(k)]);
                int i = fill.merge(key, 1, Integer::sum) - 1;
                pts[0][i] = (float) lat[e];
                pts[1][i] = (float) lon[e];
            }
            return out;
        }

        /**
         * The middle of the box around a region's places (0.5th to 99.5th percentile on each axis), which lies near
         * the point GeoNames gives the region itself (the middle of its area) far more often than its seat does:
         * Ontario's seat is Toronto, 700 km from the middle of the province. Null below 8 places (then the seat).
         */
        private static double[] middle(float[][] pts) {
            if (pts == null || pts[0].length < 8) {
                return null;
            }
            float[] la = pts[0].clone();
            float[] lo = pts[1].clone();
            Arrays.sort(la);
            Arrays.sort(lo);
            int n = la.length;
            int a = n / 200;
            int b = n - 1 - a;
            double lonMid;
            if (lo[b] - lo[a] > 180) { // across the antimeridian: measure in 0..360
                for (int i = 0; i < n; i++) {
                    lo[i] = lo[i] < 0 ? lo[i] + 360 : lo[i];
                }
                Arrays.sort(lo);
                lonMid = (lo[a] + lo[b]) / 2.0;
                lonMid = lonMid > 180 ? lonMid - 360 : lonMid;
            } else {
                lonMid = (lo[a] + lo[b]) / 2.0;
            }
            return new double[] {Math.round((la[a] + la[b]) / 2.0 * 1e4) / 1e4, Math.round(lonMid * 1e4) / 1e4};
        }

        private long rank(int e) {
            String c = fcode[e];
            long r = "PPLA".equals(c) ? 3 : "PPLC".equals(c) ? 2 : 0;
            return r << 40 | pop[e];
        }

        private int resolveTarget(String t) {
            Integer e = null;
            if (t.startsWith("gn:")) {
                e = byGid.get(Long.parseLong(t.substring(3)));
            } else if (t.startsWith("admin1:")) {
                e = admin1s.get(t.substring(7));
            } else if (t.startsWith("country:")) {
                e = countries.get(t.substring(8));
            }
            return e == null ? -1 : e;
        }
    }

    static final String[] REGION_WORDS = {"region", "oblast", "oblysy", "province"};

    /**
     * The stem of a first-level region named "X State" ("Benue State", "Shan State": Nigeria, Myanmar, Sudan,
     * Micronesia), or null: none when the name has no such word or the stem is one of the 10,000 commonest English
     * words ("Rivers State", "Niger State", "Northern State" keep their whole names).
     */
    static String stripStateWord(String n) {
        if (!n.endsWith(" State") || n.length() < 11) {
            return null;
        }
        String stem = n.substring(0, n.length() - 6);
        return COMMON_WORDS.contains(stem.toLowerCase(java.util.Locale.ROOT)) ? null : stem;
    }

    private static final Set<String> COMMON_WORDS = commonWords();

    private static Set<String> commonWords() {
        Set<String> out = new HashSet<>();
        try (BufferedReader br = classPath(RES + "common-words-en.txt")) {
            for (String line; (line = br.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Set.copyOf(out);
    }

    static String stripRegionWord(String n) {
        String lower = n.toLowerCase(java.util.Locale.ROOT);
        for (String w : new String[] {" region", " oblast", " oblysy", " province", " oblast'"}) {
            if (lower.endsWith(w)) {
                return n.substring(0, n.length() - w.length());
            }
        }
        return n;
    }

    private static BufferedReader buffered(Reader r) {
        return r instanceof BufferedReader br ? br : new BufferedReader(r, 1 << 16);
    }

    /** Splits a tab-separated line into {@code f} (at most f.length fields); returns the number of fields. */
    static int split(String line, String[] f) {
        int n = 0;
        int from = 0;
        while (n < f.length) {
            int tab = line.indexOf('\t', from);
            if (tab < 0) {
                f[n++] = line.substring(from);
                break;
            }
            f[n++] = line.substring(from, tab);
            from = tab + 1;
        }
        for (int i = n; i < f.length; i++) {
            f[i] = "";
        }
        return n;
    }

    static long parseLong(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** This module's data tables (see the header of each file for its columns and sources). */
    static final class Tables {
        record Dated(String value, LocalDate from, LocalDate to, String before, String kind) {
            boolean validOn(LocalDate d) {
                return (from == null || !d.isBefore(from)) && (to == null || d.isBefore(to));
            }
        }

        final Map<String, List<Dated>> admin1 = new HashMap<>();
        final Map<Long, List<Dated>> places = new HashMap<>();
        final Map<String, List<Dated>> capitals = new HashMap<>();
        final Map<String, List<Dated>> vague = new HashMap<>();
        final List<String[]> variants = new ArrayList<>();
        final Set<String> notPlaces = new HashSet<>();
        final Set<String> persons = new HashSet<>();

        static Tables load() {
            Tables t = new Tables();
            for (String[] r : rows("admin1-names.tsv", 7)) {
                t.admin1.computeIfAbsent(r[0] + "." + r[1], k -> new ArrayList<>())
                    .add(new Dated(r[2], date(r[3]), date(r[4]), r[5].isEmpty() ? null : r[5], r[6]));
            }
            for (String[] r : rows("place-names.tsv", 4)) {
                t.places.computeIfAbsent(Long.parseLong(r[0]), k -> new ArrayList<>())
                    .add(new Dated(r[1], date(r[2]), date(r[3]), null, null));
            }
            for (String[] r : rows("capitals.tsv", 4)) {
                t.capitals.computeIfAbsent(r[0], k -> new ArrayList<>())
                    .add(new Dated(r[1], date(r[2]), date(r[3]), null, null));
            }
            for (String[] r : rows("vague-regions.tsv", 5)) {
                t.vague.computeIfAbsent(r[0] + "." + r[1], k -> new ArrayList<>())
                    .add(new Dated(r[2], date(r[3]), date(r[4]), null, null));
            }
            t.variants.addAll(rows("variant-names.tsv", 2));
            readKeys("not-places.txt", t.notPlaces);
            readKeys("persons.txt", t.persons);
            return t;
        }

        private static void readKeys(String file, Set<String> into) {
            try (BufferedReader br = classPath(RES + file)) {
                for (String line; (line = br.readLine()) != null; ) {
                    line = line.strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        String k = NameKey.of(line);
                        if (k != null) {
                            into.add(k);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static List<String[]> rows(String file, int columns) {
            List<String[]> out = new ArrayList<>();
            try (BufferedReader br = classPath(RES + file)) {
                boolean header = true;
                for (String line; (line = br.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    String[] f = new String[columns];
                    split(line, f);
                    for (int i = 0; i < columns; i++) {
                        f[i] = f[i].strip();
                    }
                    out.add(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }

        private static LocalDate date(String s) {
            return s == null || s.isEmpty() ? null : LocalDate.parse(s);
        }

        boolean isCityRegion(String country, String code) {
            List<Dated> rows = admin1.get(country + "." + code);
            return rows != null && rows.stream().anyMatch(r -> "city".equals(r.kind()));
        }

        List<String> admin1Names(String country, String code) {
            List<Dated> rows = admin1.get(country + "." + code);
            return rows == null ? List.of() : rows.stream().map(Dated::value).toList();
        }

        /** The admin1 code whose names apply on {@code d}: a region created later maps to the one it was part of. */
        String effectiveAdmin1(String country, String code, LocalDate d) {
            for (int guard = 0; guard < 5; guard++) {
                List<Dated> rows = admin1.get(country + "." + code);
                if (rows == null) {
                    return code;
                }
                String before = null;
                LocalDate first = null;
                for (Dated r : rows) {
                    if (r.before() != null) {
                        before = r.before();
                        first = r.from();
                    }
                }
                if (before == null || first == null || !d.isBefore(first)) {
                    return code;
                }
                code = before;
            }
            return code;
        }

        String admin1Name(String country, String code, LocalDate d) {
            List<Dated> rows = admin1.get(country + "." + code);
            if (rows == null) {
                return null;
            }
            for (Dated r : rows) {
                if (r.validOn(d)) {
                    return r.value();
                }
            }
            return rows.get(rows.size() - 1).value();
        }

        String placeName(long id, LocalDate d) {
            List<Dated> rows = places.get(id);
            if (rows != null) {
                for (Dated r : rows) {
                    if (r.validOn(d)) {
                        return r.value();
                    }
                }
            }
            return null;
        }

        Map<Long, List<String>> placeNames() {
            Map<Long, List<String>> out = new HashMap<>();
            places.forEach((k, v) -> out.put(k, v.stream().map(Dated::value).toList()));
            return out;
        }

        Long capital(String country, LocalDate d) {
            List<Dated> rows = capitals.get(country);
            if (rows != null) {
                for (Dated r : rows) {
                    if (r.validOn(d)) {
                        return Long.parseLong(r.value());
                    }
                }
            }
            return null;
        }

        List<String> vague(String country, String direction, LocalDate d) {
            List<String> out = new ArrayList<>();
            for (Dated r : vague.getOrDefault(country + "." + direction, List.of())) {
                if (r.validOn(d)) {
                    out.addAll(Arrays.asList(r.value().split(",")));
                }
            }
            return out;
        }
    }
}
