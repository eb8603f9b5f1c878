package org.fabricscope.ui.timeline;

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

    private final Trace trace;
    private final int actorLanes;
    // [lane][category] -> ascending seqs; lane = actor ordinal, or actorLanes + block.
    private final int[][][] markers;
    private final int[] fpre004;

    private MarkerIndex(Trace trace, int actorLanes, int[][][] markers, int[] fpre004) {
        this.trace = trace;
        this.actorLanes = actorLanes;
        this.markers = markers;
        this.fpre004 = fpre004;
    }

    /**
     * Indexes the events of {@code trace} that pass {@code filter} ({@code null}: all).
     *
     * @throws CancelledException if {@code progress} is cancelled
     */
    public static MarkerIndex build(Trace trace, IntPredicate filter, Progress progress) {
        int actorLanes = ActorKind.values().length;
        int lanes = actorLanes + trace.header().topology().blockCount();
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
            if (cat == MarkerCategory.FPRE004.ordinal()) {
                fpre[fpreCount++] = seq;
            }
        }
        progress.update(2L * n, 2L * n);
        return new MarkerIndex(trace, actorLanes, markers, fpre);
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
        return lane.kind() == LaneLayout.LaneKind.ACTOR
                ? actorMarkers(lane.id(), category)
                : blockMarkers(lane.id(), category);
    }

    /** Number of markers of a lane in one category. */
    public int count(LaneLayout.Lane lane, MarkerCategory category) {
        return markers(lane, category).length;
    }

    /** Every FPRE004 event that passes the filter, ascending. */
    public int[] fpre004() {
        return fpre004.clone();
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
        if (hi > seqs.length) {
            hi = seqs.length;
        }
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
