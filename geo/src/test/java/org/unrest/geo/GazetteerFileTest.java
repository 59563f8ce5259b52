package org.unrest.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerFileTest {
    private static final String ROWS =
        "999999001\tTestville\tTestville\tTestowo,Тествиль\t43.0\t52.0\tP\tPPL\tKZ\t\t09\t\t\t\t20000\t\t\t\t\n"
        + "999999002\tOtherton\tOtherton\t\t40.0\t-90.0\tP\tPPLA2\tUS\t\tIL\t\t\t\t800\t\t\t\t\n";

    @TempDir
    Path dir;

    @Test
    void writtenIndexReadsBackTheSame() throws IOException {
        Gazetteer g = Gazetteer.bundled();
        Path f = dir.resolve("g.gaz");
        GazetteerFile.write(g, f);
        long t0 = System.nanoTime();
        Gazetteer back = GazetteerFile.read(f);
        System.out.printf("bundled gazetteer index: %.1f MB, read in %d ms%n", Files.size(f) / 1e6,
            (System.nanoTime() - t0) / 1_000_000);
        assertEquals(g.size(), back.size());
        assertEquals(g.indexedNames(), back.indexedNames());
        for (String name : new String[] {"Zhanaozen", "Жанаозен", "Almaty", "Alma-Ata", "Kazakhstan", "Mangystau region",
            "Paris", "New York City"}) {
            assertArrayEquals(g.lookupName(name), back.lookupName(name), name);
        }
        int e = back.byGeonameid(610612);
        assertEquals("Aktau", back.displayName(e, LocalDate.of(2022, 1, 5)));
        assertEquals(g.lat(e), back.lat(e));
        assertEquals(1526273L, back.geonameid(back.capital("KZ", LocalDate.of(2022, 1, 5))));
        assertEquals("cities15000.txt (bundled)", back.source());
    }

    @Test
    void refusesOtherFilesAndDamagedOnes() throws IOException {
        Path junk = dir.resolve("junk.gaz");
        Files.writeString(junk, "not an index at all, just text");
        IOException ex = assertThrows(IOException.class, () -> GazetteerFile.read(junk));
        assertTrue(ex.getMessage().contains("junk.gaz") && ex.getMessage().contains("not a gazetteer index"),
            ex.getMessage());
        Path f = dir.resolve("g.gaz");
        GazetteerFile.write(Gazetteer.builder().addPlaces(new java.io.StringReader(ROWS)).build(), f);
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.gaz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        ex = assertThrows(IOException.class, () -> GazetteerFile.read(cut));
        assertTrue(ex.getMessage().contains("damaged"), ex.getMessage());
        all[9] ^= 0x55; // the fingerprint
        Path stale = dir.resolve("stale.gaz");
        Files.write(stale, all);
        assertThrows(GazetteerFile.StaleIndexException.class, () -> GazetteerFile.read(stale));
    }

    @Test
    void readsTablesInsideAnNpmTarballAndAZip() throws IOException {
        Path tgz = dir.resolve("pkg.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz))) {
            tarEntry(out, "package/README.md", "hello\n".getBytes(StandardCharsets.UTF_8));
            tarEntry(out, "package/dist/cities500.txt", ROWS.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[1024]);
        }
        try (BufferedReader r = GeoNamesSource.open(tgz)) {
            Gazetteer g = Gazetteer.builder().addPlaces(r).build();
            assertEquals(999999001L, g.geonameid(g.lookupName("Тествиль")[0] >> 1));
            assertEquals(999999002L, g.geonameid(g.lookupName("Otherton")[0] >> 1));
        }
        Path zip = dir.resolve("allCountries.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("allCountries.txt"));
            z.write(ROWS.getBytes(StandardCharsets.UTF_8));
        }
        try (BufferedReader r = GeoNamesSource.open(zip)) {
            assertEquals(2, Gazetteer.builder().addPlaces(r).build().places());
        }
        Path notTable = dir.resolve("notes.txt");
        Files.writeString(notTable, "just some notes\n");
        IOException ex = assertThrows(IOException.class, () -> GeoNamesSource.open(notTable));
        assertTrue(ex.getMessage().startsWith(notTable + ": not a GeoNames table"), ex.getMessage());
        ex = assertThrows(IOException.class, () -> GeoNamesSource.open(dir.resolve("missing.txt")));
        assertTrue(ex.getMessage().endsWith("missing.txt: no such file"), ex.getMessage());
    }

    private static void tarEntry(OutputStream out, String name, byte[] data) throws IOException {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, h, 0, n.length);
        byte[] size = String.format("%011o", data.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, h, 124, size.length);
        h[156] = '0';
        out.write(h);
        out.write(data);
        out.write(new byte[(512 - data.length % 512) % 512]);
    }
}
