package org.fabricscope.replay;

import org.fabricscope.trace.Field;

/**
 * Every block's state changes in sequence order, laid out so that reconstructing a state in a
 * trace of millions of events touches about two places in memory: one directory entry and one
 * group record.
 *
 * <p>A block's changes are cut into groups of {@value #GROUP}. Each group is one record of
 * {@value #STRIDE} ints in a single array: the sequence numbers of its changes, their fields (4
 * bits each), a mask of the fields it changes, the block's full state before its first change
 * (the snapshot), and the new values. A block with {@code n} changes has {@code n / GROUP + 1}
 * groups, so the group of change {@code n} always exists and holds the state after all of them.
 * The state after the first {@code p} changes is then group {@code p / GROUP}'s snapshot folded
 * with at most {@value #GROUP} - 1 values that sit next to it.
 *
 * <p>Finding {@code p} (the number of changes at or before a step) would take a binary search
 * over the block's change sequence numbers: a dozen dependent cache misses once the trace is far
 * larger than the cache. Instead each block has a directory over its span of sequence numbers,
 * cut into power-of-two buckets sized for about {@value #CHANGES_PER_BUCKET} changes each; an entry
 * is the number of the block's changes before the bucket. A step's bucket bounds {@code p} to a
 * handful of neighbouring changes, usually inside one group record.
 *
 * <p>Cost: {@value #STRIDE} * 4 / {@value #GROUP} = 11 bytes per state change, plus about half a
 * byte per change for the directory and one record per block. It is paid per state change, not per
 * event: in the simulator's long traces about one event in seven changes a block (verifier checks
 * and reads dominate), about 1.6 bytes per event. A block with few changes still takes a whole
 * record (176 bytes), so a short trace pays more per event: about 7 bytes on the benchmark's
 * 10-thousand-event trace over 392 blocks. One array holds every record, which caps a trace at
 * about 780 million state changes (building the index fails with an {@link ArithmeticException}
 * beyond that).
 */
final class ChangeLog {
    /** Changes per group record; a group's snapshot is the state before its first change. */
    static final int GROUP = 16;

    private static final int GROUP_SHIFT = 4;
    private static final int FIELDS = Field.count();
    private static final int FIELDS_AT = GROUP;
    private static final int MASK_AT = FIELDS_AT + GROUP / 8;
    private static final int SNAPSHOT_AT = MASK_AT + 1;
    private static final int VALUES_AT = SNAPSHOT_AT + FIELDS;
    /** Ints per group record: sequence numbers, 4-bit fields, field mask, snapshot, new values. */
    static final int STRIDE = VALUES_AT + GROUP;

    private static final int CHANGES_PER_BUCKET = 8;

    private final int[] records;
    /** Per block, its first group; one more entry closes the last block. */
    private final int[] groupStart;

    private final int[] changeCount;
    /** Per block, the sequence number of its first change (the start of its directory's span). */
    private final int[] spanStart;

    private final byte[] bucketShift;
    /** Per block, its first directory entry; one more entry closes the last block. */
    private final int[] dirStart;

    private final int[] dir;

    private ChangeLog(Builder b) {
        this.records = b.records;
        this.groupStart = b.groupStart;
        this.changeCount = b.changeCount;
        this.spanStart = b.spanStart;
        this.bucketShift = b.bucketShift;
        this.dirStart = b.dirStart;
        this.dir = b.dir;
    }

    /** Number of changes of {@code block}. */
    int count(int block) {
        return changeCount[block];
    }

    /**
     * The number of changes of {@code block} at or before {@code step} (any int; sequence numbers
     * themselves are never negative).
     */
    int rank(int block, int step) {
        int n = changeCount[block];
        int first = spanStart[block];
        if (n == 0 || step < first) {
            return 0;
        }
        int d = bucketEntry(block, step - first);
        if (d < 0) {
            return n;
        }
        return rankInBucket(groupStart[block], dir[d], dir[d + 1], step);
    }

    /**
     * The directory entry of the bucket holding the step {@code offset} (>= 0) sequence numbers
     * after the block's first change, or -1 if that is after the block's last bucket (so after all
     * its changes).
     */
    private int bucketEntry(int block, int offset) {
        int bucket = offset >>> bucketShift[block];
        int buckets = dirStart[block + 1] - dirStart[block] - 1;
        return bucket < buckets ? dirStart[block] + bucket : -1;
    }

    /**
     * The changes before the bucket ({@code lo} of them) are at or before the step; those from the
     * next bucket on ({@code hi} and later) are after it. Only the bucket's own changes are compared:
     * a few, counted without branches, so that the loads can be in flight together.
     */
    private int rankInBucket(int g0, int lo, int hi, int step) {
        if (hi - lo <= GROUP) {
            int p = lo;
            for (int i = lo; i < hi; i++) {
                p += records[(g0 + (i >>> GROUP_SHIFT)) * STRIDE + (i & (GROUP - 1))] <= step ? 1 : 0;
            }
            return p;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (records[(g0 + (mid >>> GROUP_SHIFT)) * STRIDE + (mid & (GROUP - 1))] <= step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The state of {@code block} after events 0..{@code step} (any int), into {@code values}. */
    void stateAt(int block, int step, int[] values) {
        int n = changeCount[block];
        int first = spanStart[block];
        if (n == 0 || step < first) {
            fold(block, 0, values);
            return;
        }
        int d = bucketEntry(block, step - first);
        if (d < 0) {
            fold(block, n, values);
            return;
        }
        int g0 = groupStart[block];
        int lo = dir[d];
        int hi = dir[d + 1];
        // The answer is almost always in the group of the bucket's first change: copying that
        // group's snapshot now puts its cache lines in flight while the sequence numbers are
        // compared, instead of after (in a large trace each is a miss).
        int guess = (g0 + (lo >>> GROUP_SHIFT)) * STRIDE;
        System.arraycopy(records, guess + SNAPSHOT_AT, values, 0, FIELDS);
        int p = rankInBucket(g0, lo, hi, step);
        int r = (g0 + (p >>> GROUP_SHIFT)) * STRIDE;
        if (r != guess) {
            System.arraycopy(records, r + SNAPSHOT_AT, values, 0, FIELDS);
        }
        apply(r, p & (GROUP - 1), values);
    }

    /** Sequence number of change {@code i} of {@code block}. */
    int seq(int block, int i) {
        return records[(groupStart[block] + (i >>> GROUP_SHIFT)) * STRIDE + (i & (GROUP - 1))];
    }

    /** The state of {@code block} after its first {@code p} changes, into {@code values}. */
    void fold(int block, int p, int[] values) {
        int r = (groupStart[block] + (p >>> GROUP_SHIFT)) * STRIDE;
        System.arraycopy(records, r + SNAPSHOT_AT, values, 0, FIELDS);
        apply(r, p & (GROUP - 1), values);
    }

    /** Applies the first {@code applied} changes of the group record at {@code r}. */
    private void apply(int r, int applied, int[] values) {
        for (int j = 0; j < applied; j++) {
            values[fieldAt(r, j)] = records[r + VALUES_AT + j];
        }
    }

    /** The last of {@code block}'s first {@code p} changes that changed {@code field}, as a seq, or -1. */
    int lastOf(int block, int field, int p) {
        int g0 = groupStart[block];
        int bit = 1 << field;
        for (int g = g0 + ((p - 1) >> GROUP_SHIFT); g >= g0 && p > 0; g--) {
            int r = g * STRIDE;
            int end = Math.min(GROUP, p - (g - g0) * GROUP);
            // The mask covers the whole group, so a group that never changed the field is skipped.
            if ((records[r + MASK_AT] & bit) != 0) {
                for (int j = end - 1; j >= 0; j--) {
                    if (fieldAt(r, j) == field) {
                        return records[r + j];
                    }
                }
            }
        }
        return -1;
    }

    private int fieldAt(int r, int j) {
        return (records[r + FIELDS_AT + (j >>> 3)] >>> ((j & 7) << 2)) & 0xF;
    }

    /** Heap retained by the arrays, in bytes. */
    long retainedBytes() {
        return 4L
                        * (records.length
                                + groupStart.length
                                + changeCount.length
                                + spanStart.length
                                + dirStart.length
                                + dir.length)
                + bucketShift.length
                + 16L * 7;
    }

    /**
     * Fills a change log from changes given in sequence order, after being told each block's
     * count and first and last change (so that every array is allocated once, at its final size).
     */
    static final class Builder {
        private final int[] records;
        private final int[] groupStart;
        private final int[] changeCount;
        private final int[] spanStart;
        private final byte[] bucketShift;
        private final int[] dirStart;
        private final int[] dir;
        private final int[] filled;
        private final int[] dirFilled;
        private final int[] state;

        /**
         * @param changeCount changes per block
         * @param firstChange sequence number of each block's first change (any value if none)
         * @param lastChange sequence number of each block's last change (any value if none)
         */
        Builder(int[] changeCount, int[] firstChange, int[] lastChange) {
            if (FIELDS > 16) {
                throw new IllegalStateException("fields are stored in 4 bits");
            }
            int blocks = changeCount.length;
            this.changeCount = changeCount.clone();
            this.groupStart = new int[blocks + 1];
            this.spanStart = new int[blocks];
            this.bucketShift = new byte[blocks];
            this.dirStart = new int[blocks + 1];
            for (int b = 0; b < blocks; b++) {
                int n = changeCount[b];
                groupStart[b + 1] = Math.addExact(groupStart[b], (n >>> GROUP_SHIFT) + 1);
                int buckets = 0;
                if (n > 0) {
                    spanStart[b] = firstChange[b];
                    long span = (long) lastChange[b] - firstChange[b] + 1;
                    long wanted = Math.max(1, (n + CHANGES_PER_BUCKET - 1) / CHANGES_PER_BUCKET);
                    int shift = 0;
                    while (((span - 1) >>> shift) + 1 > wanted) {
                        shift++;
                    }
                    bucketShift[b] = (byte) shift;
                    buckets = (int) ((span - 1) >>> shift) + 1;
                }
                // One entry per bucket and one closing entry (the block's change count).
                dirStart[b + 1] = Math.addExact(dirStart[b], n > 0 ? buckets + 1 : 0);
            }
            this.records = new int[Math.multiplyExact(groupStart[blocks], STRIDE)];
            this.dir = new int[dirStart[blocks]];
            this.filled = new int[blocks];
            this.dirFilled = new int[blocks];
            this.state = new int[blocks * FIELDS];
        }

        /** Records that event {@code seq} set {@code field} of {@code block} to {@code value}. */
        void add(int block, int seq, int field, int value) {
            int i = filled[block]++;
            int r = (groupStart[block] + (i >>> GROUP_SHIFT)) * STRIDE;
            int j = i & (GROUP - 1);
            if (j == 0) {
                System.arraycopy(state, block * FIELDS, records, r + SNAPSHOT_AT, FIELDS);
            }
            records[r + j] = seq;
            records[r + FIELDS_AT + (j >>> 3)] |= field << ((j & 7) << 2);
            records[r + MASK_AT] |= 1 << field;
            records[r + VALUES_AT + j] = value;
            state[block * FIELDS + field] = value;
            // Every bucket that starts after the previous change and at or before this one has
            // exactly i changes before it.
            int bucket = (seq - spanStart[block]) >>> bucketShift[block];
            int d0 = dirStart[block];
            while (dirFilled[block] <= bucket) {
                dir[d0 + dirFilled[block]++] = i;
            }
        }

        ChangeLog build() {
            for (int b = 0; b < changeCount.length; b++) {
                int n = changeCount[b];
                if (filled[b] != n) {
                    throw new IllegalStateException("block " + b + ": told " + n + " changes, given " + filled[b]);
                }
                if ((n & (GROUP - 1)) == 0) {
                    // The group after a full last group holds only the final state.
                    int r = (groupStart[b] + (n >>> GROUP_SHIFT)) * STRIDE;
                    System.arraycopy(state, b * FIELDS, records, r + SNAPSHOT_AT, FIELDS);
                }
                for (int d = dirStart[b] + dirFilled[b]; d < dirStart[b + 1]; d++) {
                    dir[d] = n;
                }
            }
            return new ChangeLog(this);
        }
    }
}
