package org.unrest.geo;

import java.util.Arrays;
import java.util.Map;

/**
 * A compact, immutable map from {@link NameKey normalised name} to postings ({@code entry << 1 | strong}), held in
 * a few flat arrays so that it can be written to and read from a file with bulk copies: the keys (ASCII, as
 * {@link NameKey} makes them) in one byte array, the postings in one int array, and an open-addressing hash table
 * of key numbers. A million names load in tens of milliseconds, with no per-name objects.
 */
final class NameIndex {
    final byte[] keyBytes;   // all keys, concatenated
    final int[] keyStart;    // key k is keyBytes[keyStart[k], keyStart[k + 1])
    final int[] postStart;   // postings of key k are postings[postStart[k], postStart[k + 1])
    final int[] postings;
    final int[] table;       // slot -> key number + 1, 0 empty; length a power of two

    NameIndex(byte[] keyBytes, int[] keyStart, int[] postStart, int[] postings, int[] table) {
        this.keyBytes = keyBytes;
        this.keyStart = keyStart;
        this.postStart = postStart;
        this.postings = postings;
        this.table = table;
        if (Integer.bitCount(table.length) != 1 || keyStart.length != postStart.length) {
            throw new IllegalArgumentException("corrupt name index");
        }
    }

    /** From a builder's map, whose values hold the number of postings in {@code [0]} and the postings after it. */
    static NameIndex of(Map<String, int[]> map) {
        int n = map.size();
        int bytes = 0;
        int posts = 0;
        for (Map.Entry<String, int[]> e : map.entrySet()) {
            bytes += e.getKey().length();
            posts += e.getValue()[0];
        }
        byte[] kb = new byte[bytes];
        int[] ks = new int[n + 1];
        int[] ps = new int[n + 1];
        int[] p = new int[posts];
        int tableSize = Integer.highestOneBit(Math.max(16, n * 2 - 1)) << 1;
        int[] table = new int[tableSize];
        int k = 0;
        int b = 0;
        int q = 0;
        for (Map.Entry<String, int[]> e : map.entrySet()) {
            String key = e.getKey();
            ks[k] = b;
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c > 127) {
                    throw new IllegalArgumentException("name keys are ASCII: " + key);
                }
                kb[b++] = (byte) c;
            }
            ps[k] = q;
            int[] v = e.getValue();
            System.arraycopy(v, 1, p, q, v[0]);
            q += v[0];
            int slot = hash(key) & (tableSize - 1);
            while (table[slot] != 0) {
                slot = (slot + 1) & (tableSize - 1);
            }
            table[slot] = k + 1;
            k++;
        }
        ks[n] = b;
        ps[n] = q;
        return new NameIndex(kb, ks, ps, p, table);
    }

    static int hash(CharSequence s) {
        int h = 0x811c9dc5;
        for (int i = 0, n = s.length(); i < n; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }

    int size() {
        return keyStart.length - 1;
    }

    /** The number of the key, or -1. */
    int find(String key) {
        int mask = table.length - 1;
        int slot = hash(key) & mask;
        int len = key.length();
        for (int t; (t = table[slot]) != 0; slot = (slot + 1) & mask) {
            int k = t - 1;
            int from = keyStart[k];
            if (keyStart[k + 1] - from == len && same(key, from, len)) {
                return k;
            }
        }
        return -1;
    }

    private boolean same(String key, int from, int len) {
        for (int i = 0; i < len; i++) {
            if (keyBytes[from + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The postings of a key; an empty array when the key is not held. */
    int[] postings(String key) {
        int k = find(key);
        return k < 0 ? Gazetteer.EMPTY : Arrays.copyOfRange(postings, postStart[k], postStart[k + 1]);
    }
}
