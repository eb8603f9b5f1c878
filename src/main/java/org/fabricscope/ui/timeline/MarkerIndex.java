package org.fabricscope.ui.timeline;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.fabricscope.trace.ActorKind;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/**
 * The event markers of every lane, by {@link MarkerCategory}: ascending sequence numbers, so
 * (times never decreasing) a lane's markers in a time range are found by binary search. An event
 * is on its actor's lane and, if it names a block, on that block's lane. Built once per trace and
 * event filter; plain Java.
 */
public final class MarkerIndex {
    private static final int[] NONE = new int[0];
    private static final int PROGRESS_EVERY = 1 << 16;
    /** Every {@code 2^SAMPLE_SHIFT}-th marker's time is kept beside the seqs (see {@link #firstAtOrAfter}). */
    private static final int SAMPLE_SHIFT = 3;

    private static final long[] NO_SAMPLES = new long[0];

    private final Trace trace;
    private final int actorLanes;
    /** Lanes before the node lanes: actor lanes, then one per block. */
    private final int blockLanesEnd;
    /** {@link LaneLayout#actorNodeLaneId} of each node lane (ascending); node lane k is lane blockLanesEnd + k. */
    private final int[] nodeLaneIds;
    // [lane][category] -> ascending seqs; lane = actor ordinal, or actorLanes + block.
    private final int[][][] markers;
    /**
     * [lane][category] -> the time of every {@code 2^SAMPLE_SHIFT}-th marker: a search walks this
     * small, contiguous array and then at most a few seqs, instead of looking up the time of each
     * probed seq in the trace (one cache miss each on a large trace).
     */
    private final long[][][] samples;
    /** [lane][category] -> a bitmap of where the markers are, for zoomed-out frames; null when few. */
    private final MarkerSummary[][] summaries;

    private final int[] fpre004;
    /** The longest time from a write's issue to its ACK (0 when none): brackets need at least 2 pixels. */
    private final long maxAckSpanMicros;

    private MarkerIndex(Trace trace, int actorLanes, int[] nodeLaneIds, int[][][] markers, int[] fpre004) {
        this.trace = trace;
        this.actorLanes = actorLanes;
        this.nodeLaneIds = nodeLaneIds;
        this.blockLanesEnd = markers.length - nodeLaneIds.length;
        this.markers = markers;
        this.fpre004 = fpre004;
        this.samples = new long[markers.length][][];
        this.summaries = new MarkerSummary[markers.length][];
        long start = trace.size() == 0 ? 0 : trace.startMicros();
        long end = trace.size() == 0 ? 0 : trace.endMicros();
        for (int l = 0; l < markers.length; l++) {
            samples[l] = new long[markers[l].length][];
            summaries[l] = new MarkerSummary[markers[l].length];
            for (int c = 0; c < markers[l].length; c++) {
                int[] seqs = markers[l][c];
                long[] t = seqs.length == 0 ? NO_SAMPLES : new long[((seqs.length - 1) >>> SAMPLE_SHIFT) + 1];
                for (int j = 0; j < t.length; j++) {
                    t[j] = trace.timeMicros(seqs[j << SAMPLE_SHIFT]);
                }
                samples[l][c] = t;
                MarkerSummary summary = MarkerSummary.forMarkers(seqs.length, start, end);
                if (summary != null) {
                    for (int seq : seqs) {
                        summary.add(trace.timeMicros(seq));
                    }
                    summary.seal();
                }
                summaries[l][c] = summary;
            }
        }
        long maxSpan = 0;
        for (int a = 0; a < actorLanes; a++) {
            for (int seq : markers[a][MarkerCategory.ACK.ordinal()]) {
                int cause = trace.cause(seq);
                if (cause >= 0) {
                    maxSpan = Math.max(maxSpan, trace.timeMicros(seq) - trace.timeMicros(cause));
                }
            }
        }
        this.maxAckSpanMicros = maxSpan;
    }

    /**
     * Indexes the events of {@code trace} that pass {@code filter} ({@code null}: all).
     *
     * @throws CancelledException if {@code progress} is cancelled
     */
    public static MarkerIndex build(Trace trace, IntPredicate filter, Progress progress) {
        return build(trace, filter, NONE, progress);
    }

    /**
     * As {@link #build(Trace, IntPredicate, Progress)}, with a lane for each actor-on-a-node in
     * {@code nodeLaneIds} ({@link LaneLayout#actorNodeLaneId} ids; focus mode asks for the few it
     * shows).
     */
    public static MarkerIndex build(Trace trace, IntPredicate filter, int[] nodeLaneIds, Progress progress) {
        int actorLanes = ActorKind.values().length;
        int[] nodeIds = nodeLaneIds.clone();
        Arrays.sort(nodeIds);
        int blockLanesEnd = actorLanes + trace.header().topology().blockCount();
        int lanes = blockLanesEnd + nodeIds.length;
        int cats = MarkerCategory.count();
        int n = trace.size();
        int[][] counts = new int[lanes][cats];
        boolean[] shown = new boolean[n];
        int fpreCount = 0;
        for (int seq = 0; seq < n; seq++) {
            checkProgress(progress, seq, 2L * n);
            if (filter != null && !filter.test(seq)) {
                continue;
            }
            shown[seq] = true;
            int cat = MarkerCategory.ofKindOrdinal(trace.kindOrdinal(seq)).ordinal();
            counts[trace.kind(seq).actorKind().ordinal()][cat]++;
            int b = trace.block(seq);
            if (b >= 0) {
                counts[actorLanes + b][cat]++;
            }
            int k = nodeLane(trace, seq, nodeIds);
            if (k >= 0) {
                counts[blockLanesEnd + k][cat]++;
            }
            if (cat == MarkerCategory.FPRE004.ordinal()) {
                fpreCount++;
            }
        }
        int[][][] markers = new int[lanes][cats][];
        for (int l = 0; l < lanes; l++) {
            for (int c = 0; c < cats; c++) {
                markers[l][c] = counts[l][c] == 0 ? NONE : new int[counts[l][c]];
                counts[l][c] = 0;
            }
        }
        int[] fpre = new int[fpreCount];
        fpreCount = 0;
        for (int seq = 0; seq < n; seq++) {
            checkProgress(progress, n + (long) seq, 2L * n);
            if (!shown[seq]) {
                continue;
            }
            int cat = MarkerCategory.ofKindOrdinal(trace.kindOrdinal(seq)).ordinal();
            int a = trace.kind(seq).actorKind().ordinal();
            markers[a][cat][counts[a][cat]++] = seq;
            int b = trace.block(seq);
            if (b >= 0) {
                int l = actorLanes + b;
                markers[l][cat][counts[l][cat]++] = seq;
            }
            int k = nodeLane(trace, seq, nodeIds);
            if (k >= 0) {
                int l = blockLanesEnd + k;
                markers[l][cat][counts[l][cat]++] = seq;
            }
            if (cat == MarkerCategory.FPRE004.ordinal()) {
                fpre[fpreCount++] = seq;
            }
        }
        progress.update(2L * n, 2L * n);
        return new MarkerIndex(trace, actorLanes, nodeIds, markers, fpre);
    }

    /** The node lane (index into {@code nodeIds}) event {@code seq} is on, or -1. */
    private static int nodeLane(Trace trace, int seq, int[] nodeIds) {
        if (nodeIds.length == 0 || trace.node(seq) < 0) {
            return -1;
        }
        int id = trace.node(seq) * ActorKind.values().length
                + trace.kind(seq).actorKind().ordinal();
        int k = Arrays.binarySearch(nodeIds, id);
        return k >= 0 ? k : -1;
    }

    /** The actor-on-a-node lanes this index holds ({@link LaneLayout#actorNodeLaneId} ids, ascending). */
    public int[] nodeLaneIds() {
        return nodeLaneIds.clone();
    }

    /** Whether this index has markers for every lane of {@code ids} ({@link LaneLayout#actorNodeLaneId}). */
    public boolean hasNodeLanes(int[] ids) {
        for (int id : ids) {
            if (Arrays.binarySearch(nodeLaneIds, id) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The row of {@code lane} in the per-lane arrays; -1 for a node lane this index does not hold. */
    private int laneIndex(LaneLayout.Lane lane) {
        switch (lane.kind()) {
            case ACTOR:
                return lane.id();
            case BLOCK:
                return actorLanes + lane.id();
            default:
                int k = Arrays.binarySearch(nodeLaneIds, lane.id());
                return k >= 0 ? blockLanesEnd + k : -1;
        }
    }

    private static void checkProgress(Progress progress, long done, long total) {
        if ((done & (PROGRESS_EVERY - 1)) == 0) {
            progress.update(done, total);
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
        }
    }

    public Trace trace() {
        return trace;
    }

    /** Markers of an actor lane in one category (ascending seqs; do not modify). */
    int[] actorMarkers(int actorOrdinal, MarkerCategory category) {
        return markers[actorOrdinal][category.ordinal()];
    }

    /** Markers of a block lane in one category (ascending seqs; do not modify). */
    int[] blockMarkers(int block, MarkerCategory category) {
        return markers[actorLanes + block][category.ordinal()];
    }

    /** Markers of a lane in one category (ascending seqs; do not modify). */
    int[] markers(LaneLayout.Lane lane, MarkerCategory category) {
        int l = laneIndex(lane);
        return l < 0 ? NONE : markers[l][category.ordinal()];
    }

    /** Where a lane's markers of one category are, coarsely; {@code null} for a lane with few. */
    MarkerSummary summary(LaneLayout.Lane lane, MarkerCategory category) {
        int l = laneIndex(lane);
        return l < 0 ? null : summaries[l][category.ordinal()];
    }

    /** Number of markers of a lane in one category. */
    public int count(LaneLayout.Lane lane, MarkerCategory category) {
        return markers(lane, category).length;
    }

    /** Every FPRE004 event that passes the filter, ascending. */
    public int[] fpre004() {
        return fpre004.clone();
    }

    /** The longest issue-to-ACK time of any ACK marker, in microseconds (0 when there is none). */
    long maxAckSpanMicros() {
        return maxAckSpanMicros;
    }

    int fpre004Count() {
        return fpre004.length;
    }

    int fpre004At(int i) {
        return fpre004[i];
    }

    /** The first index in {@code seqs} whose event time is at or after {@code t}. */
    int firstAtOrAfter(int[] seqs, int from, double t) {
        // Gallop first: while walking pixel by pixel the target is usually a few entries ahead.
        int lo = from;
        int step = 1;
        int hi = from;
        while (hi < seqs.length && trace.timeMicros(seqs[hi]) < t) {
            lo = hi + 1;
            hi = hi + step;
            step <<= 1;
        }
        return search(seqs, lo, Math.min(hi, seqs.length), t);
    }

    /**
     * As {@link #firstAtOrAfter(int[], int, double)} over {@code lane}'s markers of {@code category},
     * but galloping over the sampled times first, so that only the last few probes touch the trace.
     */
    int firstAtOrAfter(LaneLayout.Lane lane, MarkerCategory category, int from, double t) {
        int l = laneIndex(lane);
        if (l < 0) {
            return 0;
        }
        int[] seqs = markers[l][category.ordinal()];
        long[] sampled = samples[l][category.ordinal()];
        if (from >= seqs.length) {
            return seqs.length;
        }
        if (trace.timeMicros(seqs[from]) >= t) {
            // Walking a sparse lane, the next marker is usually the answer: one probe, and the
            // caller finds its time in the cache.
            return from;
        }
        // The first sample after from's own that is at or after t: everything before the sample
        // preceding it is earlier than t.
        int j0 = (from >>> SAMPLE_SHIFT) + 1;
        int lo = j0;
        int hi = j0;
        int step = 1;
        while (hi < sampled.length && sampled[hi] < t) {
            lo = hi + 1;
            hi += step;
            step <<= 1;
        }
        hi = Math.min(hi, sampled.length);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sampled[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int j = lo;
        int first = Math.max(from, (j - 1) << SAMPLE_SHIFT);
        int last = (int) Math.min(seqs.length, (long) j << SAMPLE_SHIFT);
        return search(seqs, first, last, t);
    }

    /** The first index in [lo, hi) whose time is at or after t, else hi. */
    private int search(int[] seqs, int lo, int hi, double t) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (trace.timeMicros(seqs[mid]) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
