package org.unrest.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Byte-level helpers shared by the readers: bounded reads, BOM, binary sniffing, strict UTF-8, ids. */
final class Inputs {
    private Inputs() {
    }

    /** Thrown inside readers for a problem in the input; turned into one diagnostic line, never escapes a reader. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads at most {@code limit} bytes; a longer file (it may have grown since it was measured) is refused. */
    static byte[] readBounded(Path file, long limit) throws IOException, BadInput {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
            if (data.length > limit) {
                throw new BadInput("file larger than the limit of " + limit + " bytes");
            }
            return data;
        }
    }

    static boolean hasBom(byte[] b, int from) {
        return b.length - from >= 3 && (b[from] & 0xFF) == 0xEF && (b[from + 1] & 0xFF) == 0xBB
                && (b[from + 2] & 0xFF) == 0xBF;
    }

    /**
     * Binary content: a NUL byte, or more than 10% of the bytes control characters other than tab, LF, FF and CR.
     * UTF-16 text (which is full of NULs) counts as binary here too: we read UTF-8 only.
     */
    static String binaryReason(byte[] b, int from, int to) {
        int controls = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return "binary content (NUL byte at byte offset " + i + ")";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
                controls++;
            }
        }
        int n = to - from;
        if (n > 0 && controls * 10 > n) {
            return "binary content (" + controls + " control bytes in " + n + ")";
        }
        return null;
    }

    /**
     * Decodes strict UTF-8; on a malformed or unmappable sequence says at which byte offset in the file
     * ({@code baseOffset} is the file offset of {@code b[0]}).
     */
    static String decodeUtf8(byte[] b, int from, int to, long baseOffset) throws BadInput {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            long at = baseOffset + in.position();
            throw new BadInput("not valid UTF-8 (bad byte sequence at byte offset " + at + ")");
        }
        out.flip();
        return out.toString();
    }

    /** Line ends in every stored text are LF: CRLF and lone CR become LF (decided once for all readers). */
    static String normaliseNewlines(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    static String stem(Path file) {
        Path name = file.getFileName();
        String n = name == null ? file.toString() : name.toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    static String extension(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(dot + 1) : "";
    }

    /** First 10 hex digits of the SHA-256 of {@code s}: a short stable id suffix. */
    static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message on one line, no longer than 300 characters. */
    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String s = message.replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }

    /** A language tag as its lower-case primary subtag ("en-GB" → "en", "ru_RU" → "ru"); null when blank. */
    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String t = tag.trim().replace('_', '-');
        int dash = t.indexOf('-');
        String primary = (dash > 0 ? t.substring(0, dash) : t).toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }
}
