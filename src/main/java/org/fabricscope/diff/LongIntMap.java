package org.fabricscope.diff;

/**
 * An open-addressing map from {@code long} to {@code int} without boxing, sized once for a known
 * number of keys. Used while aligning, then dropped, so its memory is transient.
 */
final class LongIntMap {
    /** Stands for "no key"; a real key equal to it is stored as {@link #ZERO_STANDIN}. */
    private static final long EMPTY = 0L;

    private static final long ZERO_STANDIN = 0x9E37_79B9_7F4A_7C15L;

    private final long[] keys;
    private final int[] values;
    private final int mask;

    LongIntMap(int expectedKeys) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedKeys) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    private static long stored(long key) {
        return key == EMPTY ? ZERO_STANDIN : key;
    }

    private int slot(long key) {
        int i = (int) (EventIdentity.mix(key) & mask);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The value of {@code key}, or {@code missing}. */
    int get(long key, int missing) {
        long k = stored(key);
        int i = slot(k);
        return keys[i] == EMPTY ? missing : values[i];
    }

    /** Sets {@code key} to {@code value} unless it is already present; true if it was added. */
    boolean putIfAbsent(long key, int value) {
        long k = stored(key);
        int i = slot(k);
        if (keys[i] != EMPTY) {
            return false;
        }
        keys[i] = k;
        values[i] = value;
        return true;
    }

    /** Returns the count stored for {@code key} (0 when absent) and stores it plus one. */
    int getAndIncrement(long key) {
        long k = stored(key);
        int i = slot(k);
        if (keys[i] == EMPTY) {
            keys[i] = k;
            values[i] = 1;
            return 0;
        }
        return values[i]++;
    }
}
