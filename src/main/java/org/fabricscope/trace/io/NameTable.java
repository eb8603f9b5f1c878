package org.fabricscope.trace.io;

import java.util.Arrays;

/**
 * Maps short names to int ids, looked up straight from a parser's char buffer so that reading a
 * name that was seen before allocates nothing. Open addressing; never iterated, so its order
 * cannot leak into output.
 */
final class NameTable {
    private char[][] keys = new char[64][];
    private int[] values = new int[64];
    private int size;

    /** The id stored for {@code chars[offset, offset+length)}, or -1. */
    int find(char[] chars, int offset, int length) {
        int mask = keys.length - 1;
        int i = hash(chars, offset, length) & mask;
        while (true) {
            char[] k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k.length == length && Arrays.equals(k, 0, length, chars, offset, offset + length)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    /** The id stored for {@code name}, or -1. */
    int find(String name) {
        char[] chars = name.toCharArray();
        return find(chars, 0, chars.length);
    }

    /** Stores {@code id} for {@code name}, which must not be present yet. */
    void put(String name, int id) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(name, id);
        size++;
    }

    private void insert(String name, int id) {
        insert(name.toCharArray(), id);
    }

    private void insert(char[] name, int id) {
        int mask = keys.length - 1;
        int i = hash(name, 0, name.length) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = name;
        values[i] = id;
    }

    private void grow() {
        char[][] oldKeys = keys;
        int[] oldValues = values;
        keys = new char[oldKeys.length * 2][];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    /**
     * Hashes the length and a few chars only (names such as {@code prefetch@n3} differ at the
     * end, kinds in length or middle): cheap, and a collision only costs a comparison.
     */
    private static int hash(char[] chars, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int h = length;
        h = 31 * h + chars[offset];
        h = 31 * h + chars[offset + (length >> 1)];
        h = 31 * h + chars[offset + length - 1];
        h = 31 * h + chars[offset + Math.max(0, length - 2)];
        return mix(h);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }
}
