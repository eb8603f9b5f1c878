package org.fabricscope.trace;

/**
 * An open-addressing map from {@code long} to {@code int} without boxing, for event identities
 * (aligning two runs, counting ordinals). It grows when half full, so a size given up front is
 * only a hint.
 */
public final class LongIntMap {
    /** Stands for "no key"; a real key equal to it is stored as {@link #ZERO_STANDIN}. */
    private static final long EMPTY = 0L;

    private static final long ZERO_STANDIN = 0x9E37_79B9_7F4A_7C15L;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    public LongIntMap(int expectedKeys) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedKeys) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    private void added() {
        if (++size * 2 > keys.length) {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    int j = slot(oldKeys[i]);
                    keys[j] = oldKeys[i];
                    values[j] = oldValues[i];
                }
            }
        }
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
    public int get(long key, int missing) {
        long k = stored(key);
        int i = slot(k);
        return keys[i] == EMPTY ? missing : values[i];
    }

    /** Sets {@code key} to {@code value} unless it is already present; true if it was added. */
    public boolean putIfAbsent(long key, int value) {
        long k = stored(key);
        int i = slot(k);
        if (keys[i] != EMPTY) {
            return false;
        }
        keys[i] = k;
        values[i] = value;
        added();
        return true;
    }

    /** Returns the count stored for {@code key} (0 when absent) and stores it plus one. */
    public int getAndIncrement(long key) {
        return getAndAdd(key, 1);
    }

    /** Returns the count stored for {@code key} (0 when absent) and stores it plus {@code delta}. */
    public int getAndAdd(long key, int delta) {
        long k = stored(key);
        int i = slot(k);
        if (keys[i] == EMPTY) {
            keys[i] = k;
            values[i] = delta;
            added();
            return 0;
        }
        int v = values[i];
        values[i] = v + delta;
        return v;
    }
}
