package org.unrest.geo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.unrest.model.Location;
import org.unrest.model.PlaceContext;
import org.unrest.model.PlaceMention;
import org.unrest.model.Span;
import org.unrest.pipeline.PlaceResolver;

/**
 * Finds place names in a text by looking up n-grams (up to five words) of runs of capitalised Latin or Cyrillic
 * words in a {@link Gazetteer}, plus vague regions ("western Kazakhstan", "the south of the country",
 * "northern and eastern Kazakhstan") and "the capital".
 *
 * <p>Rules, in order:
 * <ul>
 *   <li>A run of capitalised words (joined by "of"/"de"/"la", extended by a following "region"/"oblast") that
 *       contains an organisation word ("Times", "Organization", "Party", "Council", "Revolution", "Oil"...) is an
 *       organisation, and yields no place, not even the country in "Democratic Choice of Kazakhstan": such a
 *       name says who, not where. A run starting with a title ("President") or ending in a Slavic/Kazakh surname
 *       ("Karim Massimov") is a person.</li>
 *   <li>Inside a run the longest n-gram with an index entry wins ("Almaty International Airport" → Almaty);
 *       a partial match must be a strong name of a country, region, big city or a place in the dominant country.</li>
 *   <li>Words listed in {@code not-places.txt} (demonyms, months, common words, persons) never resolve alone; a
 *       sentence-initial word that also occurs in lower case in the text is a common word.</li>
 *   <li>Cyrillic words that do not match get Russian case endings stripped ("в Жанаозене", "Алматинской области").</li>
 *   <li>Ambiguity is settled by a score: kind (country &gt; city by population and capital/seat status &gt; region),
 *       whether the name is the entry's own or only a GeoNames alternate, and the document's dominant country
 *       ({@link PlaceContext#countryHint()} if given, else the country most mentioned).</li>
 * </ul>
 * Offsets are UTF-16 {@code [start, end)} into the text; {@code text.substring(start, end)} is the mention text.
 */
public final class GazetteerPlaceResolver implements PlaceResolver {
    public static final String NAME = "gazetteer";
    public static final String VERSION = "1";

    private static final Set<String> ORG_WORDS = Set.of("times", "organization", "organisation", "treaty", "party",
        "choice", "revolution", "revolutions", "movement", "news", "post", "herald", "tribune", "journal", "gazette",
        "agency", "company", "corporation", "inc", "ltd", "llc", "group", "oil", "gas", "airlines", "airways", "bank",
        "university", "institute", "foundation", "alliance", "association", "front", "union", "committee", "council",
        "club", "fc", "embassy", "ministry", "commission", "service", "television", "tv", "radio", "press", "daily",
        "media", "holding", "corp", "fund", "league", "forum", "congress", "church", "mosque", "school", "academy",
        "team", "cup", "prize", "award", "bloc", "coalition");
    /**
     * Facilities and local bodies, which stand where their name says ("University of Cincinnati", "Paris High
     * School", "Dublin City Council"), unlike organisations, whose name says who ("Astana Times").
     */
    private static final Set<String> FACILITY_WORDS = Set.of("university", "college", "school", "schools",
        "academy", "library", "hospital", "church", "mosque");
    private static final Set<String> LOCAL_BODIES = Set.of("city", "county", "town", "borough", "village", "parish",
        "municipal", "district");
    /** Words before "of" that make the name after it whole: "Province of Ontario", "Township of Readington". */
    private static final Set<String> OF_BODIES = Set.of("township", "province", "state", "commonwealth", "republic",
        "region", "kingdom", "city", "town", "county", "village", "borough", "parish", "district", "municipality");
    private static final Set<String> TITLES = Set.of("president", "mr", "mrs", "ms", "dr", "general", "minister",
        "premier", "senator", "gen", "col", "colonel", "major", "captain", "prime", "sir", "lady", "lord", "king",
        "queen", "prince", "sheikh", "judge", "mayor", "governor", "akim", "deputy", "chairman", "comrade",
        "президент", "премьер", "министр", "аким");
    private static final Set<String> CONNECTORS = Set.of("of", "de", "la", "del", "upon", "on", "am", "an", "der");
    private static final Set<String> REGION_WORDS = Set.of("region", "oblast", "oblys", "oblysy", "province",
        "область", "области", "областью", "облысы", "облысында", "облысының", "облысындағы", "облысына");
    private static final String[] RU_ENDINGS = {"ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ий", "ый", "ая",
        "яя", "ую", "юю", "ом", "ем", "ам", "ям", "ах", "ях", "ью", "ы", "и", "е", "у", "ю", "а", "я", "о"};
    private static final String[] RU_REPLACE = {"", "а", "я", "ь", "й", "ы", "и", "ая", "ий", "ое", "о", "е"};
    private static final Map<String, String> DIR_ADJ = new HashMap<>();
    private static final Map<String, String> DIR_NOUN = new HashMap<>();
    private static final Map<String, String> RU_DIR_ADJ = new LinkedHashMap<>();
    private static final Map<String, String> RU_DIR_NOUN = new LinkedHashMap<>();
    private static final Map<String, String> ADJ_OF = new HashMap<>();

    static {
        String[][] dirs = {{"north", "northern"}, {"south", "southern"}, {"east", "eastern"}, {"west", "western"},
            {"central", "central"}, {"northwest", "north-western"}, {"northeast", "north-eastern"},
            {"southwest", "south-western"}, {"southeast", "south-eastern"}};
        for (String[] d : dirs) {
            ADJ_OF.put(d[0], d[1]);
            DIR_ADJ.put(d[1], d[0]);
            DIR_ADJ.put(d[1].replace("-", ""), d[0]);
            if (!d[0].equals("central")) {
                DIR_NOUN.put(d[0], d[0]);
                if (d[0].length() > 5) {
                    DIR_NOUN.put(d[0].substring(0, 5) + "-" + d[0].substring(5), d[0]);
                }
            }
        }
        DIR_NOUN.put("centre", "central");
        DIR_NOUN.put("center", "central");
        RU_DIR_ADJ.put("северо-западн", "northwest");
        RU_DIR_ADJ.put("северо-восточн", "northeast");
        RU_DIR_ADJ.put("юго-западн", "southwest");
        RU_DIR_ADJ.put("юго-восточн", "southeast");
        RU_DIR_ADJ.put("западн", "west");
        RU_DIR_ADJ.put("северн", "north");
        RU_DIR_ADJ.put("южн", "south");
        RU_DIR_ADJ.put("восточн", "east");
        RU_DIR_ADJ.put("центральн", "central");
        RU_DIR_NOUN.put("северо-запад", "northwest");
        RU_DIR_NOUN.put("северо-восток", "northeast");
        RU_DIR_NOUN.put("юго-запад", "southwest");
        RU_DIR_NOUN.put("юго-восток", "southeast");
        RU_DIR_NOUN.put("запад", "west");
        RU_DIR_NOUN.put("север", "north");
        RU_DIR_NOUN.put("юг", "south");
        RU_DIR_NOUN.put("восток", "east");
        RU_DIR_NOUN.put("центр", "central");
    }

    /** The 10,000 commonest English words, each with its rank by frequency (0 = most frequent). */
    private static final Map<String, Integer> COMMON_RANK = ranks("common-words-en.txt");
    private static final Set<String> COMMON_WORDS = COMMON_RANK.keySet();
    /** Words after a given name that make the run an institution, not a person ("Richmond Police"). */
    private static final Set<String> NOT_SURNAMES = Set.of("police", "fire", "sheriff", "sheriff's", "department",
        "community", "center", "centre", "station", "hall", "court", "park", "street", "avenue", "road", "high",
        "middle", "elementary", "republican", "republicans", "democrat", "democrats", "democratic", "homes",
        "analytica", "airport", "township", "valley", "river", "lake", "mountain", "beach", "harbor", "harbour",
        "bay", "island", "heights", "hills", "springs", "falls", "square", "bridge", "mall", "plaza", "stadium");
    /** Common English given names: a run of capitalised words starting with one names a person. */
    private static final Set<String> GIVEN_NAMES = wordList("given-names.txt");
    private final Gazetteer gazetteer;

    /** Abbreviations by their first character, longest first. */
    private final Map<Character, List<Gazetteer.Abbreviation>> abbreviations = new HashMap<>();

    private final Map<String, Integer> demonyms = new HashMap<>();
    /** Continents by the key of each of their names ("europe", "европа"): GeoNames' CONT features. */
    private static final Map<String, Location> CONTINENTS = continents();

    private static Map<String, Location> continents() {
        Map<String, Location> out = new HashMap<>();
        for (String[] r : Gazetteer.Tables.rows("continents.tsv", 5)) {
            Location l = new Location(r[1], r[1], Long.parseLong(r[0]), null, null, null, Double.parseDouble(r[2]),
                Double.parseDouble(r[3]), 3, List.of());
            out.put(NameKey.of(r[1]), l);
            for (String n : r[4].split("\\|")) {
                if (!n.isBlank()) {
                    out.put(NameKey.of(n.strip()), l);
                }
            }
        }
        return Map.copyOf(out);
    }

    /** World regions that are also political bodies: places only where the text treats them as territory. */
    private static final Set<String> UNIONS = Set.of("European Union");
    /** Prepositions that put something inside a territory ("in the EU", "across the EU"). */
    private static final Set<String> LOCATIVE = Set.of("in", "within", "across", "throughout", "outside", "inside",
        "into", "from");
    /**
     * Words right after a one-word name that make it a person's: a reporting verb ("Taylor said", "Hines told"), or
     * the person's administration or campaign ("the Bush administration").
     */
    private static final Pattern PERSON_AFTER = Pattern.compile(
        "\\s+(?:said|says|told|added|explained|noted|argued|wrote|testified|recalled|insisted|replied|warned"
            + "|administration|campaign)\\b");

    /** A preposition before a name: it names a place even when a reporting verb follows. */
    private static final Pattern PLACE_BEFORE = Pattern.compile("\\b(?:in|of|from|at|near|to)\\s+$",
        Pattern.CASE_INSENSITIVE);

    /** Words after a name that leave it a noun of its own, not a modifier ("the EU and NATO", "the EU said"). */
    private static final Set<String> NOT_MODIFIED = Set.of("and", "or", "but", "nor", "to", "in", "on", "at", "by",
        "for", "with", "of", "from", "is", "was", "are", "were", "has", "have", "had", "said", "says", "will", "would",
        "could", "should", "can", "may", "might", "must", "did", "does", "as", "that", "which", "who", "since",
        "after", "before", "than", "itself", "also", "then", "now");
    /** Feature class of each world region (L: never an event's place; A: a region where events happen). */
    private static final Map<Location, String> WORLD_REGION_CLASS = new java.util.IdentityHashMap<>();
    /** The GeoNames id of the city each landmark stands in, by the key of its display name. */
    private static final Map<String, Long> LANDMARK_CITY = new HashMap<>();
    /** Named world regions by the key of each of their names ("korean peninsula", "south ossetia"). */
    private static final Map<String, Location> WORLD_REGIONS = worldRegions();

    private static Map<String, Location> worldRegions() {
        Map<String, Location> out = new HashMap<>();
        List<String[]> rows = new ArrayList<>(Gazetteer.Tables.rows("world-regions.tsv", 7));
        for (String[] r : Gazetteer.Tables.rows("landmarks.tsv", 8)) {
            r[6] = "admin1:" + r[6];
            rows.add(r);
            if (!r[7].isEmpty()) {
                LANDMARK_CITY.put(NameKey.of(r[0]), Long.parseLong(r[7]));
            }
        }
        for (String[] r : rows) {
            boolean landmark = r[6].startsWith("admin1:");
            Location l = new Location(r[0], r[0], null, r[5].isEmpty() ? null : r[5],
                landmark ? r[6].substring(7) : null, null, Double.parseDouble(r[2]), Double.parseDouble(r[3]),
                landmark ? 1 : 3, List.of());
            WORLD_REGION_CLASS.put(l, r[1]);
            out.put(NameKey.of(r[0]), l);
            for (String n : r[4].split("\\|")) {
                if (!n.isBlank()) {
                    out.put(NameKey.of(n.strip()), l);
                }
            }
        }
        return Map.copyOf(out);
    }

    /** Every demonym's key: never a town ("Canadian" is not Canadian, Texas), whether or not reported. */
    private final Set<String> demonymKeys = new HashSet<>();
    /** Each demonym's key and its country's ISO code ("lebanese" -> LB): evidence that the text is about it. */
    private final Map<String, String> demonymCountries = new HashMap<>();

    public GazetteerPlaceResolver(Gazetteer gazetteer) {
        this(gazetteer, false);
    }

    /**
     * A resolver over {@code gazetteer}; with {@code demonyms} true, demonyms ("Russian", "Palestinians") are
     * reported as mentions of their country (confidence 0.5), as the LGL and GeoWebNews corpora annotate them; by
     * default they are not places.
     */
    public GazetteerPlaceResolver(Gazetteer gazetteer, boolean demonyms) {
        this.gazetteer = gazetteer;
        for (String[] r : Gazetteer.Tables.rows("demonyms.tsv", 2)) {
            int e = gazetteer.countryEntry(r[1]);
            String k = NameKey.of(r[0]);
            if (k != null) {
                demonymKeys.add(k);
                demonymCountries.putIfAbsent(k, r[1].toUpperCase(Locale.ROOT));
                if (demonyms && e >= 0) {
                    this.demonyms.put(k, e);
                }
            }
        }
        for (Gazetteer.Abbreviation a : gazetteer.abbreviations()) {
            abbreviations.computeIfAbsent(a.form().charAt(0), k -> new ArrayList<>()).add(a);
        }
    }

    private static Map<String, Integer> ranks(String file) {
        Map<String, Integer> out = new HashMap<>();
        try (var r = Gazetteer.classPath(Gazetteer.RES + file)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.putIfAbsent(line.strip(), out.size());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static Set<String> wordList(String file) {
        return ranks(file).keySet();
    }

    /** A resolver over {@link Gazetteer#bundled()}. */
    public GazetteerPlaceResolver() {
        this(Gazetteer.bundled());
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    // ---- tokens

    static final class Tok {
        final int start;
        final int end;
        final boolean cap;
        final boolean cyr;
        boolean sentenceStart;
        boolean adjacentPrev; // only spaces between the previous token and this one
        boolean commaPrev;    // spaces and one comma
        boolean hyphenPrev;   // a hyphen between two capitalised words ("Logan-Rogersville")
        String key;
        String lower;

        Tok(int start, int end, boolean cap, boolean cyr) {
            this.start = start;
            this.end = end;
            this.cap = cap;
            this.cyr = cyr;
        }
    }

    static List<Tok> tokenize(String text) {
        List<Tok> toks = new ArrayList<>(text.length() / 5 + 4);
        int n = text.length();
        int i = 0;
        int prevEnd = 0;
        boolean hyphenJoin = false; // the previous token ended at a hyphen before a capital
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int s = i;
            boolean joined = hyphenJoin; // "Ata" of "Alma-Ata": one name with the word before
            hyphenJoin = false;
            i++;
            while (i < n) {
                char d = text.charAt(i);
                if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                    i++;
                } else if (isJoiner(d) && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                    if (isApostrophe(d) && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                        && (i + 2 >= n || !Character.isLetter(text.charAt(i + 2)))) {
                        break; // possessive 's
                    }
                    if (d == '-' && Character.isUpperCase(c) && hyphenBreak(text, s, i)) {
                        break; // "Washington-based", "D-Charleston": the place is a word of its own
                    }
                    if (d == '-' && Character.isUpperCase(c) && Character.isUpperCase(text.charAt(i + 1))
                        && !NameKey.isCyrillic(c)) { // Russian case endings are read off the whole word
                        hyphenJoin = true; // "Amsterdam-London", "DPRK-South Korea"; "Winston-Salem" is found whole
                        break;             // as the two words' n-gram, since a name's hyphens are spaces
                    }
                    i++;
                } else {
                    break;
                }
            }
            Tok t = new Tok(s, i, Character.isUpperCase(c), NameKey.isCyrillic(c));
            t.sentenceStart = toks.isEmpty();
            boolean spaces = s > prevEnd || toks.isEmpty();
            int commas = 0;
            for (int k = prevEnd; k < s; k++) {
                char g = text.charAt(k);
                if ((g == '.' || g == '!' || g == '?' || g == '\n' || g == '\r' || g == ':' || g == ';')
                    && !(g == '.' && k + 1 < s && text.charAt(k + 1) == ',')) { // "Orchard St., Alexandria"
                    t.sentenceStart = true;
                }
                if (g == ',') {
                    commas++;
                } else if (g != ' ' && g != '\u00a0') {
                    spaces = false;
                }
            }
            if (!toks.isEmpty() && !t.sentenceStart) {
                boolean quoteOpen = false;
                for (int k = prevEnd; k < s; k++) {
                    char g = text.charAt(k);
                    if (g == '\u2018' || g == '\u201c' || g == '"' || g == '(' || g == '\u00ab') {
                        quoteOpen = true;
                    }
                }
                t.sentenceStart = quoteOpen && t.cap;
            }
            t.hyphenPrev = joined && s == prevEnd + 1;
            t.adjacentPrev = spaces && commas == 0 || t.hyphenPrev;
            t.commaPrev = spaces && commas == 1;
            if (!toks.isEmpty() && t.cap && s - prevEnd == 2 && text.charAt(prevEnd) == '.'
                && text.charAt(prevEnd + 1) == ' ' && isNameAbbreviation(text, toks.get(toks.size() - 1))) {
                t.sentenceStart = false; // "St. Petersburg", "Mt. Pleasant", "Ft. Worth": one name
                t.adjacentPrev = true;
            }
            toks.add(t);
            prevEnd = i;
        }
        return toks;
    }

    private static final Set<String> HYPHEN_SUFFIXES = Set.of("based", "born", "bound", "area", "headquartered",
        "owned", "made", "raised", "registered", "listed", "flagged", "led", "run", "backed", "style", "wide", "like");

    /**
     * True when a capitalised word ending at the hyphen at {@code h} is a name of its own: followed by a suffix
     * ("London-based", "Texas-born", "Iowa-wide") or a party letter before a home town ("D-Charleston", "R-London").
     */
    private static boolean hyphenBreak(String text, int s, int h) {
        if (h - s == 1 && (text.charAt(s) == 'D' || text.charAt(s) == 'R' || text.charAt(s) == 'I')
            && Character.isUpperCase(text.charAt(h + 1)) && (s == 0 || !Character.isLetter(text.charAt(s - 1)))) {
            return true;
        }
        int e = h + 1;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return e - h - 1 >= 3 && HYPHEN_SUFFIXES.contains(text.substring(h + 1, e));
    }

    /** "St", "Mt", "Ft", "Pt", "Ste": abbreviations that begin place names and end with a dot that ends nothing. */
    private static boolean isNameAbbreviation(String text, Tok p) {
        int n = p.end - p.start;
        if (!p.cap || n < 2 || n > 3) {
            return false;
        }
        String w = text.substring(p.start, p.end);
        return w.equals("St") || w.equals("Mt") || w.equals("Ft") || w.equals("Pt") || w.equals("Ste")
            || w.equals("ST") || w.equals("MT") || w.equals("FT"); // "ST. PARIS —", a dateline in capitals
    }

    private static boolean isJoiner(char d) {
        return d == '-' || d == '\u2010' || d == '\u2011' || isApostrophe(d);
    }

    private static boolean isApostrophe(char d) {
        return d == '\'' || d == '\u2019' || d == '\u02bc';
    }

    private static String key(String text, Tok t) {
        if (t.key == null) {
            String k = NameKey.of(text.subSequence(t.start, t.end));
            t.key = k == null ? "" : k;
        }
        return t.key;
    }

    private static String lower(String text, Tok t) {
        if (t.lower == null) {
            t.lower = text.substring(t.start, t.end).toLowerCase(Locale.ROOT);
        }
        return t.lower;
    }

    // ---- resolution

    /** Weight of the publisher's home country among the votes for the document's country (a name counts 1-2). */
    static final double HOME_COUNTRY_VOTE = 1.0;
    /**
     * Added to the score of a reading in the publisher's home region: about what a named state or county in the
     * same text adds (1.5-2), so that the text's own evidence can still overrule it.
     */
    static final double HOME_BONUS = 2.0;

    private final Map<String, String> homeKeys = new java.util.concurrent.ConcurrentHashMap<>();

    /** The region key of a home region given by country and English name, or null when the name is unknown. */
    private String homeRegionKey(String country, String admin1, LocalDate date) {
        String k = homeKeys.computeIfAbsent(country + "\t" + admin1 + "\t" + date.getYear(), x -> {
            int r = gazetteer.admin1ByDisplayName(country, admin1, date);
            return r < 0 ? "" : gazetteer.regionKey(r);
        });
        return k.isEmpty() ? null : k;
    }

    /** A span that names something in the gazetteer, before disambiguation. */
    private record Candidate(int first, int last, int[] postings, boolean partial, boolean sentenceStart,
                             boolean inName) {
    }

    @Override
    public List<PlaceMention> resolve(String text, PlaceContext context) {
        LocalDate date = context != null && context.published() != null ? context.published() : LocalDate.now();
        String hint = context == null || context.countryHint() == null ? null
            : context.countryHint().toUpperCase(Locale.ROOT);
        List<Tok> toks = tokenize(text);
        PlaceContext.HomeRegion home = context == null ? null : context.home();
        String homeKey = home == null || home.admin1() == null ? null
            : homeRegionKey(home.country().toUpperCase(Locale.ROOT), home.admin1(), date);
        List<Candidate> cands = new ArrayList<>();
        List<int[]> capitalSpans = new ArrayList<>(); // [firstTok, lastTok, countryEntry or -1]
        List<Vague> vagues = new ArrayList<>();
        boolean[] taken = abbreviations(text, toks, cands);
        Set<String> persons = new HashSet<>();
        List<PlaceMention> continentMentions = new ArrayList<>();
        worldRegions(text, toks, taken, continentMentions, date);
        List<PlaceMention> demonymMentions = demonyms.isEmpty() ? List.of() : demonyms(text, toks, taken, date);

        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (taken[i]) {
                continue;
            }
            if (!t.cap) {
                Vague v = vague(text, toks, i);
                if (v != null) {
                    vagues.add(v);
                    i = v.last;
                    continue;
                }
                if (lower(text, t).equals("the") && i + 1 < toks.size() && toks.get(i + 1).adjacentPrev
                    && lower(text, toks.get(i + 1)).equals("capital")) {
                    capitalSpans.add(capital(text, toks, i));
                }
                continue;
            }
            Vague v = vague(text, toks, i); // "Western Kazakhstan", "The west of the country"
            if (v != null) {
                vagues.add(v);
                i = v.last;
                continue;
            }
            if (lower(text, t).equals("the") && i + 1 < toks.size() && toks.get(i + 1).adjacentPrev
                && lower(text, toks.get(i + 1)).equals("capital")) {
                capitalSpans.add(capital(text, toks, i));
                continue;
            }
            int j = i;
            while (j + 1 < toks.size() && j - i < 8) {
                Tok nx = toks.get(j + 1);
                if (!nx.adjacentPrev || taken[j + 1]) {
                    break;
                }
                if (nx.cap) {
                    j++;
                } else if (REGION_WORDS.contains(lower(text, nx))) {
                    j++;
                    break;
                } else if (CONNECTORS.contains(lower(text, nx)) && j + 2 < toks.size() && toks.get(j + 2).cap
                    && toks.get(j + 2).adjacentPrev) {
                    j += 2;
                } else if (lower(text, nx).equals("and") && andName(text, toks, i, j)) {
                    j += 2; // "Trinidad and Tobago", "Bosnia and Herzegovina", "Tyne and Wear"
                } else {
                    break;
                }
            }
            run(text, toks, i, j, cands, persons, continentMentions, homeKey);
            i = j;
        }

        // the dominant country
        Map<String, Double> votes = new LinkedHashMap<>();
        if (hint != null) {
            votes.merge(hint, 3.0, Double::sum);
        }
        datelines(text, toks, cands);
        cands = placeCommaRegion(toks, cands);
        Map<String, Set<String>> countryNames = countrySupport(text, toks, cands);
        // the publisher's home region: a local outlet's ambiguous names ("Alexandria", "Paris") lie near home
        if (home != null) {
            String homeCountry = home.country().toUpperCase(Locale.ROOT);
            if (gazetteer.countryEntry(homeCountry) >= 0) {
                votes.merge(homeCountry, HOME_COUNTRY_VOTE, Double::sum);
            }
        }
        String homeCc = home == null ? null : home.country().toUpperCase(Locale.ROOT);
        for (Vague v : vagues) { // "western Kazakhstan" votes for Kazakhstan; "north Georgia" in an Atlanta paper not
            if (v.country >= 0 && regionNamedLike(text, toks, v, homeCc, homeKey, countryNames) < 0) {
                votes.merge(gazetteer.country(v.country), 2.0, Double::sum);
            }
        }
        Set<Candidate> homeTowns = new HashSet<>(); // "Lebanon" in a Pennsylvania paper: the town, not the country
        if (homeKey != null) {
            for (Candidate c : cands) {
                if (homeTownOverCountry(c, homeKey, countryNames, ngram(text, toks, c.first, c.last), cands,
                    home.country().toUpperCase(Locale.ROOT), text, toks)) {
                    homeTowns.add(c);
                }
            }
        }

        // votes of unambiguous names: countries for the dominant country; first-level regions for the document's
        // regions (a state named, or a place whose every reading lies in one region)
        Map<String, Double> regionVotes = new HashMap<>();
        for (Candidate c : cands) {
            String only = null;
            String onlyRegion = null;
            boolean sameRegion = true;
            boolean firstReading = true;
            int countryHit = -1;
            boolean regionHit = false;
            boolean same = true;
            for (int p : c.postings) {
                int e = p >> 1;
                if ((p & 1) == 0) {
                    continue;
                }
                if (gazetteer.kind(e) == Gazetteer.Kind.COUNTRY) {
                    countryHit = e;
                } else if (gazetteer.kind(e) == Gazetteer.Kind.ADMIN1) {
                    regionHit = true;
                }
                String cc = gazetteer.country(e);
                if (only == null) {
                    only = cc;
                } else if (!only.equals(cc)) {
                    same = false;
                }
                String r = gazetteer.kind(e) == Gazetteer.Kind.COUNTRY ? null : gazetteer.regionKey(e);
                if (firstReading) {
                    onlyRegion = r;
                    firstReading = false;
                } else if (r == null || !r.equals(onlyRegion)) {
                    sameRegion = false; // "Georgia", a country and a US state, votes for neither region
                }
            }
            if (only == null || c.partial) {
                continue;
            }
            if (homeTowns.contains(c)) {
                countryHit = -1; // the home town votes for its region below, not for the country
            }
            if (countryHit >= 0 && (same || !regionHit)) {
                // "Kazakhstan", "Armenia" (also a town in Colombia); not "Georgia", a country and a US state
                votes.merge(gazetteer.country(countryHit), 2.0, Double::sum);
            } else if (same) {
                votes.merge(only, 1.0, Double::sum);
            }
            if (sameRegion && onlyRegion != null) {
                regionVotes.merge(onlyRegion, 1.0, Double::sum);
            }
        }
        // the regions that several names agree on ("Huntsville" and "Walker County": Texas has both): each
        // distinct name spreads one vote over the first-level regions of its readings
        Map<String, Map<String, Double>> byName = new HashMap<>();
        Map<String, Double> shared = new HashMap<>();
        for (Candidate c : cands) {
            if (c.partial) {
                continue;
            }
            String name = ngram(text, toks, c.first, c.last);
            if (byName.containsKey(name)) {
                continue;
            }
            Set<String> rs = new HashSet<>();
            boolean countryName = false; // "Greece" is the country, and votes for no region of Greece, New York
            for (int p : c.postings) {
                int e = p >> 1;
                if ((p & 1) == 1 && gazetteer.kind(e) != Gazetteer.Kind.COUNTRY) {
                    rs.add(gazetteer.regionKey(e));
                } else if ((p & 1) == 1) {
                    countryName = true;
                }
            }
            if (countryName && !homeTowns.contains(c)) {
                rs.clear();
            }
            Map<String, Double> own = new HashMap<>();
            for (String r : rs) {
                own.put(r, 1.0 / rs.size());
                shared.merge(r, 1.0 / rs.size(), Double::sum);
            }
            byName.put(name, own);
        }
        String dominant = hint;
        if (dominant == null) {
            double best = 0;
            for (Map.Entry<String, Double> e : votes.entrySet()) {
                if (e.getValue() > best) {
                    best = e.getValue();
                    dominant = e.getKey();
                }
            }
        }

        List<PlaceMention> out = new ArrayList<>(demonymMentions);
        out.addAll(continentMentions);
        for (Vague v : vagues) {
            int country = v.country >= 0 ? v.country : gazetteer.countryEntry(dominant);
            int region = v.country >= 0 ? regionNamedLike(text, toks, v, dominant, homeKey, countryNames) : -1;
            if (region >= 0) { // "north Georgia" in an Atlanta paper: the state, not the country
                Span span = new Span(toks.get(v.first).start, toks.get(v.last).end);
                out.add(new PlaceMention(span, location(span.of(text), region, date), "A", 0.6));
            } else if (country >= 0) {
                out.add(vagueMention(text, toks, v, country, date));
            }
        }
        for (int[] cs : capitalSpans) {
            if (cs[2] == -2) {
                continue; // "the capital of <city>": the city is the mention
            }
            String cc = cs[2] >= 0 ? gazetteer.country(cs[2]) : dominant;
            int cap = cc == null ? -1 : gazetteer.capital(cc, date);
            if (cap >= 0) {
                Span span = new Span(toks.get(cs[0]).start, toks.get(cs[1]).end);
                out.add(new PlaceMention(span, location(span.of(text), cap, date), "P", cs[2] >= 0 ? 0.85 : 0.6));
            }
        }
        Set<String> lowerWords = null; // words written in lower case somewhere in the text
        Set<String> capsInside = null; // words capitalised inside a sentence somewhere in the text
        for (Candidate c : cands) {
            boolean commonWord = false;
            if (c.sentenceStart && c.first == c.last) {
                if (lowerWords == null) {
                    lowerWords = new HashSet<>();
                    capsInside = new HashSet<>();
                    for (Tok t : toks) {
                        if (!t.cap) {
                            lowerWords.add(lower(text, t));
                        } else if (!t.sentenceStart) {
                            capsInside.add(lower(text, t));
                        }
                    }
                }
                String w = lower(text, toks.get(c.first));
                if (lowerWords.contains(w)) {
                    continue;
                }
                // "Cars were burned"; but "Paris police ..." and later "in Paris": a name
                commonWord = COMMON_WORDS.contains(w) && !capsInside.contains(w);
            }
            Map<String, Double> own = byName.getOrDefault(ngram(text, toks, c.first, c.last), Map.of());
            Map<String, Double> others = regionVotes;
            if (c.postings.length > 1) {
                for (int p : c.postings) {
                    String r = gazetteer.regionKey(p >> 1);
                    double v = shared.getOrDefault(r, 0.0) - own.getOrDefault(r, 0.0);
                    if (v >= 0.2 && !regionVotes.containsKey(r)) {
                        if (others == regionVotes) {
                            others = new HashMap<>(regionVotes);
                        }
                        others.put(r, v - 1.0 / 3); // 1 + 0.5 v in score: about 1.3 for one other name there
                    }
                }
            }
            PlaceMention m = choose(text, toks, c, dominant, votes.keySet(), others, homeKey, date, commonWord,
                homeTowns.contains(c), countryNames);
            if (m != null) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(PlaceMention::span));
        List<PlaceMention> kept = new ArrayList<>(out.size());
        for (PlaceMention m : out) {
            if (!kept.isEmpty() && kept.get(kept.size() - 1).span().overlaps(m.span())) {
                PlaceMention prev = kept.get(kept.size() - 1);
                if (m.span().length() > prev.span().length()) {
                    kept.set(kept.size() - 1, m);
                }
                continue;
            }
            kept.add(m);
        }
        return kept;
    }

    /**
     * Abbreviations of countries and US states written as is ("U.S.", "W.Va.", "Gainesville, Fla."): each becomes a
     * candidate; returns the tokens they cover, which the n-gram lookup then skips.
     */
    private boolean[] abbreviations(String text, List<Tok> toks, List<Candidate> cands) {
        boolean[] taken = new boolean[toks.size()];
        for (int k = 0; k < toks.size(); k++) {
            Tok t = toks.get(k);
            if (!t.cap) {
                continue;
            }
            List<Gazetteer.Abbreviation> forms = abbreviations.get(text.charAt(t.start));
            if (forms == null || t.start > 0 && text.charAt(t.start - 1) == '.') {
                continue;
            }
            for (Gazetteer.Abbreviation a : forms) {
                int end = t.start + a.form().length();
                if (!text.startsWith(a.form(), t.start) || end < text.length() && (Character.isLetterOrDigit(
                    text.charAt(end)) || text.charAt(end) == '-' && end + 1 < text.length()
                    && Character.isLetter(text.charAt(end + 1)) && !hyphenBreak(text, t.start, end)
                    && !Character.isUpperCase(text.charAt(end + 1)))) {
                    continue; // but "U.S.-led", "DPRK-South Korea", "Canada-U.S." keep it
                }
                if ((a.form().equals("B.C.") || a.form().equals("BC")) && k > 0
                    && Character.isDigit(text.charAt(toks.get(k - 1).start))) {
                    continue; // "500 B.C." is a year
                }
                int last = k;
                while (last + 1 < toks.size() && toks.get(last + 1).start < end) {
                    last++;
                }
                if (toks.get(last).end > end) {
                    continue; // the form ends inside a word
                }
                if (a.afterComma() && !(t.commaPrev && k > 0 && toks.get(k - 1).cap)
                    && !headlineState(text, a, t, end)) {
                    continue;
                }
                for (int x = k; x <= last; x++) {
                    taken[x] = true;
                }
                cands.add(new Candidate(k, last, new int[] {a.entry() << 1 | 1}, false, false, false));
                k = last;
                break;
            }
        }
        return taken;
    }

    /**
     * Datelines in capitals that open a sentence and are followed by a dash, "(AP)" or a comma ("PORTLAND —",
     * "ST. PARIS --", "LEBANON (AP) —", "HUDSON, Ill."): a place, whatever the word means elsewhere, so the
     * sentence-start rules (a common word opening a sentence is no name) do not apply to them.
     */
    private void datelines(String text, List<Tok> toks, List<Candidate> cands) {
        for (int x = 0; x < cands.size(); x++) {
            Candidate c = cands.get(x);
            if (!c.sentenceStart) {
                continue;
            }
            int start = toks.get(c.first).start;
            int end = toks.get(c.last).end;
            int letters = 0;
            boolean caps = true;
            for (int k = start; k < end && caps; k++) {
                char ch = text.charAt(k);
                if (Character.isLetter(ch)) {
                    letters++;
                    caps = Character.isUpperCase(ch);
                }
            }
            if (!caps || letters < 3) {
                continue;
            }
            int k = end;
            while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\u00a0')) {
                k++;
            }
            if (text.startsWith("(", k)) { // "(AP)", "(Reuters)"
                int close = text.indexOf(')', k);
                if (close > k && close - k < 14) {
                    k = close + 1;
                    while (k < text.length() && text.charAt(k) == ' ') {
                        k++;
                    }
                }
            }
            if (k < text.length() && (text.charAt(k) == '\u2014' || text.charAt(k) == '\u2013' || text.charAt(k) == '-'
                || text.charAt(k) == ',' || text.charAt(k) == '\u201d' || text.charAt(k) == '"')) {
                // a dateline names a town or city: "NEW YORK (AP)" is the city, "LEBANON (AP)" a town
                int[] towns = java.util.Arrays.stream(c.postings)
                    .filter(q -> gazetteer.kind(q >> 1) == Gazetteer.Kind.PLACE).toArray();
                boolean comma = text.charAt(k) == ','; // "HUDSON, Ill.": the region after the comma decides
                cands.set(x, new Candidate(c.first, c.last, towns.length > 0 && !comma ? towns : c.postings,
                    c.partial, false, c.inName));
            }
        }
    }

    /**
     * Named world regions ("the Korean Peninsula", "South Ossetia", "EU"): up to three capitalised words whose
     * whole name is in {@code world-regions.tsv}; a name of two letters or fewer (an abbreviation) only as written
     * in capitals. Marks their tokens taken.
     */
    private void worldRegions(String text, List<Tok> toks, boolean[] taken, List<PlaceMention> out,
                              LocalDate date) {
        for (int i = 0; i < toks.size(); i++) {
            if (!toks.get(i).cap || taken[i]) {
                continue;
            }
            for (int n = 3; n >= 1; n--) {
                int last = i + n - 1;
                if (last >= toks.size()) {
                    continue;
                }
                boolean joined = true;
                for (int k = i + 1; k <= last; k++) {
                    Tok t = toks.get(k);
                    joined &= !taken[k] && (t.adjacentPrev || t.hyphenPrev || t.start - toks.get(k - 1).end == 1
                        && text.charAt(t.start - 1) == '.');
                }
                if (!joined) {
                    continue;
                }
                String k = ngram(text, toks, i, last);
                Location l = WORLD_REGIONS.get(k);
                if (l == null) {
                    continue;
                }
                int end = toks.get(last).end;
                if (k.replace(" ", "").length() <= 2) { // "EU", "E.U.": capitals only, not "Eu" nor "eu"
                    for (int x = toks.get(i).start; x < end; x++) {
                        if (Character.isLowerCase(text.charAt(x))) {
                            l = null;
                        }
                    }
                    if (l != null && n > 1 && end < text.length() && text.charAt(end) == '.') {
                        end++;
                    }
                }
                if (l == null) {
                    continue;
                }
                if (!UNIONS.contains(l.name()) && longerName(text, toks, i, last)) {
                    continue; // "Atlantic City", "Union Pacific", "Middle East Respiratory Syndrome"
                }
                boolean inName = false;
                if (UNIONS.contains(l.name())) {
                    // the European Union is a place where the text puts something in it ("in the EU", "across the
                    // EU"); before a noun or in a possessive it names a body, reported as a place inside a name
                    // ("EU leaders", "the EU's airports", "EU Transport Commissioner"); otherwise it is the body
                    // itself ("admitting Kazakhstan to NATO or the EU", "the EU said"): no place
                    int b = i > 0 && lower(text, toks.get(i - 1)).equals("the") ? i - 1 : i;
                    boolean locative = b > 0 && LOCATIVE.contains(lower(text, toks.get(b - 1)));
                    int after = last + 1;
                    boolean possessive = end + 1 < text.length() && isApostrophe(text.charAt(end))
                        && (text.charAt(end + 1) == 's' || text.charAt(end + 1) == 'S');
                    boolean modifier = possessive || end < text.length() && text.charAt(end) == '-'
                        || after < toks.size() && toks.get(after).adjacentPrev
                        && !taken[after] && !NOT_MODIFIED.contains(lower(text, toks.get(after)))
                        && Character.isLetter(text.charAt(toks.get(after).start));
                    if (modifier) {
                        inName = true;
                    } else if (!locative) {
                        for (int x = i; x <= last; x++) {
                            taken[x] = true;
                        }
                        i = last;
                        break;
                    }
                }
                Span span = new Span(toks.get(i).start, end);
                String fclass = WORLD_REGION_CLASS.get(l);
                Long city = LANDMARK_CITY.get(NameKey.of(l.name()));
                int ce = city == null ? -1 : gazetteer.byGeonameid(city);
                if (ce >= 0) { // the region as it was on the report's date
                    l = new Location(l.text(), l.name(), null, l.country(), gazetteer.admin1Name(ce, date), null,
                        l.lat(), l.lon(), l.geoPrecision(), List.of());
                }
                out.add(new PlaceMention(span, l.withText(span.of(text)), fclass, 0.85, inName));
                for (int x = i; x <= last; x++) {
                    taken[x] = true;
                }
                i = last;
                break;
            }
        }
    }

    /** Whether any reading is a region or country, a city of 100,000, a capital or seat, or a town of the home region. */
    private boolean importantOrLocal(int[] postings, String homeKey) {
        for (int q : postings) {
            int e = q >> 1;
            String fc = gazetteer.featureCode(e);
            if (gazetteer.kind(e) != Gazetteer.Kind.PLACE || gazetteer.population(e) >= 100_000 || "PPLC".equals(fc)
                || "PPLA".equals(fc) || homeKey != null && homeKey.equals(gazetteer.regionKey(e))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether tokens {@code [i, last]} are part of a longer run of capitalised words: the next token is capitalised
     * with only spaces before it, or the previous one is, inside a sentence.
     */
    private static boolean longerName(String text, List<Tok> toks, int i, int last) {
        if (last + 1 < toks.size() && toks.get(last + 1).cap
            && (toks.get(last + 1).adjacentPrev || toks.get(last + 1).hyphenPrev)) {
            return true;
        }
        Tok t = toks.get(i);
        return i > 0 && (t.adjacentPrev || t.hyphenPrev) && toks.get(i - 1).cap && !toks.get(i - 1).sentenceStart
            && !NAME_OPENERS.contains(lower(text, toks.get(i - 1)));
    }

    /** Capitalised words before a world region's name that leave it the region ("The Atlantic", "North Caucasus"). */
    private static final Set<String> NAME_OPENERS = Set.of("the", "north", "south", "east", "west", "northern",
        "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern", "southwestern",
        "upper", "lower", "greater", "tropical");

    /**
     * An AP state abbreviation with its dot used on its own, as headlines do: before a word in lower case ("Missing
     * Ill. man", "Mass. legislators", "3 Ind. fugitives"), the dot ending no sentence, or alone in parentheses
     * ("The Walker County (Ga.) Sheriff's Office").
     */
    private static boolean headlineState(String text, Gazetteer.Abbreviation a, Tok t, int end) {
        if (!a.form().endsWith(".") || a.form().length() < 3) {
            return false;
        }
        if (t.start > 0 && text.charAt(t.start - 1) == '(' && end < text.length() && text.charAt(end) == ')') {
            return true;
        }
        return end + 1 < text.length() && text.charAt(end) == ' ' && Character.isLowerCase(text.charAt(end + 1));
    }

    /** Demonyms as mentions of their country (only when asked for); marks their tokens taken. */
    private List<PlaceMention> demonyms(String text, List<Tok> toks, boolean[] taken, LocalDate date) {
        List<PlaceMention> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            if (!toks.get(i).cap || taken[i]) {
                continue;
            }
            for (int n = 2; n >= 1; n--) {
                int last = i + n - 1;
                if (last >= toks.size() || n == 2 && !toks.get(last).adjacentPrev) {
                    continue;
                }
                Integer e = demonyms.get(ngram(text, toks, i, last));
                if (e != null) {
                    Span span = new Span(toks.get(i).start, toks.get(last).end);
                    out.add(new PlaceMention(span, location(span.of(text), e, date), "A", 0.5));
                    for (int t = i; t <= last; t++) {
                        taken[t] = true;
                    }
                    i = last;
                    break;
                }
            }
        }
        return out;
    }

    /**
     * "Paris, Texas", "London, Ky.", "Santiago, Chile": a place name followed by a comma and the name of a region or
     * country keeps only its readings inside that region or country, when it has any.
     */
    private List<Candidate> placeCommaRegion(List<Tok> toks, List<Candidate> cands) {
        List<Candidate> sorted = new ArrayList<>(cands);
        sorted.sort(Comparator.comparingInt(Candidate::first));
        for (int i = 0; i + 1 < sorted.size(); i++) {
            Candidate c = sorted.get(i);
            Candidate n = sorted.get(i + 1);
            if (n.first() != c.last() + 1 || !toks.get(n.first()).commaPrev) {
                continue;
            }
            List<Integer> within = new ArrayList<>();
            for (int q : n.postings()) {
                Gazetteer.Kind k = gazetteer.kind(q >> 1);
                if ((q & 1) == 1 && (k == Gazetteer.Kind.ADMIN1 || k == Gazetteer.Kind.COUNTRY)) {
                    within.add(q >> 1);
                }
            }
            if (within.isEmpty()) {
                continue;
            }
            int[] kept = java.util.Arrays.stream(c.postings()).filter(q -> {
                int e = q >> 1;
                if (gazetteer.kind(e) == Gazetteer.Kind.COUNTRY) {
                    return false;
                }
                for (int r : within) {
                    if (gazetteer.country(r).equals(gazetteer.country(e)) && (gazetteer.kind(r) == Gazetteer.Kind.COUNTRY
                        || gazetteer.kind(e) != Gazetteer.Kind.ADMIN1
                        && gazetteer.admin1Code(r).equals(gazetteer.admin1Code(e)))) {
                        return true; // "Paris, Texas"; "Ontario, Canada": the province, a region of the country
                    }
                }
                return false;
            }).toArray();
            if (kept.length > 0 && !hasStrong(kept) && hasStrong(c.postings())) {
                continue; // "stops in Washington, New York and Boston": a list, not a town that GeoNames also calls
                          // Washington in New York state
            }
            if (kept.length > 0) {
                // "Springfield, Ohio" opening a sentence is a place, whatever "springfield" is elsewhere
                sorted.set(i, new Candidate(c.first(), c.last(), kept, c.partial(), false, c.inName()));
                // and the name after the comma is the region or country that holds it: "Tacoma, Washington" is
                // the state, not the capital
                Set<Integer> holders = new HashSet<>();
                for (int q : kept) {
                    int e = q >> 1;
                    for (int r : within) {
                        if (gazetteer.country(r).equals(gazetteer.country(e)) && (gazetteer.kind(r) == Gazetteer.Kind.COUNTRY
                            || gazetteer.kind(e) != Gazetteer.Kind.ADMIN1
                            && gazetteer.admin1Code(r).equals(gazetteer.admin1Code(e)))) {
                            holders.add(r);
                        }
                    }
                }
                int[] region = java.util.Arrays.stream(n.postings()).filter(q -> holders.contains(q >> 1)).toArray();
                if (region.length > 0 && region.length < n.postings().length) {
                    sorted.set(i + 1, new Candidate(n.first(), n.last(), region, n.partial(), n.sentenceStart(),
                        n.inName()));
                }
            }
        }
        return sorted;
    }

    /** Finds candidates in the run of capitalised tokens {@code [i, j]}. */
    private void run(String text, List<Tok> toks, int i, int j, List<Candidate> cands, Set<String> persons,
                     List<PlaceMention> continents, String homeKey) {
        if (continents != null) {
            int a = i;
            while (a < j && toks.get(a).sentenceStart && COMMON_RANK.getOrDefault(lower(text, toks.get(a)), 1 << 20) < 100) {
                a++; // "The", "In" at the start of a sentence; not "Central" of "Central Asia"
            }
            Location continent = CONTINENTS.get(ngram(text, toks, a, j));
            if (continent != null) { // "Europe", "North America"; not "Central Asia", nor "Europe" in "Eastern Europe"
                Span span = new Span(toks.get(a).start, toks.get(j).end);
                continents.add(new PlaceMention(span, continent.withText(span.of(text)), "L", 0.9));
                return;
            }
        }
        boolean inName = false; // "Texas Forest Service", "Washington Post": the place is part of a name
        for (int k = i; k <= j; k++) {
            String w = key(text, toks.get(k));
            if (ORG_WORDS.contains(w) && !(FACILITY_WORDS.contains(w) || w.equals("council") && k > i
                && LOCAL_BODIES.contains(key(text, toks.get(k - 1))))) {
                inName = true;
            }
        }
        for (int k = i; k <= j; k++) {
            if (gazetteer.isPerson(key(text, toks.get(k)))) {
                return; // "Vladimir Putin", "Nursultan Nazarbayev"
            }
        }
        boolean insideName = false; // "West Wing": a word after a capitalised non-place inside a sentence
        while (i < j && gazetteer.isNotPlace(key(text, toks.get(i))) && !TITLES.contains(lower(text, toks.get(i)))
            && !startsName(text, toks, i, j)) {
            insideName |= !toks.get(i).sentenceStart && !CONNECTORS.contains(lower(text, toks.get(i)));
            i++; // "The", "In", "В" at the start of a sentence
        }
        if (TITLES.contains(key(text, toks.get(i))) || TITLES.contains(lower(text, toks.get(i)))) {
            // "President Tokayev" is a person; "Президент Казахстана", "President of Kazakhstan" name a country
            int k = i + 1;
            if (k <= j && CONNECTORS.contains(lower(text, toks.get(k)))) {
                k++;
            }
            if (k > j || !countryOrRegion(text, toks, k, j)) {
                return;
            }
            i = k;
        }
        if (j > i && surnameLike(lower(text, toks.get(j))) && gazetteer.lookup(ngram(text, toks, i, j)).length == 0) {
            return;
        }
        int name = i; // the capitalised words before any connector: "Steven Sachs" in "Steven Sachs of Alexandria"
        while (name < j && toks.get(name + 1).cap && !CONNECTORS.contains(lower(text, toks.get(name + 1)))) {
            name++;
        }
        if (name > i && personByGivenName(text, toks, i, name)) {
            persons.add(key(text, toks.get(name))); // "Wynne said" later in the text is the same person
            if (name + 2 > j) {
                return; // "Kathleen Wynne", "Chiquita Raquel Henry"
            }
            i = name + 2; // "... of Alexandria": the place after the connector
        }
        if (i == j && persons.contains(key(text, toks.get(i)))) {
            return;
        }
        int k = i;
        int covered = i - 1; // the last token of the run inside a candidate found so far
        while (k <= j) {
            boolean found = false;
            for (int n = Math.min(5, j - k + 1); n >= 1 && !found; n--) {
                int last = k + n - 1;
                if (CONNECTORS.contains(lower(text, toks.get(k))) || CONNECTORS.contains(lower(text, toks.get(last)))
                    || !toks.get(k).cap) {
                    continue;
                }
                String key = ngram(text, toks, k, last);
                if (gazetteer.isNotPlace(key) || demonymKeys.contains(key)) {
                    k = last + 1;
                    found = true;
                    break;
                }
                int[] p = lookupExpanded(key);
                if (n == 1 && !toks.get(k).cyr) {
                    p = withCounty(text, toks.get(k), key, p, homeKey);
                }
                if (n > 1 && p.length > 0 && !hasStrong(p) && LOCAL_BODIES.contains(lower(text, toks.get(last)))
                    && hasStrong(lookupExpanded(ngram(text, toks, k, last - 1)))) {
                    continue; // "Dublin City Council": Dublin, not GeoNames' alternate name "Dublin City"
                }
                if (toks.get(k).cyr && n <= 2 && !hasStrong(p)) {
                    int[] cases = russianCases(text, toks, k, last);
                    if (cases.length > 0) {
                        p = cases;
                    }
                }
                if (p.length > 0 && k > i && covered < k - 1 && !CONNECTORS.contains(lower(text, toks.get(k - 1)))
                    && n == 1 && COMMON_RANK.containsKey(lower(text, toks.get(k))) && !importantOrLocal(p, homeKey)) {
                    // a common noun ending a longer name whose first words are no place: "Altnagelvin Hospital",
                    // "Paddock Hill Bend", "U.S. Virgin Islands" are not the towns Hospital, Hill, Islands; a region,
                    // a city of 100,000 or a town of the paper's home region stays
                    k = last + 1;
                    found = true;
                    break;
                }
                if (p.length > 0) {
                    covered = last;
                    // a name that opens the run and ends at a connector is whole: "Beverly Hills" in "Beverly
                    // Hills on Monday"; not "Commerce" in "Chamber of Commerce"; and one after "Town of", "City of",
                    // "Province of", "State of" ("the Town of East Hampton")
                    boolean whole = (k == i || k >= i + 2 && lower(text, toks.get(k - 1)).equals("of")
                        && (LOCAL_BODIES.contains(lower(text, toks.get(k - 2)))
                        || OF_BODIES.contains(lower(text, toks.get(k - 2)))))
                        && (last == j || CONNECTORS.contains(lower(text, toks.get(last + 1))));
                    cands.add(new Candidate(k, last, p, (insideName || !whole) && !REGION_WORDS.contains(lower(text,
                        toks.get(j))), toks.get(k).sentenceStart, inName));
                    k = last + 1;
                    found = true;
                }
            }
            if (!found) {
                k++;
            }
        }
    }

    /**
     * A county written without "County" ("DeKalb", "Gwinnett", "Avoyelles"): when a US county or parish bears the
     * name and the word is neither a common English word nor a given name ("Clay", "Grant", "Hall" stay as they
     * are), the county joins the readings: the one of the publisher's home region, or the only county of that name
     * when the name has no other strong reading.
     */
    private int[] withCounty(String text, Tok t, String key, int[] p, String homeKey) {
        String w = lower(text, t);
        if (t.end - t.start < 4 || COMMON_RANK.containsKey(w) || GIVEN_NAMES.contains(key)
            || gazetteer.isNotPlace(key) || demonymKeys.contains(key)) {
            return p;
        }
        int[] q = merge(gazetteer.lookup(key + " county"), gazetteer.lookup(key + " parish"));
        if (q.length == 0) {
            return p;
        }
        List<Integer> add = new ArrayList<>();
        for (int x : q) {
            if (gazetteer.kind(x >> 1) == Gazetteer.Kind.ADMIN2 && (homeKey != null
                && homeKey.equals(gazetteer.regionKey(x >> 1)) || q.length == 1 && !hasStrong(p))) {
                add.add(x);
            }
        }
        if (add.isEmpty()) {
            return p;
        }
        return merge(p, add.stream().mapToInt(Integer::intValue).toArray());
    }

    private static final String[][] EXPANSIONS = {{"st ", "saint "}, {"mt ", "mount "}, {"ft ", "fort "},
        {"pt ", "port "}, {"ste ", "sainte "}};

    /** Postings for a key; "st", "mt", "ft" at its start are also read as "saint", "mount", "fort". */
    private int[] lookupExpanded(String key) {
        int[] p = gazetteer.lookup(key);
        if (key.length() > 3 && key.charAt(2) == ' ' || key.length() > 4 && key.charAt(3) == ' ') {
            for (String[] x : EXPANSIONS) {
                if (key.startsWith(x[0])) {
                    int[] q = gazetteer.lookup(x[1] + key.substring(x[0].length()));
                    if (q.length > 0) {
                        p = merge(p, q);
                    }
                    break;
                }
            }
        }
        return p;
    }

    private static int[] merge(int[] a, int[] b) {
        if (a.length == 0) {
            return b;
        }
        java.util.LinkedHashMap<Integer, Integer> m = new java.util.LinkedHashMap<>();
        for (int[] x : new int[][] {a, b}) {
            for (int q : x) {
                m.merge(q >> 1, q & 1, (u, v) -> u | v);
            }
        }
        int[] out = new int[m.size()];
        int i = 0;
        for (Map.Entry<Integer, Integer> e : m.entrySet()) {
            out[i++] = e.getKey() << 1 | e.getValue();
        }
        return out;
    }

    private static boolean hasStrong(int[] postings) {
        for (int p : postings) {
            if ((p & 1) == 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the capitalised words ending at token {@code j} (from {@code i}), "and" and the capitalised word or
     * two after it form a gazetteer name ("Trinidad and Tobago", "Saint Kitts and Nevis").
     */
    private boolean andName(String text, List<Tok> toks, int i, int j) {
        if (j + 2 >= toks.size() || !toks.get(j + 2).cap || !toks.get(j + 2).adjacentPrev) {
            return false;
        }
        for (int a = Math.max(i, j - 2); a <= j; a++) {
            for (int b = j + 2; b <= Math.min(j + 3, toks.size() - 1); b++) {
                if (b > j + 2 && !(toks.get(b).cap && toks.get(b).adjacentPrev)) {
                    break;
                }
                if (hasStrong(gazetteer.lookup(ngram(text, toks, a, b)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when tokens {@code [k, j]} are the name of a country or first-level region (any case ending). */
    private boolean countryOrRegion(String text, List<Tok> toks, int k, int j) {
        int[] p = gazetteer.lookup(ngram(text, toks, k, j));
        if (!hasStrong(p) && toks.get(k).cyr && j - k < 2) {
            p = russianCases(text, toks, k, j);
        }
        for (int q : p) {
            Gazetteer.Kind kind = gazetteer.kind(q >> 1);
            if ((q & 1) == 1 && (kind == Gazetteer.Kind.COUNTRY || kind == Gazetteer.Kind.ADMIN1)) {
                return true;
            }
        }
        return false;
    }

    /** True when an n-gram of two or more tokens starting at {@code i} is a name ("West Kazakhstan"). */
    private boolean startsName(String text, List<Tok> toks, int i, int j) {
        for (int n = 2; n <= 5 && i + n - 1 <= j; n++) {
            if (gazetteer.lookup(ngram(text, toks, i, i + n - 1)).length > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the run starts with a common given name followed by another capitalised word, is not a gazetteer
     * name as a whole ("Mary Esther", "Henry County" are places) and the given name is not also the name of a
     * country, a first-level region of 500,000 or a city of 100,000 ("Georgia", "Jordan", "Atlanta" keep their place), and
     * the words after it are not common words, titles or institutions ("Richmond Police", "Monroe Mayor").
     */
    private boolean personByGivenName(String text, List<Tok> toks, int i, int j) {
        String first = key(text, toks.get(i));
        if (!GIVEN_NAMES.contains(first) || !toks.get(i + 1).cap || toks.get(i + 1).hyphenPrev) {
            return false; // "Logan-Rogersville" joins two towns, not a given name and a surname
        }
        for (int k = i + 1; k <= j; k++) {
            String w = lower(text, toks.get(k));
            Integer rank = COMMON_RANK.get(w);
            if (NOT_SURNAMES.contains(w) || TITLES.contains(w) || ORG_WORDS.contains(w) || LOCAL_BODIES.contains(w) || REGION_WORDS.contains(w)
                || CONNECTORS.contains(w) || rank != null && rank < 1500 && !GIVEN_NAMES.contains(w)) {
                return false; // "Richmond Police Department", "Cleveland Republican", "Star India"
            }
        }
        if (lookupExpanded(ngram(text, toks, i, j)).length > 0 || lookupExpanded(ngram(text, toks, i, i + 1)).length > 0) {
            return false;
        }
        for (int p : gazetteer.lookup(first)) {
            int e = p >> 1;
            if ((p & 1) == 1 && (gazetteer.kind(e) == Gazetteer.Kind.COUNTRY
                || gazetteer.kind(e) == Gazetteer.Kind.ADMIN1 && gazetteer.population(e) >= 500_000
                || gazetteer.population(e) >= 1_000_000)) {
                return false; // "Georgia", "Jordan", "Victoria"; not "Michael" (a parish of the Isle of Man)
            }
        }
        return true;
    }

    private static boolean surnameLike(String w) {
        return w.length() > 4 && (w.endsWith("ov") || w.endsWith("ev") || w.endsWith("ova") || w.endsWith("eva")
            || w.endsWith("enko") || w.endsWith("uly") || w.endsWith("kyzy") || w.endsWith("ovich")
            || w.endsWith("evich") || w.endsWith("ов") || w.endsWith("ев") || w.endsWith("ова") || w.endsWith("ева")
            || w.endsWith("ин") || w.endsWith("ина") || w.endsWith("енко") || w.endsWith("ұлы"));
    }

    private static String ngram(String text, List<Tok> toks, int a, int b) {
        if (a == b) {
            return key(text, toks.get(a));
        }
        StringBuilder s = new StringBuilder();
        for (int k = a; k <= b; k++) {
            String kk = key(text, toks.get(k));
            if (kk.isEmpty()) {
                continue;
            }
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(kk);
        }
        return s.toString();
    }

    /** Russian case endings: "Жанаозене" → "Жанаозен", "Алматинской области" → "Алматинская область". */
    private int[] russianCases(String text, List<Tok> toks, int a, int b) {
        List<List<String>> forms = new ArrayList<>();
        for (int k = a; k <= b; k++) {
            forms.add(ruForms(lower(text, toks.get(k))));
        }
        if (forms.size() == 1) {
            // every reading of the ending counts; the scores choose ("Семее": Семей, not some "Seme")
            int[] all = Gazetteer.EMPTY;
            for (String f : forms.get(0)) {
                int[] p = gazetteer.lookupName(f);
                if (p.length > 0) {
                    int[] merged = java.util.Arrays.copyOf(all, all.length + p.length);
                    System.arraycopy(p, 0, merged, all.length, p.length);
                    all = merged;
                }
            }
            return all;
        }
        for (String f1 : forms.get(0)) {
            for (String f2 : forms.get(1)) {
                int[] p = gazetteer.lookupName(f1 + " " + f2);
                if (p.length > 0) {
                    return p;
                }
            }
        }
        return Gazetteer.EMPTY;
    }

    /** Kazakh case endings (locative, genitive, dative, ablative), stripped as they are: "Жаңаөзенде" → "Жаңаөзен". */
    private static final String[] KK_ENDINGS = {"ындағы", "індегі", "нда", "нде", "да", "де", "та", "те", "ның", "нің",
        "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "дан", "ден", "тан", "тен", "нан", "нен"};

    private static List<String> ruForms(String w) {
        List<String> out = new ArrayList<>();
        out.add(w);
        for (String e : KK_ENDINGS) {
            if (w.endsWith(e) && w.length() - e.length() >= 3) {
                out.add(w.substring(0, w.length() - e.length()));
            }
        }
        for (String e : RU_ENDINGS) {
            if (w.endsWith(e) && w.length() - e.length() >= 3) {
                String stem = w.substring(0, w.length() - e.length());
                for (String r : RU_REPLACE) {
                    String f = stem + r;
                    if (!out.contains(f)) {
                        out.add(f);
                    }
                }
            }
        }
        if (!out.contains(w.substring(0, w.length() - 1)) && w.length() > 4 && w.endsWith("е")) {
            out.add(w.substring(0, w.length() - 1) + "ь");
        }
        return out;
    }

    /**
     * For each country, the names in the text that speak for it: places whose every reading (every strong one,
     * when there are any) lies in that country ("Beirut", "Tbilisi"), and demonyms ("Lebanese").
     */
    private Map<String, Set<String>> countrySupport(String text, List<Tok> toks, List<Candidate> cands) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Candidate c : cands) {
            if (c.partial) {
                continue;
            }
            boolean strongOnly = hasStrong(c.postings);
            String only = null;
            for (int p : c.postings) {
                if (strongOnly && (p & 1) == 0) {
                    continue;
                }
                String cc = gazetteer.country(p >> 1);
                if (only == null) {
                    only = cc;
                } else if (!only.equals(cc)) {
                    only = null;
                    break;
                }
            }
            if (only != null) {
                out.computeIfAbsent(only, k -> new HashSet<>()).add(ngram(text, toks, c.first, c.last));
            }
        }
        for (Tok t : toks) {
            if (t.cap) {
                String cc = demonymCountries.get(key(text, t));
                if (cc != null) {
                    out.computeIfAbsent(cc, k -> new HashSet<>()).add(key(text, t));
                }
            }
        }
        return out;
    }

    /** How many names other than {@code own} speak for country {@code cc}. */
    private static int otherNames(Map<String, Set<String>> countryNames, String cc, String own) {
        Set<String> names = countryNames.get(cc);
        if (names == null) {
            return 0;
        }
        return names.contains(own) ? names.size() - 1 : names.size();
    }

    /**
     * True when a country's name ("Lebanon", "Jordan") is also a town's in the publisher's home region and nothing
     * else in the text speaks for the country (no place of it, no demonym): a local paper's "Lebanon" is the town
     * whose people read it.
     */
    private boolean homeTownOverCountry(Candidate c, String homeKey, Map<String, Set<String>> countryNames,
                                       String name, List<Candidate> cands, String homeCountry, String text,
                                       List<Tok> toks) {
        String country = null;
        boolean town = false;
        for (int p : c.postings) {
            int e = p >> 1;
            if ((p & 1) == 0) {
                continue;
            }
            if (gazetteer.kind(e) == Gazetteer.Kind.COUNTRY) {
                country = gazetteer.country(e);
            } else if (gazetteer.kind(e) == Gazetteer.Kind.PLACE && homeKey.equals(gazetteer.regionKey(e))) {
                town = true;
            }
        }
        if (country == null || !town || otherNames(countryNames, country, name) > 0) {
            return false;
        }
        for (Candidate o : cands) { // "the Middle East, Italy and Russia": among other countries, the country
            boolean foreign = false;
            boolean atHome = false; // "Georgia" in an American paper: no sign of a foreign country
            for (int p : o.postings) {
                int e = p >> 1;
                if ((p & 1) == 1 && gazetteer.kind(e) == Gazetteer.Kind.COUNTRY) {
                    foreign |= !gazetteer.country(e).equals(country) && !gazetteer.country(e).equals(homeCountry);
                } else if ((p & 1) == 1 && gazetteer.country(e).equals(homeCountry)) {
                    atHome = true;
                }
            }
            if (foreign && !atHome) {
                return false;
            }
        }
        return true;
    }

    private PlaceMention choose(String text, List<Tok> toks, Candidate c, String dominant, Set<String> mentioned,
                                Map<String, Double> regionVotes, String homeKey, LocalDate date,
                                boolean commonWord, boolean homeTown, Map<String, Set<String>> countryNames) {
        String own = null;
        int best = -1;
        boolean bestStrong = false;
        double bestScore = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        boolean country = false;
        String region = null;
        String regionKey = null;
        for (int p : c.postings) {
            if ((p & 1) == 1 && gazetteer.kind(p >> 1) == Gazetteer.Kind.COUNTRY) {
                country = true;
            } else if ((p & 1) == 1 && gazetteer.kind(p >> 1) == Gazetteer.Kind.ADMIN1
                && gazetteer.population(p >> 1) >= 1_000_000) {
                region = gazetteer.country(p >> 1);
                regionKey = gazetteer.regionKey(p >> 1);
            }
        }
        for (int p : c.postings) {
            if (region != null && gazetteer.kind(p >> 1) == Gazetteer.Kind.PLACE
                && gazetteer.regionKey(p >> 1).equals(regionKey)) {
                region = null; // "Alexandria", "New York": the region is named after its city
                break;
            }
        }
        long bigCity = 0; // the biggest place of its own name: "Toronto" (2.6 million) is not Toronto, Ohio
        for (int p : c.postings) {
            if ((p & 1) == 1 && gazetteer.kind(p >> 1) == Gazetteer.Kind.PLACE) {
                bigCity = Math.max(bigCity, gazetteer.population(p >> 1));
            }
        }
        for (int p : c.postings) {
            int e = p >> 1;
            boolean strong = (p & 1) == 1;
            boolean place = gazetteer.kind(e) == Gazetteer.Kind.PLACE;
            if (homeTown && (gazetteer.kind(e) == Gazetteer.Kind.COUNTRY
                || !(strong && place && homeKey.equals(gazetteer.regionKey(e))))) {
                continue; // "Lebanon" in a Lebanon, Pennsylvania paper that names nothing else of the country
            }
            if (!homeTown && country && place && !(strong && "PPLC".equals(gazetteer.featureCode(e)))) {
                continue; // "Russia", "China", "Mexico": the country, not a town (nor a capital's alternate name)
            }
            double s = score(e, strong, dominant, mentioned, regionVotes);
            if (strong && gazetteer.kind(e) == Gazetteer.Kind.COUNTRY) {
                if (own == null) {
                    own = ngram(text, toks, c.first, c.last);
                }
                int n = otherNames(countryNames, gazetteer.country(e), own);
                if (n > 0) {
                    s += Math.min(2.0, 0.5 + 0.5 * n); // "Georgia" with "Tbilisi": the country, not the US state
                }
            }
            if (homeKey != null && gazetteer.kind(e) != Gazetteer.Kind.COUNTRY && homeKey.equals(gazetteer.regionKey(e))) {
                s += HOME_BONUS; // "Alexandria" in the Alexandria Town Talk: Louisiana
            }
            if (place && namesakeSeat(e, c.postings) && (strong || !longerName(e, c, text, toks, date))) {
                // "Kiev", "Dashoguz": the city; not "Oklahoma" or "New York", short for "Oklahoma City"
                s += 1.5; // "Almaty", "Pavlodar": the city, not the region named after it
            }
            if (place && region != null && !region.equals(gazetteer.country(e)) && gazetteer.population(e) < 500_000
                && gazetteer.country(e).equals(dominant)) {
                s -= 2.5; // "England", "Ontario": the big region, not a town named after it at home (Ontario,
                          // California has 170,000 people; the province, 13 million)
            } else if (place && region != null && region.equals(gazetteer.country(e))
                && gazetteer.population(e) < 100_000) {
                s -= 4.0; // "California" is the state, not California, Pennsylvania, even in a Pennsylvania paper
            }
            if (place && bigCity >= 1_000_000 && gazetteer.population(e) < 100_000
                && !(homeKey != null && homeKey.equals(gazetteer.regionKey(e)))
                && !regionVotes.containsKey(gazetteer.regionKey(e))) {
                s -= 2.5; // "Toronto", "Manchester": the city of millions, unless the text or the paper is at
                          // home near the small town ("Toronto, Ohio" keeps only Ohio's readings)
            }
            if (s > bestScore) {
                second = bestScore;
                bestScore = s;
                best = e;
                bestStrong = strong;
            } else if (s > second) {
                second = s;
            }
        }
        if (best < 0) {
            return null;
        }
        Gazetteer.Kind kind = gazetteer.kind(best);
        String fc = gazetteer.featureCode(best);
        boolean important = kind != Gazetteer.Kind.PLACE || gazetteer.population(best) >= 100_000
            || "PPLC".equals(fc) || "PPLA".equals(fc);
        boolean home = gazetteer.country(best).equals(dominant);
        // a town of the publisher's home region, named by its own name: "Woodstock General Hospital" in the
        // Woodstock paper, "Paris showed a 22 percent increase" in the Paris (Texas) one
        boolean local = bestStrong && homeKey != null && kind != Gazetteer.Kind.COUNTRY
            && homeKey.equals(gazetteer.regionKey(best));
        if (!bestStrong && !important && !home) {
            return null;
        }
        if (c.partial && !(bestStrong && (important || home || local))) {
            return null;
        }
        if (c.sentenceStart && c.first == c.last && !bestStrong && !important) {
            return null;
        }
        if (c.first == c.last && kind == Gazetteer.Kind.PLACE && !important && !local
            && PERSON_AFTER.matcher(text).region(toks.get(c.last).end, text.length()).lookingAt()
            && !PLACE_BEFORE.matcher(text.substring(Math.max(0, toks.get(c.first).start - 12), toks.get(c.first).start))
                .find()) {
            return null; // "Taylor said", "the Bush administration": a person, not Taylor, Texas (but "who was
                         // from Dewsbury said", "the city of Sevierville said")
        }
        if (commonWord && kind == Gazetteer.Kind.PLACE && !(home && gazetteer.population(best) >= 100_000)
            && gazetteer.population(best) < 1_000_000 && !(bestStrong && "PPLC".equals(fc)) && !local) {
            // a capital ("Washington said") or a town at the publisher's home stays a place
            return null; // "Cars were burned", "Reading the statement": not Kars, nor Reading
        }
        double conf = 0.45 + (bestStrong ? 0.15 : 0) + (home ? 0.2 : 0) + (important ? 0.1 : 0)
            + (bestScore - second >= 1 ? 0.08 : 0) - (c.partial ? 0.1 : 0)
            - (country && kind != Gazetteer.Kind.COUNTRY ? 0.25 : 0); // "Georgia" the state: also a country
        conf = Math.max(0.05, Math.min(0.99, conf));
        Span span = new Span(toks.get(c.first).start, toks.get(c.last).end);
        return new PlaceMention(span, location(span.of(text), best, date), gazetteer.featureClass(best),
            Math.round(conf * 100) / 100.0, c.inName);
    }

    private double score(int e, boolean strong, String dominant, Set<String> mentioned,
                         Map<String, Double> regionVotes) {
        double s;
        switch (gazetteer.kind(e)) {
            case COUNTRY -> s = 4.5;
            case ADMIN1 -> s = 3.2; // a region's own name beats a town of under ~200,000 bearing it
            case ADMIN2 -> s = 1.4 + 0.15 * Math.log10(gazetteer.population(e) + 10); // the people of its places
            default -> {
                String fc = gazetteer.featureCode(e);
                s = Math.log10(gazetteer.population(e) + 10) * 0.6
                    + ("PPLC".equals(fc) ? 1.0 : "PPLA".equals(fc) ? 0.5 : "PPLA2".equals(fc) ? 0.2 : 0);
            }
        }
        if (strong) {
            s += 1.0;
        }
        String cc = gazetteer.country(e);
        if (cc.equals(dominant)) {
            s += 2.5;
        } else if (mentioned.contains(cc)) {
            s += 1.0;
        }
        if (gazetteer.kind(e) != Gazetteer.Kind.COUNTRY) {
            Double v = regionVotes.get(gazetteer.regionKey(e));
            if (v != null) {
                s += Math.min(2.0, 1.0 + 0.5 * v); // the document's other places lie in this region
            }
        }
        return s;
    }

    /**
     * True when place {@code e}, a capital or regional seat of the country of a region that {@code postings} also
     * name, or a big city inside that region, is the namesake ("Almaty", "Kyiv" and Kyiv Oblast).
     */
    private boolean namesakeSeat(int e, int[] postings) {
        String fc = gazetteer.featureCode(e);
        boolean seat = "PPLA".equals(fc) || "PPLC".equals(fc);
        if (!seat && gazetteer.population(e) < 200_000) {
            return false;
        }
        for (int p : postings) {
            int r = p >> 1;
            if (gazetteer.kind(r) == Gazetteer.Kind.ADMIN1 && gazetteer.country(r).equals(gazetteer.country(e))
                && (seat || gazetteer.admin1Code(r).equals(gazetteer.admin1Code(e)))) {
                return true;
            }
        }
        return false;
    }

    /** True when place {@code e}'s own name has more words than the name written ("New York City", "New York"). */
    private boolean longerName(int e, Candidate c, String text, List<Tok> toks, LocalDate date) {
        String own = NameKey.of(gazetteer.displayName(e, date));
        String written = ngram(text, toks, c.first, c.last);
        return own != null && own.split(" ").length > written.split(" ").length;
    }

    /**
     * For a vague region over a country's name that is also a first-level region of the document's country or the
     * publisher's home ("north Georgia"), when nothing else in the text speaks for the country: that region's entry;
     * else -1.
     */
    private int regionNamedLike(String text, List<Tok> toks, Vague v, String dominant, String homeKey,
                                Map<String, Set<String>> countryNames) {
        String cc = gazetteer.country(v.country);
        if (cc.equals(dominant)) {
            return -1;
        }
        for (int n = 1; n <= 3 && v.last - n + 1 > v.first; n++) {
            String name = ngram(text, toks, v.last - n + 1, v.last);
            int[] p = gazetteer.lookup(name);
            boolean isCountry = false;
            int region = -1;
            for (int q : p) {
                int e = q >> 1;
                if ((q & 1) == 1 && e == v.country) {
                    isCountry = true;
                } else if ((q & 1) == 1 && gazetteer.kind(e) == Gazetteer.Kind.ADMIN1
                    && (gazetteer.country(e).equals(dominant) || gazetteer.regionKey(e).equals(homeKey))) {
                    region = e;
                }
            }
            if (isCountry) {
                return region >= 0 && otherNames(countryNames, cc, name) == 0 ? region : -1;
            }
        }
        return -1;
    }

    /** A Location for a gazetteer entry, with names as of {@code date}. */
    Location location(String asWritten, int e, LocalDate date) {
        Gazetteer.Kind kind = gazetteer.kind(e);
        String name = gazetteer.displayName(e, date);
        String admin1 = switch (kind) {
            case PLACE, ADMIN2 -> gazetteer.admin1Name(e, date);
            case ADMIN1 -> name;
            case COUNTRY -> null;
        };
        long id = gazetteer.geonameid(e);
        return new Location(asWritten, name, id > 0 ? id : null, gazetteer.country(e), admin1, null,
            gazetteer.lat(e), gazetteer.lon(e), kind == Gazetteer.Kind.PLACE ? 1 : kind == Gazetteer.Kind.ADMIN2 ? 2 : 3,
            List.of());
    }

    // ---- the capital

    /** [first, last, country entry | -1 (dominant) | -2 (followed by a city's name: no mention)]. */
    private int[] capital(String text, List<Tok> toks, int the) {
        int cap = the + 1;
        if (cap + 2 < toks.size() && lower(text, toks.get(cap + 1)).equals("of") && toks.get(cap + 1).adjacentPrev
            && toks.get(cap + 2).cap && toks.get(cap + 2).adjacentPrev) {
            for (int n = 3; n >= 1; n--) {
                int last = cap + 1 + n;
                if (last >= toks.size()) {
                    continue;
                }
                int[] p = gazetteer.lookup(ngram(text, toks, cap + 2, last));
                for (int q : p) {
                    if ((q & 1) == 1 && gazetteer.kind(q >> 1) == Gazetteer.Kind.COUNTRY) {
                        return new int[] {the, last, q >> 1};
                    }
                }
                for (int q : p) {
                    if (gazetteer.kind(q >> 1) == Gazetteer.Kind.PLACE) {
                        return new int[] {the, cap, -2};
                    }
                }
            }
        }
        return new int[] {the, cap, -1};
    }

    @Override
    public java.util.Optional<Location> region(String country, String admin1, LocalDate date) {
        LocalDate on = date == null ? LocalDate.now() : date;
        int e = country == null || admin1 == null ? -1 : gazetteer.admin1ByDisplayName(country, admin1, on);
        if (e < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Location(null, admin1, gazetteer.geonameid(e), country, admin1, null,
                gazetteer.lat(e), gazetteer.lon(e), 3, List.of()));
    }

    // ---- vague regions

    private record Vague(int first, int last, List<String> directions, int country, boolean russian) {
    }

    /** A vague region starting at token {@code i}, or null. */
    private Vague vague(String text, List<Tok> toks, int i) {
        Tok t = toks.get(i);
        String w = lower(text, t);
        List<String> dirs = new ArrayList<>();
        int k = i;
        if (t.cyr) {
            return russianVague(text, toks, i);
        }
        if (w.equals("the")) {
            // the west (and north) of the country / of Kazakhstan
            k = i + 1;
            while (k < toks.size() && toks.get(k).adjacentPrev && !toks.get(k).cap
                && DIR_NOUN.containsKey(lower(text, toks.get(k)))) {
                dirs.add(DIR_NOUN.get(lower(text, toks.get(k))));
                if (k + 2 < toks.size() && lower(text, toks.get(k + 1)).equals("and")
                    && DIR_NOUN.containsKey(lower(text, toks.get(k + 2)))) {
                    k += 2;
                    continue;
                }
                k++;
                break;
            }
            if (dirs.isEmpty() || k >= toks.size() || !lower(text, toks.get(k)).equals("of")) {
                return null;
            }
            int[] c = countryAt(text, toks, k + 1, true);
            return c == null ? null : new Vague(i, c[1], dirs, c[0], false);
        }
        if (!DIR_ADJ.containsKey(w) && !(DIR_NOUN.containsKey(w) && !t.cap)) {
            return null;
        }
        while (k < toks.size()) {
            String d = lower(text, toks.get(k));
            String dir = DIR_ADJ.containsKey(d) ? DIR_ADJ.get(d) : !toks.get(k).cap ? DIR_NOUN.get(d) : null;
            if (dir == null || k > i && !(toks.get(k).adjacentPrev || toks.get(k).commaPrev)) {
                return null;
            }
            dirs.add(dir);
            k++;
            if (k + 1 < toks.size() && (lower(text, toks.get(k)).equals("and") || lower(text, toks.get(k)).equals("or"))
                && toks.get(k).adjacentPrev) {
                k++;
            } else if (k < toks.size() && toks.get(k).commaPrev && DIR_ADJ.containsKey(lower(text, toks.get(k)))) {
                continue;
            } else {
                break;
            }
        }
        if (k >= toks.size() || !toks.get(k).adjacentPrev || !toks.get(k).cap) {
            return null;
        }
        int[] c = countryAt(text, toks, k, false);
        if (c != null && t.cap && hasStrong(gazetteer.lookup(ngram(text, toks, i, c[1])))) {
            return null; // "Northern Ireland", "Western Australia", "South Africa": a name of its own, no direction
        }
        return c == null ? null : new Vague(i, c[1], dirs, c[0], false);
    }

    /** [country entry, last token] for a country name (or "the country") starting at token k. */
    private int[] countryAt(String text, List<Tok> toks, int k, boolean theCountry) {
        if (k >= toks.size() || !toks.get(k).adjacentPrev) {
            return null;
        }
        if (theCountry && k + 1 < toks.size() && lower(text, toks.get(k)).equals("the")
            && lower(text, toks.get(k + 1)).equals("country")) {
            return new int[] {-1, k + 1};
        }
        for (int n = 3; n >= 1; n--) {
            int last = k + n - 1;
            if (last >= toks.size() || !toks.get(k).cap) {
                continue;
            }
            int[] p = gazetteer.lookup(ngram(text, toks, k, last));
            if (p.length == 0 && toks.get(k).cyr && n == 1) {
                p = russianCases(text, toks, k, last);
            }
            for (int q : p) {
                if ((q & 1) == 1 && gazetteer.kind(q >> 1) == Gazetteer.Kind.COUNTRY) {
                    return new int[] {q >> 1, last};
                }
            }
        }
        return null;
    }

    /** "западный Казахстан", "в западном Казахстане", "на западе Казахстана", "на западе страны". */
    private Vague russianVague(String text, List<Tok> toks, int i) {
        String w = lower(text, toks.get(i));
        List<String> dirs = new ArrayList<>();
        for (Map.Entry<String, String> e : RU_DIR_ADJ.entrySet()) {
            if (w.startsWith(e.getKey()) && w.length() <= e.getKey().length() + 3) {
                dirs.add(e.getValue());
                break;
            }
        }
        boolean noun = false;
        if (dirs.isEmpty()) {
            for (Map.Entry<String, String> e : RU_DIR_NOUN.entrySet()) {
                if (w.startsWith(e.getKey()) && w.length() <= e.getKey().length() + 1) {
                    dirs.add(e.getValue());
                    noun = true;
                    break;
                }
            }
        }
        if (dirs.isEmpty() || i + 1 >= toks.size() || !toks.get(i + 1).adjacentPrev) {
            return null;
        }
        if (noun && lower(text, toks.get(i + 1)).startsWith("стран")) {
            return new Vague(i, i + 1, dirs, -1, true);
        }
        int[] c = countryAt(text, toks, i + 1, false);
        return c == null ? null : new Vague(i, c[1], dirs, c[0], true);
    }

    private PlaceMention vagueMention(String text, List<Tok> toks, Vague v, int country, LocalDate date) {
        Span span = new Span(toks.get(v.first).start, toks.get(v.last).end);
        String cc = gazetteer.country(country);
        List<Integer> regions = gazetteer.vagueRegions(cc, v.directions, date);
        List<String> names = new ArrayList<>();
        double la = 0;
        double lo = 0;
        int n = 0;
        for (int r : regions) {
            names.add(gazetteer.displayName(r, date));
            if (gazetteer.lat(r) != null) {
                la += gazetteer.lat(r);
                lo += gazetteer.lon(r);
                n++;
            }
        }
        Double lat = n > 0 ? Math.round(la / n * 1e5) / 1e5 : gazetteer.lat(country);
        Double lon = n > 0 ? Math.round(lo / n * 1e5) / 1e5 : gazetteer.lon(country);
        List<String> adjs = new ArrayList<>();
        for (String d : v.directions) {
            String a = ADJ_OF.get(d);
            if (!adjs.contains(a)) {
                adjs.add(a);
            }
        }
        String phrase = adjs.size() == 1 ? adjs.get(0)
            : String.join(", ", adjs.subList(0, adjs.size() - 1)) + " and " + adjs.get(adjs.size() - 1);
        String name = phrase + " " + gazetteer.displayName(country, date);
        Location loc = new Location(span.of(text), name, null, cc, names.size() == 1 ? names.get(0) : null, null,
            lat, lon, 3, names);
        return new PlaceMention(span, loc, "A", v.country >= 0 ? 0.8 : 0.6);
    }
}
