package org.unrest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An in-memory, column-wise copy of the event columns the web app filters and aggregates on (never the payload),
 * answering {@link EventStore#timeline}, {@link EventStore#regions}, {@link EventStore#demandsByDay},
 * {@link EventStore#actors} and {@link EventStore#mapPoints} with the same rows in the same order as the SQL, in a
 * few milliseconds for 100,000 events.
 *
 * <p>Exact at every read: each call first reads the store's revision (one row, see V4__event_revisions.sql) and,
 * when it moved, re-reads only the events written since ({@code events.rev > last}), so an ingest, review, merge or
 * split (in this process or another one on the same database) shows up in the next answer.
 *
 * <p>Same semantics as the SQL in {@link JdbcEventStore}: the filters ({@code from}/{@code to}, the IN lists,
 * forms and demand groups as {@code '|a|b|'} members, the actor as a substring of the database's {@code LOWER} of
 * either name, country, report or source report, confidence bounds) and NULL handling are those of the WHERE
 * clause; strings are ordered by the database's own collation (their order is read from the database with
 * {@code ORDER BY}, as is {@code LOWER} of each name) and NULLs where the database puts them. The one filter it
 * does not answer is the text filter ({@code q}, a search in the payload): callers use the SQL for that
 * ({@link #answers}). Event ids are ordered as the database orders them (read with {@code ORDER BY event_id} when
 * new ids have come), so map points and {@link #ids} come in the SQL's order too.
 *
 * <p>Thread-safe: readers share a read lock; a refresh takes the write lock.
 */
public final class EventColumns {
    private static final int NULL = -1;
    private static final int NO_DAY = Integer.MIN_VALUE;
    private static final Set<String> VIOLENT_TYPES = Set.of("Riots", "Battles", "Violence against civilians",
            "Explosions/Remote violence");
    private static final String EXCESSIVE_FORCE = "Excessive force against protesters";
    /** Above this many distinct ranked strings their order is read from the table instead of a VALUES list. */
    private static final int MAX_VALUES = 20_000;

    private final JdbcEventStore store;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long loaded = Long.MIN_VALUE;
    private boolean nullsLow;

    // one entry per event row
    private int n;
    private String[] id = new String[0];
    private int[] report = new int[0];
    private int[][] sources = new int[0][];
    private int[] day = new int[0];
    private int[] end = new int[0];
    private int[] type = new int[0];
    private int[] subType = new int[0];
    private int[] country = new int[0];
    private int[] admin1 = new int[0];
    private int[] place = new int[0];
    private int[] review = new int[0];
    private int[] forms = new int[0];
    private int[] actor1 = new int[0];
    private int[] actor1Type = new int[0];
    private int[] actor2 = new int[0];
    private int[] actor2Type = new int[0];
    private int[] demands = new int[0];
    private int[] fatalities = new int[0];
    private long[] arrests = new long[0];
    private double[] lat = new double[0];
    private double[] lon = new double[0];
    private double[] confidence = new double[0];
    private boolean[] hasLat = new boolean[0];
    private boolean[] hasLon = new boolean[0];
    private boolean[] hasConfidence = new boolean[0];
    private final Map<String, Integer> rowOf = new HashMap<>();

    /** Strings that are sorted on (types, countries, regions, actor names and types), ranked in the database's order. */
    private final Dict ranked = new Dict();
    /** Other strings (sub-types, places, review states, forms, demand groups, report ids). */
    private final Dict plain = new Dict();
    private int[] rank = new int[0];
    private String[] lower = new String[0];
    private int rankedSize;

    EventColumns(JdbcEventStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Whether these columns answer the filter: everything but the text filter ({@code q}). */
    public static boolean answers(EventFilter f) {
        return f.text() == null || f.text().isBlank();
    }

    /** How many events the copy holds (after bringing it up to date). */
    public int size() {
        return read(() -> n);
    }

    // ---- the aggregates --------------------------------------------------------------------------------------

    public List<Aggregates.DayTypeCount> timeline(EventFilter f) {
        return read(() -> {
            Filter sel = new Filter(f);
            Map<Long, long[]> counts = new HashMap<>();
            for (int r = 0; r < n; r++) {
                if (day[r] != NO_DAY && sel.test(r)) {
                    counts.computeIfAbsent(((long) day[r] << 32) | (type[r] + 1L), k -> new long[1])[0]++;
                }
            }
            List<long[]> keys = new ArrayList<>();
            counts.forEach((k, v) -> keys.add(new long[] {k >> 32, (k & 0xffffffffL) - 1, v[0]}));
            keys.sort((a, b) -> {
                int c = Long.compare(a[0], b[0]);
                return c != 0 ? c : compareRanked((int) a[1], (int) b[1]);
            });
            List<Aggregates.DayTypeCount> out = new ArrayList<>(keys.size());
            for (long[] k : keys) {
                out.add(new Aggregates.DayTypeCount(LocalDate.ofEpochDay(k[0]), ranked.get((int) k[1]), k[2]));
            }
            return out;
        });
    }

    private static final class RegionAcc {
        final int country;
        final int admin1;
        long events;
        long violent;
        long fatalities;
        long arrests;
        int first = NO_DAY;
        int last = NO_DAY;
        int firstProtest = NO_DAY;

        RegionAcc(int country, int admin1) {
            this.country = country;
            this.admin1 = admin1;
        }
    }

    public List<Aggregates.RegionRow> regions(EventFilter f) {
        return read(() -> {
            Filter sel = new Filter(f);
            boolean[] violentType = rankedFlags(VIOLENT_TYPES);
            boolean[] protestType = rankedFlags(Set.of("Protests", "Riots"));
            Integer force = plain.id(EXCESSIVE_FORCE);
            Map<Long, RegionAcc> acc = new HashMap<>();
            for (int r = 0; r < n; r++) {
                if (admin1[r] == NULL || !sel.test(r)) {
                    continue;
                }
                RegionAcc a = acc.computeIfAbsent(((long) (country[r] + 1) << 32) | admin1[r],
                        k -> new RegionAcc((int) (k >> 32) - 1, (int) (k & 0xffffffffL)));
                a.events++;
                int t = type[r];
                if ((t != NULL && violentType[t]) || (force != null && subType[r] == force)) {
                    a.violent++;
                }
                if (fatalities[r] != NO_DAY) {
                    a.fatalities += fatalities[r];
                }
                a.arrests += arrests[r];
                int d = day[r];
                a.first = min(a.first, d);
                a.last = max(a.last, end[r] != NO_DAY ? end[r] : d);
                if (t != NULL && protestType[t]) {
                    a.firstProtest = min(a.firstProtest, d);
                }
            }
            List<RegionAcc> rows = new ArrayList<>(acc.values());
            rows.sort((a, b) -> {
                int c = compareRanked(a.country, b.country);
                return c != 0 ? c : compareRanked(a.admin1, b.admin1);
            });
            List<Aggregates.RegionRow> out = new ArrayList<>(rows.size());
            for (RegionAcc a : rows) {
                out.add(new Aggregates.RegionRow(ranked.get(a.country), ranked.get(a.admin1), a.events, a.violent,
                        a.fatalities, a.arrests, date(a.first), date(a.last), date(a.firstProtest)));
            }
            return out;
        });
    }

    public List<Aggregates.DayDemands> demandsByDay(EventFilter f) {
        return read(() -> {
            Filter sel = new Filter(f);
            int size = plain.size();
            boolean[] economic = new boolean[size];
            boolean[] political = new boolean[size];
            boolean[] social = new boolean[size];
            for (int i = 0; i < size; i++) {
                String s = plain.get(i);
                economic[i] = s.contains("|economic|");
                political[i] = s.contains("|political|");
                social[i] = s.contains("|social|");
            }
            Map<Integer, long[]> byDay = new HashMap<>();
            for (int r = 0; r < n; r++) {
                if (day[r] == NO_DAY || !sel.test(r)) {
                    continue;
                }
                long[] a = byDay.computeIfAbsent(day[r], k -> new long[5]);
                a[0]++;
                int d = demands[r];
                if (d != NULL) {
                    a[1]++;
                    a[2] += economic[d] ? 1 : 0;
                    a[3] += political[d] ? 1 : 0;
                    a[4] += social[d] ? 1 : 0;
                }
            }
            List<Integer> days = new ArrayList<>(byDay.keySet());
            days.sort(null);
            List<Aggregates.DayDemands> out = new ArrayList<>(days.size());
            for (int d : days) {
                long[] a = byDay.get(d);
                out.add(new Aggregates.DayDemands(LocalDate.ofEpochDay(d), a[0], a[1], a[2], a[3], a[4]));
            }
            return out;
        });
    }

    private record ActorKey(int name, int type, int country, int admin1) {
    }

    private static final class ActorAcc {
        long events;
        int first = NO_DAY;
        int last = NO_DAY;
    }

    public List<Aggregates.ActorRow> actors(EventFilter f) {
        return read(() -> {
            Filter sel = new Filter(f);
            Map<ActorKey, ActorAcc> acc = new HashMap<>();
            for (int r = 0; r < n; r++) {
                if ((actor1[r] == NULL && actor2[r] == NULL) || !sel.test(r)) {
                    continue;
                }
                int lastDay = end[r] != NO_DAY ? end[r] : day[r];
                if (actor1[r] != NULL) {
                    ActorAcc a = acc.computeIfAbsent(new ActorKey(actor1[r], actor1Type[r], country[r], admin1[r]),
                            k -> new ActorAcc());
                    a.events++;
                    a.first = min(a.first, day[r]);
                    a.last = max(a.last, lastDay);
                }
                if (actor2[r] != NULL) {
                    ActorAcc a = acc.computeIfAbsent(new ActorKey(actor2[r], actor2Type[r], country[r], admin1[r]),
                            k -> new ActorAcc());
                    a.events++;
                    a.first = min(a.first, day[r]);
                    a.last = max(a.last, lastDay);
                }
            }
            List<Map.Entry<ActorKey, ActorAcc>> rows = new ArrayList<>(acc.entrySet());
            rows.sort((x, y) -> {
                ActorKey a = x.getKey();
                ActorKey b = y.getKey();
                int c = compareRanked(a.name(), b.name());
                if (c == 0) {
                    c = compareDays(x.getValue().first, y.getValue().first);
                }
                if (c == 0) {
                    c = compareRanked(a.admin1(), b.admin1());
                }
                if (c == 0) {
                    c = compareRanked(a.type(), b.type());
                }
                return c != 0 ? c : compareRanked(a.country(), b.country());
            });
            List<Aggregates.ActorRow> out = new ArrayList<>(rows.size());
            for (Map.Entry<ActorKey, ActorAcc> e : rows) {
                ActorKey k = e.getKey();
                ActorAcc a = e.getValue();
                out.add(new Aggregates.ActorRow(ranked.get(k.name()), ranked.get(k.type()), ranked.get(k.country()),
                        ranked.get(k.admin1()), a.events, date(a.first), date(a.last)));
            }
            return out;
        });
    }

    /** Events with coordinates, in the filter's order (as {@link #ids}); offset and limit honoured. */
    public List<Aggregates.MapPoint> mapPoints(EventFilter f) {
        return read(() -> {
            int[] rows = ordered(f, true);
            List<Aggregates.MapPoint> out = new ArrayList<>(rows.length);
            for (int r : rows) {
                out.add(new Aggregates.MapPoint(id[r], date(day[r]), date(end[r]), ranked.get(type[r]),
                        plain.get(subType[r]), plain.get(place[r]), ranked.get(country[r]), ranked.get(admin1[r]),
                        lat[r], lon[r], fatalities[r] == NO_DAY ? null : fatalities[r], plain.get(review[r]),
                        hasConfidence[r] ? confidence[r] : 0.0));
            }
            return out;
        });
    }

    /**
     * The map points of {@link #mapPoints} column-wise, as the page's map reads them: ids; longitude and latitude in
     * 1/100,000 degrees; and per point an index into {@code types}, {@code subTypes}, {@code places} (the place's
     * name, else its region) and {@code days} (ascending), -1 where there is none.
     */
    public record MapData(List<String> ids, int[] lonE5, int[] latE5, List<String> types, int[] type,
                          List<String> subTypes, int[] subType, List<String> places, int[] place, List<LocalDate> days,
                          int[] day) {
    }

    public MapData mapData(EventFilter f) {
        return read(() -> {
            int[] rows = ordered(f, true);
            int m = rows.length;
            List<String> ids = new ArrayList<>(m);
            int[] lonE5 = new int[m];
            int[] latE5 = new int[m];
            int[] t = new int[m];
            int[] st = new int[m];
            int[] pl = new int[m];
            int[] d = new int[m];
            List<String> types = new ArrayList<>();
            List<String> subTypes = new ArrayList<>();
            List<String> places = new ArrayList<>();
            int[] typeAt = filled(ranked.size());
            int[] subTypeAt = filled(plain.size());
            int[] placeAt = filled(plain.size());
            int[] regionAt = filled(ranked.size());
            Map<String, Integer> placeIndex = new HashMap<>();
            int[] distinctDays = new int[m];
            int nd = 0;
            for (int i = 0; i < m; i++) {
                int r = rows[i];
                ids.add(id[r]);
                lonE5[i] = (int) Math.round(lon[r] * 1e5);
                latE5[i] = (int) Math.round(lat[r] * 1e5);
                t[i] = local(type[r], typeAt, types, ranked);
                st[i] = local(subType[r], subTypeAt, subTypes, plain);
                if (place[r] != NULL) {
                    if (placeAt[place[r]] < 0) {
                        placeAt[place[r]] = placeIndex.computeIfAbsent(plain.get(place[r]), k -> {
                            places.add(k);
                            return places.size() - 1;
                        });
                    }
                    pl[i] = placeAt[place[r]];
                } else if (admin1[r] != NULL) {
                    if (regionAt[admin1[r]] < 0) {
                        regionAt[admin1[r]] = placeIndex.computeIfAbsent(ranked.get(admin1[r]), k -> {
                            places.add(k);
                            return places.size() - 1;
                        });
                    }
                    pl[i] = regionAt[admin1[r]];
                } else {
                    pl[i] = NULL;
                }
                if (day[r] != NO_DAY) {
                    distinctDays[nd++] = day[r];
                }
            }
            Arrays.sort(distinctDays, 0, nd);
            int u = 0;
            for (int i = 0; i < nd; i++) {
                if (u == 0 || distinctDays[u - 1] != distinctDays[i]) {
                    distinctDays[u++] = distinctDays[i];
                }
            }
            List<LocalDate> days = new ArrayList<>(u);
            for (int i = 0; i < u; i++) {
                days.add(LocalDate.ofEpochDay(distinctDays[i]));
            }
            for (int i = 0; i < m; i++) {
                int r = rows[i];
                d[i] = day[r] == NO_DAY ? NULL : Arrays.binarySearch(distinctDays, 0, u, day[r]);
            }
            return new MapData(ids, lonE5, latE5, types, t, subTypes, st, places, pl, days, d);
        });
    }

    private static int[] filled(int size) {
        int[] a = new int[size];
        Arrays.fill(a, NULL);
        return a;
    }

    private static int local(int dictId, int[] at, List<String> values, Dict dict) {
        if (dictId == NULL) {
            return NULL;
        }
        if (at[dictId] < 0) {
            at[dictId] = values.size();
            values.add(dict.get(dictId));
        }
        return at[dictId];
    }

    /**
     * The ids of the events the filter selects, in its order ({@link EventFilter.Order}: date with no date last,
     * then id; or confidence, date, id), ids ordered by the database's collation; offset and limit honoured.
     */
    public List<String> ids(EventFilter f) {
        return read(() -> {
            int[] rows = ordered(f, false);
            List<String> out = new ArrayList<>(rows.length);
            for (int r : rows) {
                out.add(id[r]);
            }
            return out;
        });
    }

    /** The selected rows in the filter's order, paged. */
    private int[] ordered(EventFilter f, boolean located) {
        Filter sel = new Filter(f);
        rankIds();
        long[] keys = new long[64];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if ((!located || (hasLat[r] && hasLon[r])) && sel.test(r)) {
                if (m == keys.length) {
                    keys = Arrays.copyOf(keys, m * 2);
                }
                // date (no date last) in the high bits, the id's rank in the low ones; rows with the same key tie
                long d = day[r] == NO_DAY ? 0x7fffffffL : (day[r] + 0x40000000L);
                keys[m++] = (d << 32) | idRank[r];
            }
        }
        int[] rows = new int[m];
        Arrays.sort(keys, 0, m);
        for (int i = 0; i < m; i++) {
            rows[i] = byIdRank[(int) (keys[i] & 0xffffffffL)];
        }
        if (f.order() == EventFilter.Order.CONFIDENCE) {
            // confidence first (NULL where the database puts it), then the date-and-id order just made
            double[] values = new double[m];
            int distinct = 0;
            for (int r : rows) {
                if (hasConfidence[r]) {
                    values[distinct++] = confidence[r];
                }
            }
            Arrays.sort(values, 0, distinct);
            int u = 0;
            for (int i = 0; i < distinct; i++) {
                if (u == 0 || Double.compare(values[u - 1], values[i]) != 0) {
                    values[u++] = values[i];
                }
            }
            for (int i = 0; i < m; i++) {
                int r = rows[i];
                long c = hasConfidence[r] ? 1 + Arrays.binarySearch(values, 0, u, confidence[r])
                        : nullsLow ? 0 : u + 1L;
                keys[i] = (c << 32) | i;
            }
            Arrays.sort(keys, 0, m);
            int[] byConfidence = new int[m];
            for (int i = 0; i < m; i++) {
                byConfidence[i] = rows[(int) (keys[i] & 0xffffffffL)];
            }
            rows = byConfidence;
        }
        int from = Math.min(f.offset(), m);
        int to = f.limit() == 0 ? m : (int) Math.min(m, (long) from + f.limit());
        return Arrays.copyOfRange(rows, from, to);
    }

    /** Each row's place in the database's order of event ids ({@code ORDER BY event_id}), read again when ids came. */
    private int[] idRank = new int[0];
    private int[] byIdRank = new int[0];
    private int idRanked = -1;

    private void rankIds() {
        if (idRanked == n) {
            return;
        }
        synchronized (this) {
            if (idRanked == n) {
                return;
            }
            int[] rankOf = new int[n];
            int[] rowAt = new int[n];
            int[] next = {0};
            store.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM events ORDER BY event_id")) {
                    ps.setFetchSize(10_000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Integer r = rowOf.get(rs.getString(1));
                            if (r != null && r < n) {
                                rankOf[r] = next[0];
                                rowAt[next[0]++] = r;
                            }
                        }
                    }
                }
                return null;
            });
            idRank = rankOf;
            byIdRank = rowAt;
            idRanked = n;
        }
    }

    // ---- the filter: the WHERE clause of JdbcEventStore.where, row by row ------------------------------------

    private final class Filter {
        final int from;
        final int to;
        final boolean[] types;
        final boolean[] subTypes;
        final boolean[] admin1s;
        final boolean[] reviews;
        final boolean[] forms;
        final boolean[] actors;
        final Integer country;
        final boolean countryFilter;
        final Integer report;
        final boolean reportFilter;
        final Double min;
        final Double max;
        final boolean none;

        Filter(EventFilter f) {
            if (!answers(f)) {
                throw new IllegalArgumentException("the text filter (q) is answered by the store's SQL, not the columns");
            }
            from = f.from() == null ? Integer.MIN_VALUE : (int) f.from().toEpochDay();
            to = f.to() == null ? Integer.MAX_VALUE : (int) f.to().toEpochDay();
            types = in(ranked, f.types());
            subTypes = in(plain, f.subTypes());
            admin1s = in(ranked, f.admin1());
            reviews = in(plain, f.reviewStates());
            if (f.forms().isEmpty()) {
                forms = null;
            } else {
                forms = new boolean[plain.size()];
                for (int i = 0; i < forms.length; i++) {
                    for (String form : f.forms()) {
                        if (plain.get(i).contains("|" + form + "|")) {
                            forms[i] = true;
                            break;
                        }
                    }
                }
            }
            if (f.actor() == null || f.actor().isBlank()) {
                actors = null;
            } else {
                String needle = f.actor().strip().toLowerCase(java.util.Locale.ROOT);
                actors = new boolean[ranked.size()];
                for (int i = 0; i < actors.length; i++) {
                    actors[i] = lower[i] != null && lower[i].contains(needle);
                }
            }
            countryFilter = f.country() != null;
            country = countryFilter ? ranked.id(f.country()) : null;
            reportFilter = f.reportId() != null;
            report = reportFilter ? plain.id(f.reportId()) : null;
            min = f.minConfidence();
            max = f.maxConfidence();
            none = (countryFilter && country == null) || (reportFilter && report == null);
        }

        boolean test(int r) {
            if (none) {
                return false;
            }
            if (from != Integer.MIN_VALUE || to != Integer.MAX_VALUE) {
                int d = day[r];
                if (d == NO_DAY || d < from || d > to) {
                    return false;
                }
            }
            if (!member(types, type[r]) || !member(subTypes, subType[r]) || !member(admin1s, admin1[r])
                    || !member(reviews, review[r]) || !member(forms, EventColumns.this.forms[r])) {
                return false;
            }
            if (actors != null && !((actor1[r] != NULL && actors[actor1[r]])
                    || (actor2[r] != NULL && actors[actor2[r]]))) {
                return false;
            }
            if (countryFilter && EventColumns.this.country[r] != country) {
                return false;
            }
            if (reportFilter && EventColumns.this.report[r] != report && !contains(sources[r], report)) {
                return false;
            }
            if (min != null && !(hasConfidence[r] && confidence[r] >= min)) {
                return false;
            }
            return max == null || (hasConfidence[r] && confidence[r] <= max);
        }
    }

    private static boolean member(boolean[] set, int value) {
        return set == null || (value != NULL && set[value]);
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** The dictionary ids of an IN list as flags (null: no filter). */
    private static boolean[] in(Dict dict, List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        boolean[] set = new boolean[dict.size()];
        for (String v : values) {
            Integer i = dict.id(v);
            if (i != null) {
                set[i] = true;
            }
        }
        return set;
    }

    private boolean[] rankedFlags(Set<String> values) {
        boolean[] out = new boolean[ranked.size()];
        for (String v : values) {
            Integer i = ranked.id(v);
            if (i != null) {
                out[i] = true;
            }
        }
        return out;
    }

    // ---- order: the database's ---------------------------------------------------------------------------------

    private int compareRanked(int a, int b) {
        if (a == b) {
            return 0;
        }
        if (a == NULL || b == NULL) {
            return (a == NULL) == nullsLow ? -1 : 1;
        }
        return Integer.compare(rank[a], rank[b]);
    }

    private int compareDays(int a, int b) {
        return compareDays(a, b, nullsLow);
    }

    private static int compareDays(int a, int b, boolean nullsFirst) {
        if (a == b) {
            return 0;
        }
        if (a == NO_DAY || b == NO_DAY) {
            return (a == NO_DAY) == nullsFirst ? -1 : 1;
        }
        return Integer.compare(a, b);
    }

    private static int min(int acc, int d) {
        return d == NO_DAY ? acc : acc == NO_DAY ? d : Math.min(acc, d);
    }

    private static int max(int acc, int d) {
        return d == NO_DAY ? acc : acc == NO_DAY ? d : Math.max(acc, d);
    }

    private static LocalDate date(int d) {
        return d == NO_DAY ? null : LocalDate.ofEpochDay(d);
    }

    // ---- keeping up with the store ----------------------------------------------------------------------------

    @FunctionalInterface
    private interface Reader<T> {
        T read();
    }

    private <T> T read(Reader<T> reader) {
        long now = store.revision();
        if (now != loaded) {
            lock.writeLock().lock();
            try {
                if (now != loaded) {
                    store.withConnection(c -> {
                        load(c, loaded);
                        return null;
                    });
                    loaded = now;
                }
                lock.readLock().lock();
            } finally {
                lock.writeLock().unlock();
            }
        } else {
            lock.readLock().lock();
        }
        try {
            return reader.read();
        } finally {
            lock.readLock().unlock();
        }
    }

    private static final String COLUMNS = "e.event_id, e.report_id, e.event_date, e.end_date, e.event_type,"
            + " e.sub_event_type, e.country, e.admin1, e.lat, e.lon, e.confidence, e.review_state, e.place, e.forms,"
            + " e.actor1_name, e.actor1_type, e.actor2_name, e.actor2_type, e.demand_groups, e.fatalities, e.arrests";

    /** Reads the events written after revision {@code since} (all of them the first time) and their sources. */
    private void load(Connection c, long since) throws SQLException {
        if (since == Long.MIN_VALUE) {
            nullsLow = nullsLow(c);
        }
        String where = since == Long.MIN_VALUE ? "" : " WHERE e.rev > ?";
        List<Integer> changed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events e" + where)) {
            if (since != Long.MIN_VALUE) {
                ps.setLong(1, since);
            }
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.add(readRow(rs));
                }
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        Map<Integer, List<Integer>> src = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.event_id, s.report_id FROM event_sources s"
                + (since == Long.MIN_VALUE ? "" : " JOIN events e ON e.event_id = s.event_id WHERE e.rev > ?"))) {
            if (since != Long.MIN_VALUE) {
                ps.setLong(1, since);
            }
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer r = rowOf.get(rs.getString(1));
                    if (r != null) {
                        src.computeIfAbsent(r, k -> new ArrayList<>()).add(plain.add(rs.getString(2)));
                    }
                }
            }
        }
        for (int r : changed) {
            List<Integer> s = src.get(r);
            sources[r] = s == null ? new int[0] : s.stream().mapToInt(Integer::intValue).toArray();
        }
        if (ranked.size() != rankedSize) {
            rank(c);
        }
    }

    private int readRow(ResultSet rs) throws SQLException {
        String eventId = rs.getString(1);
        Integer existing = rowOf.get(eventId);
        int r;
        if (existing != null) {
            r = existing;
        } else {
            r = n++;
            grow(n);
            id[r] = eventId;
            rowOf.put(eventId, r);
        }
        report[r] = plain.add(rs.getString(2));
        day[r] = day(rs.getObject(3, LocalDate.class));
        end[r] = day(rs.getObject(4, LocalDate.class));
        type[r] = ranked.add(rs.getString(5));
        subType[r] = plain.add(rs.getString(6));
        country[r] = ranked.add(rs.getString(7));
        admin1[r] = ranked.add(rs.getString(8));
        lat[r] = rs.getDouble(9);
        hasLat[r] = !rs.wasNull();
        lon[r] = rs.getDouble(10);
        hasLon[r] = !rs.wasNull();
        confidence[r] = rs.getDouble(11);
        hasConfidence[r] = !rs.wasNull();
        review[r] = plain.add(rs.getString(12));
        place[r] = plain.add(rs.getString(13));
        forms[r] = plain.add(rs.getString(14));
        actor1[r] = ranked.add(rs.getString(15));
        actor1Type[r] = ranked.add(rs.getString(16));
        actor2[r] = ranked.add(rs.getString(17));
        actor2Type[r] = ranked.add(rs.getString(18));
        demands[r] = plain.add(rs.getString(19));
        int fat = rs.getInt(20);
        fatalities[r] = rs.wasNull() ? NO_DAY : fat;
        arrests[r] = rs.getLong(21); // 0 when NULL: only ever summed with COALESCE(arrests, 0)
        sources[r] = new int[0];
        return r;
    }

    private static int day(LocalDate d) {
        return d == null ? NO_DAY : (int) d.toEpochDay();
    }

    private void grow(int size) {
        if (size <= id.length) {
            return;
        }
        int cap = Math.max(1024, Math.max(size, id.length + (id.length >> 1)));
        id = Arrays.copyOf(id, cap);
        report = Arrays.copyOf(report, cap);
        sources = Arrays.copyOf(sources, cap);
        day = Arrays.copyOf(day, cap);
        end = Arrays.copyOf(end, cap);
        type = Arrays.copyOf(type, cap);
        subType = Arrays.copyOf(subType, cap);
        country = Arrays.copyOf(country, cap);
        admin1 = Arrays.copyOf(admin1, cap);
        place = Arrays.copyOf(place, cap);
        review = Arrays.copyOf(review, cap);
        forms = Arrays.copyOf(forms, cap);
        actor1 = Arrays.copyOf(actor1, cap);
        actor1Type = Arrays.copyOf(actor1Type, cap);
        actor2 = Arrays.copyOf(actor2, cap);
        actor2Type = Arrays.copyOf(actor2Type, cap);
        demands = Arrays.copyOf(demands, cap);
        fatalities = Arrays.copyOf(fatalities, cap);
        arrests = Arrays.copyOf(arrests, cap);
        lat = Arrays.copyOf(lat, cap);
        lon = Arrays.copyOf(lon, cap);
        confidence = Arrays.copyOf(confidence, cap);
        hasLat = Arrays.copyOf(hasLat, cap);
        hasLon = Arrays.copyOf(hasLon, cap);
        hasConfidence = Arrays.copyOf(hasConfidence, cap);
    }

    /** Whether the database sorts NULL before other values in an ascending ORDER BY. */
    private static boolean nullsLow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v FROM (VALUES (CAST(NULL AS VARCHAR)),"
                + " (CAST('a' AS VARCHAR))) t(v) ORDER BY v");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1) == null;
        }
    }

    /** Reads the database's order of the ranked strings, and LOWER of each (for the actor filter). */
    private void rank(Connection c) throws SQLException {
        int size = ranked.size();
        int[] newRank = new int[size];
        String[] newLower = new String[size];
        Arrays.fill(newRank, Integer.MAX_VALUE);
        String sql;
        if (size <= MAX_VALUES) {
            StringBuilder b = new StringBuilder("SELECT v, LOWER(v) FROM (VALUES ");
            for (int i = 0; i < size; i++) {
                b.append(i == 0 ? "" : ", ").append("(CAST(? AS VARCHAR))");
            }
            sql = b.append(") t(v) ORDER BY v").toString();
        } else {
            sql = "SELECT v, LOWER(v) FROM (SELECT event_type AS v FROM events UNION SELECT country FROM events"
                    + " UNION SELECT admin1 FROM events UNION SELECT actor1_name FROM events"
                    + " UNION SELECT actor1_type FROM events UNION SELECT actor2_name FROM events"
                    + " UNION SELECT actor2_type FROM events) d WHERE v IS NOT NULL ORDER BY v";
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (size <= MAX_VALUES) {
                for (int i = 0; i < size; i++) {
                    ps.setString(i + 1, ranked.get(i));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                int at = 0;
                while (rs.next()) {
                    Integer i = ranked.id(rs.getString(1));
                    if (i != null) {
                        newRank[i] = at++;
                        newLower[i] = rs.getString(2);
                    }
                }
            }
        }
        rank = newRank;
        lower = newLower;
        rankedSize = size;
    }

    /** Strings to small ids and back. */
    private static final class Dict {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int add(String s) {
            if (s == null) {
                return NULL;
            }
            Integer i = ids.get(s);
            if (i == null) {
                i = values.size();
                ids.put(s, i);
                values.add(s);
            }
            return i;
        }

        Integer id(String s) {
            return s == null ? null : ids.get(s);
        }

        String get(int i) {
            return i == NULL ? null : values.get(i);
        }

        int size() {
            return values.size();
        }
    }
}
