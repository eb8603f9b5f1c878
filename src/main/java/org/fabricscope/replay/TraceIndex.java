package org.fabricscope.replay;

import java.util.Arrays;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/**
 * The replay index over one {@link Trace}: built once, immutable, safe to share between threads.
 *
 * <p>A "step" is an event's sequence number; the state at step i is the state after applying
 * events 0..i (step -1 is the initial, all-zero state). All "next"/"previous" searches are strict
 * (exclude {@code from}) and return -1 when there is none; {@code from} may be -1 or {@link
 * Trace#size()} to search from either end.
 *
 * <p>A <em>state change</em> is an event that names a field and is neither a {@link
 * EventKind#VERIFY_CHECK} nor a {@link EventKind#FPRE004} (those carry the field they looked at,
 * not one they changed); applying it sets that field of its block to its {@code new} value. See
 * {@link #changesState(EventKind, Field)}.
 *
 * <p>Layout, chosen to keep trace plus index within 40 bytes per event (about 6 B/event of it the
 * index's on the simulator's 10-million-event trace):
 *
 * <ul>
 *   <li>per-block event lists in CSR form: {@code blockStart[b]..blockStart[b+1]} indexes one
 *       {@code int[]} of sequence numbers (4 B per block event), and every {@value #SAMPLE_EVERY}th
 *       entry's sequence number again in a small sorted sample (0.125 B per block event), so that
 *       a search covers one sample window;
 *   <li>the state changes apart, in a {@link ChangeLog}: per block, groups of 16 changes, each
 *       one record holding their sequence numbers, fields and new values next to the block's state
 *       before the group, and a directory from a block's sequence numbers to its changes. This
 *       costs about 11.5 B per <em>state change</em> (about 1.6 B/event on the 10M trace, where
 *       one event in seven changes a block; more on a trace made only of changes). In exchange
 *       {@link #stateAt} reads one directory entry and one group record, about two places in
 *       memory where a search over all block events took a dozen dependent cache misses, and
 *       never reads the trace; {@link #lastChange} and the transition searches use it too;
 *   <li>for each chunk of 256 events, a 64-bit mask of the kinds it holds (0.03 B/event), so any
 *       kind's next/previous occurrence skips empty chunks; the rarest kinds (FPRE004, READ_FAIL …)
 *       also get a sorted array of their sequence numbers for binary search, within a budget of
 *       one entry per 16 events;
 *   <li>{@link #effects} is computed on demand, not stored: a reverse cause index would cost 4 to
 *       8 B/event. Each chunk of 4096 events keeps the smallest and largest cause it holds, so the
 *       scan skips chunks that cannot hold an effect of the event asked about.
 * </ul>
 */
public final class TraceIndex {
    /** Every this-many of a block's events, its sequence number is sampled to narrow searches. */
    private static final int SAMPLE_EVERY = 32;

    private static final int KIND_CHUNK_SHIFT = 8;
    private static final int CAUSE_CHUNK_SHIFT = 12;
    private static final int KIND_BUCKET_SHIFT = 12;
    private static final int EXPLICIT_KIND_BUDGET_DIVISOR = 16;
    private static final int PROGRESS_EVERY = 1 << 16;
    private static final int FIELDS = Field.count();
    private static final int VERIFY_CHECK = EventKind.VERIFY_CHECK.ordinal();
    private static final int FPRE004 = EventKind.FPRE004.ordinal();

    private final Trace trace;
    private final int size;
    private final int blockCount;
    private final int[] blockStart;
    private final int[] blockSeqs;
    /** Each block's state changes, grouped with snapshots: what stateAt and the transition searches read. */
    private final ChangeLog changes;

    private final int[] sampleStart;
    /**
     * Per block, the seq of every {@value #SAMPLE_EVERY}th event ({@code Integer.MAX_VALUE} for a
     * trailing sample): a small sorted sample of {@code blockSeqs} that narrows each search to one
     * window of {@value #SAMPLE_EVERY} events, so a lookup in a large trace touches a few cache
     * lines, not ~15.
     */
    private final int[] blockSample;

    private final int[] kindCounts;
    private final long[] kindChunkMask;
    private final int[][] kindSeqs;
    /**
     * For each sorted kind list, per bucket of {@code 2^KIND_BUCKET_SHIFT} seqs the index of the
     * list's first entry in or after the bucket: a search then covers one bucket's entries, so
     * "next FPRE004" costs about the same in a trace of 10 thousand or 10 million events.
     */
    private final int[][] kindBuckets;

    private final int[] causeChunkMin;
    private final int[] causeChunkMax;

    private TraceIndex(Trace trace, Progress progress, long explicitKindBudget) {
        if (EventKind.count() > Long.SIZE) {
            throw new IllegalStateException("kind masks hold at most 64 kinds");
        }
        this.trace = trace;
        this.size = trace.size();
        this.blockCount = trace.header().topology().blockCount();
        long work = 3L * size;

        // Pass 1: counts per block and kind, kind masks, cause ranges, each block's changes.
        int[] blockCounts = new int[blockCount];
        int[] changeCounts = new int[blockCount];
        int[] firstChange = new int[blockCount];
        int[] lastChange = new int[blockCount];
        kindCounts = new int[EventKind.count()];
        kindChunkMask = new long[(size >>> KIND_CHUNK_SHIFT) + 1];
        int causeChunks = (size >>> CAUSE_CHUNK_SHIFT) + 1;
        causeChunkMin = new int[causeChunks];
        causeChunkMax = new int[causeChunks];
        Arrays.fill(causeChunkMin, Integer.MAX_VALUE);
        Arrays.fill(causeChunkMax, -1);
        for (int seq = 0; seq < size; seq++) {
            tick(progress, seq, work);
            int b = trace.block(seq);
            int k = trace.kindOrdinal(seq);
            if (b >= 0) {
                blockCounts[b]++;
                if (changesState(k, trace.fieldOrdinal(seq))) {
                    if (changeCounts[b]++ == 0) {
                        firstChange[b] = seq;
                    }
                    lastChange[b] = seq;
                }
            }
            kindCounts[k]++;
            kindChunkMask[seq >>> KIND_CHUNK_SHIFT] |= 1L << k;
            int c = trace.cause(seq);
            if (c >= 0) {
                int chunk = seq >>> CAUSE_CHUNK_SHIFT;
                causeChunkMin[chunk] = Math.min(causeChunkMin[chunk], c);
                causeChunkMax[chunk] = Math.max(causeChunkMax[chunk], c);
            }
        }

        blockStart = new int[blockCount + 1];
        sampleStart = new int[blockCount + 1];
        for (int b = 0; b < blockCount; b++) {
            blockStart[b + 1] = blockStart[b] + blockCounts[b];
            sampleStart[b + 1] = sampleStart[b] + blockCounts[b] / SAMPLE_EVERY + 1;
        }
        blockSeqs = new int[blockStart[blockCount]];
        blockSample = new int[sampleStart[blockCount]];
        Arrays.fill(blockSample, Integer.MAX_VALUE);
        ChangeLog.Builder changeLog = new ChangeLog.Builder(changeCounts, firstChange, lastChange);

        kindSeqs = new int[EventKind.count()][];
        chooseExplicitKinds(explicitKindBudget);
        int[] kindFill = new int[EventKind.count()];

        // Pass 2: fill the CSR lists, samples, change log and explicit kind lists in one sweep.
        int[] filled = new int[blockCount];
        for (int seq = 0; seq < size; seq++) {
            tick(progress, size + seq, work);
            int k = trace.kindOrdinal(seq);
            int[] explicit = kindSeqs[k];
            if (explicit != null) {
                explicit[kindFill[k]++] = seq;
            }
            int b = trace.block(seq);
            if (b < 0) {
                continue;
            }
            int i = filled[b]++;
            int pos = blockStart[b] + i;
            blockSeqs[pos] = seq;
            if (i % SAMPLE_EVERY == 0) {
                blockSample[sampleStart[b] + i / SAMPLE_EVERY] = seq;
            }
            int f = trace.fieldOrdinal(seq);
            if (changesState(k, f)) {
                changeLog.add(b, seq, f, trace.newValue(seq));
            }
        }
        changes = changeLog.build();
        kindBuckets = new int[EventKind.count()][];
        for (int k = 0; k < kindSeqs.length; k++) {
            if (kindSeqs[k] != null) {
                kindBuckets[k] = buckets(kindSeqs[k], size);
            }
        }
        progress.update(work, work);
    }

    private static int[] buckets(int[] sorted, int size) {
        int[] out = new int[(size >>> KIND_BUCKET_SHIFT) + 2];
        int i = 0;
        for (int c = 0; c < out.length; c++) {
            long first = (long) c << KIND_BUCKET_SHIFT;
            while (i < sorted.length && sorted[i] < first) {
                i++;
            }
            out[c] = i;
        }
        return out;
    }

    /** The first index in {@code sorted} whose value is at least {@code key} (0 <= key <= size). */
    private int lowerBoundInBucket(int k, int key) {
        int[] sorted = kindSeqs[k];
        int[] b = kindBuckets[k];
        int c = key >>> KIND_BUCKET_SHIFT;
        return lowerBound(sorted, b[c], b[c + 1], key);
    }

    /**
     * Builds the index over {@code trace}, reporting work done and honouring cancellation.
     *
     * @throws org.fabricscope.trace.CancelledException if cancelled
     */
    public static TraceIndex build(Trace trace, Progress progress) {
        return new TraceIndex(trace, progress, Math.max(1024, trace.size() / EXPLICIT_KIND_BUDGET_DIVISOR));
    }

    /** As {@link #build(Trace, Progress)} with an explicit budget of sorted kind entries (tests use 0). */
    static TraceIndex build(Trace trace, Progress progress, long explicitKindBudget) {
        return new TraceIndex(trace, progress, explicitKindBudget);
    }

    private static void tick(Progress progress, int seq, long total) {
        if ((seq & (PROGRESS_EVERY - 1)) == 0) {
            progress.checkCancelled();
            progress.update(seq, total);
        }
    }

    /** Gives the rarest kinds a sorted sequence list, within a budget of one entry per 16 events. */
    private void chooseExplicitKinds(long budget) {
        Integer[] order = new Integer[kindCounts.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(
                order,
                (a, b) -> a.equals(b)
                        ? 0
                        : kindCounts[a] != kindCounts[b]
                                ? Integer.compare(kindCounts[a], kindCounts[b])
                                : Integer.compare(a, b));
        long used = 0;
        for (int k : order) {
            if (kindCounts[k] == 0) {
                kindSeqs[k] = new int[0];
                continue;
            }
            if (used + kindCounts[k] > budget) {
                break;
            }
            used += kindCounts[k];
            kindSeqs[k] = new int[kindCounts[k]];
        }
    }

    /**
     * True if an event of this kind naming this field changes the block's state: it names a field
     * and is not an observation ({@link EventKind#VERIFY_CHECK}, {@link EventKind#FPRE004}).
     */
    public static boolean changesState(EventKind kind, Field field) {
        return field != null && changesState(kind.ordinal(), field.ordinal());
    }

    private static boolean changesState(int kindOrdinal, int fieldOrdinal) {
        return fieldOrdinal >= 0 && kindOrdinal != VERIFY_CHECK && kindOrdinal != FPRE004;
    }

    /** True if event {@code seq} changes its block's state (see {@link #changesState(EventKind, Field)}). */
    public boolean isStateChange(int seq) {
        return trace.block(seq) >= 0 && changesState(trace.kindOrdinal(seq), trace.fieldOrdinal(seq));
    }

    public Trace trace() {
        return trace;
    }

    // ------------------------------------------------------------------ blocks

    /** Number of events whose block is {@code block}. */
    public int blockEventCount(int block) {
        checkBlock(block);
        return blockStart[block + 1] - blockStart[block];
    }

    /** The i-th event (ascending) whose block is {@code block}. */
    public int blockEvent(int block, int i) {
        int n = blockEventCount(block);
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("block " + block + " has " + n + " events, asked for " + i);
        }
        return blockSeqs[blockStart[block] + i];
    }

    /** Next event on {@code block} after {@code from}, or -1. */
    public int nextOfBlock(int block, int from) {
        checkBlock(block);
        int pos = firstAfter(block, from);
        return pos < blockStart[block + 1] ? blockSeqs[pos] : -1;
    }

    /** Previous event on {@code block} before {@code from}, or -1. */
    public int prevOfBlock(int block, int from) {
        checkBlock(block);
        int pos = firstAtOrAfter(block, from) - 1;
        return pos >= blockStart[block] ? blockSeqs[pos] : -1;
    }

    /** Next event on {@code block} that changes a field (checks excluded). */
    public int nextTransitionOfBlock(int block, int from) {
        checkBlock(block);
        int p = changes.rank(block, from);
        return p < changes.count(block) ? changes.seq(block, p) : -1;
    }

    /** Previous event on {@code block} that changes a field (checks excluded). */
    public int prevTransitionOfBlock(int block, int from) {
        checkBlock(block);
        int p = from == Integer.MIN_VALUE ? 0 : changes.rank(block, from - 1);
        return p > 0 ? changes.seq(block, p - 1) : -1;
    }

    /** State of {@code block} after events 0..step, without replaying from the start. */
    public BlockState stateAt(int block, int step) {
        checkBlock(block);
        int[] values = new int[FIELDS];
        changes.stateAt(block, step, values);
        return new BlockState(block, values);
    }

    /** The last event at or before {@code step} that changed {@code field} of {@code block}, or -1. */
    public int lastChange(int block, Field field, int step) {
        checkBlock(block);
        return changes.lastOf(block, field.ordinal(), changes.rank(block, step));
    }

    /** The first CSR position of {@code block} whose event is after {@code from}. */
    private int firstAfter(int block, int from) {
        return from == Integer.MAX_VALUE ? blockStart[block + 1] : firstAtOrAfter(block, from + 1);
    }

    /** The first index in [first, last] whose sample is at or after {@code seq}, or last + 1. */
    private int firstSampleAtOrAfter(int first, int last, int seq) {
        int lo = first;
        int hi = last + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (blockSample[mid] < seq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first CSR position of {@code block} whose event is at or after {@code seq}. */
    private int firstAtOrAfter(int block, int seq) {
        int base = blockStart[block];
        int s0 = sampleStart[block];
        // Sample j is the first whose event is at or after seq: the answer lies after sample j-1's
        // position and at or before sample j's.
        int j = firstSampleAtOrAfter(s0, sampleStart[block + 1] - 1, seq) - s0;
        int lo = j == 0 ? base : base + (j - 1) * SAMPLE_EVERY + 1;
        int hi = (int) Math.min(blockStart[block + 1], (long) base + (long) j * SAMPLE_EVERY);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (blockSeqs[mid] < seq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void checkBlock(int block) {
        if (block < 0 || block >= blockCount) {
            throw new IndexOutOfBoundsException("no block " + block + "; the trace has blocks 0.." + (blockCount - 1));
        }
    }

    // ------------------------------------------------------------------ kinds

    /** Next event of {@code kind} after {@code from}, or -1. */
    public int nextOfKind(EventKind kind, int from) {
        int k = kind.ordinal();
        int start = from < 0 ? 0 : from + 1;
        if (start >= size || from == Integer.MAX_VALUE) {
            return -1;
        }
        int[] explicit = kindSeqs[k];
        if (explicit != null) {
            int i = lowerBoundInBucket(k, start);
            return i < explicit.length ? explicit[i] : -1;
        }
        long bit = 1L << k;
        int seq = start;
        while (seq < size) {
            int chunk = seq >>> KIND_CHUNK_SHIFT;
            int chunkEnd = Math.min(size, (chunk + 1) << KIND_CHUNK_SHIFT);
            if ((kindChunkMask[chunk] & bit) != 0) {
                for (; seq < chunkEnd; seq++) {
                    if (trace.kindOrdinal(seq) == k) {
                        return seq;
                    }
                }
            }
            seq = chunkEnd;
        }
        return -1;
    }

    /** Previous event of {@code kind} before {@code from}, or -1. */
    public int prevOfKind(EventKind kind, int from) {
        int k = kind.ordinal();
        int start = (int) Math.min((long) from - 1, size - 1L);
        if (start < 0) {
            return -1;
        }
        int[] explicit = kindSeqs[k];
        if (explicit != null) {
            int i = lowerBoundInBucket(k, start + 1) - 1;
            return i >= 0 ? explicit[i] : -1;
        }
        long bit = 1L << k;
        int seq = start;
        while (seq >= 0) {
            int chunk = seq >>> KIND_CHUNK_SHIFT;
            int chunkStart = chunk << KIND_CHUNK_SHIFT;
            if ((kindChunkMask[chunk] & bit) != 0) {
                for (; seq >= chunkStart; seq--) {
                    if (trace.kindOrdinal(seq) == k) {
                        return seq;
                    }
                }
            }
            seq = chunkStart - 1;
        }
        return -1;
    }

    public int countOfKind(EventKind kind) {
        return kindCounts[kind.ordinal()];
    }

    /** True if {@code kind} has its own sorted list (binary search); other kinds skip by chunk masks. */
    public boolean hasSortedListOf(EventKind kind) {
        return kindSeqs[kind.ordinal()] != null;
    }

    /** The first index in [from, to) of sorted {@code a} whose value is at least {@code key}, else {@code to}. */
    private static int lowerBound(int[] a, int from, int to, int key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ------------------------------------------------------------------ causes

    /** The events whose cause is {@code seq}, ascending; computed on demand (see the class comment). */
    public int[] effects(int seq) {
        if (seq < 0 || seq >= size) {
            throw new IndexOutOfBoundsException("no event " + seq + "; the trace has " + size);
        }
        int[] found = new int[4];
        int count = 0;
        int i = seq + 1;
        while (i < size) {
            int chunk = i >>> CAUSE_CHUNK_SHIFT;
            int chunkEnd = Math.min(size, (chunk + 1) << CAUSE_CHUNK_SHIFT);
            if (causeChunkMin[chunk] <= seq && seq <= causeChunkMax[chunk]) {
                for (; i < chunkEnd; i++) {
                    if (trace.cause(i) == seq) {
                        if (count == found.length) {
                            found = Arrays.copyOf(found, count * 2);
                        }
                        found[count++] = i;
                    }
                }
            }
            i = chunkEnd;
        }
        return Arrays.copyOf(found, count);
    }

    // ------------------------------------------------------------------ memory

    /** Heap retained by the index's own arrays (not the trace's), in bytes. */
    public long retainedBytesEstimate() {
        long bytes = 4L
                        * (blockStart.length
                                + blockSeqs.length
                                + sampleStart.length
                                + blockSample.length
                                + kindCounts.length
                                + causeChunkMin.length
                                + causeChunkMax.length)
                + 8L * kindChunkMask.length
                + changes.retainedBytes();
        for (int[] a : kindSeqs) {
            if (a != null) {
                bytes += 16 + 4L * a.length;
            }
        }
        for (int[] a : kindBuckets) {
            if (a != null) {
                bytes += 16 + 4L * a.length;
            }
        }
        return bytes + 16L * 12;
    }
}
