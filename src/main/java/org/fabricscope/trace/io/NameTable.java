package org.fabricscope.trace.io;

/**
 * Maps short names to int ids, looked up straight from a parser's char buffer so that reading a
 * name that was seen before allocates nothing. Open addressing; never iterated, so its order
 * cannot leak into output.
 */
final class NameTable {
    private String[] keys = new String[64];
    private int[] values = new int[64];
    private int size;

    /** The id stored for {@code chars[offset, offset+length)}, or -1. */
    int find(char[] chars, int offset, int length) {
        int mask = keys.length - 1;
        int i = hash(chars, offset, length) & mask;
        while (true) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k.length() == length && matches(k, chars, offset, length)) {
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
        int mask = keys.length - 1;
        int i = hash(name) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = name;
        values[i] = id;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static boolean matches(String k, char[] chars, int offset, int length) {
        for (int j = 0; j < length; j++) {
            if (k.charAt(j) != chars[offset + j]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] chars, int offset, int length) {
        int h = 0;
        for (int j = 0; j < length; j++) {
            h = 31 * h + chars[offset + j];
        }
        return mix(h);
    }

    private static int hash(String s) {
        return mix(s.hashCode());
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }
}
