package org.fabricscope.ui.timeline;

import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/**
 * What the timeline draws for each block, precomputed once per trace: per block and {@link Band}
 * the change points of its state, searched by binary search for the visible range. Plain Java (no
 * JavaFX), immutable once built, so it can be built on a background thread and unit tested.
 *
 * <p>State changes are events with a field, except verifier reads ({@link EventKind#VERIFY_CHECK}
 * and {@link EventKind#FPRE004}), which name a field they only looked at.
 */
public final class TimelineModel {
    private static final int PROGRESS_EVERY = 1 << 16;

    private final Trace trace;
    private final StateSeries[][] series;

    private TimelineModel(Trace trace, StateSeries[][] series) {
        this.trace = trace;
        this.series = series;
    }

    /**
     * Scans {@code trace} once.
     *
     * @throws CancelledException if {@code progress} is cancelled
     */
    public static TimelineModel build(Trace trace, Progress progress) {
        int blocks = trace.header().topology().blockCount();
        int bands = Band.values().length;
        StateSeries.Builder[][] builders = new StateSeries.Builder[blocks][bands];
        int[][] fields = new int[blocks][Field.count()];
        for (int b = 0; b < blocks; b++) {
            for (int s = 0; s < bands; s++) {
                builders[b][s] = new StateSeries.Builder();
            }
        }
        int verifyCheck = EventKind.VERIFY_CHECK.ordinal();
        int fpre = EventKind.FPRE004.ordinal();
        int cacheField = Field.CACHE_STATE.ordinal();
        int pendingField = Field.LAST_WRITE_PENDING.ordinal();
        int lockField = Field.LOCK_HOLDER.ordinal();
        int compactionField = Field.COMPACTION.ordinal();
        int healthField = Field.HEALTH.ordinal();
        int ready = CacheState.READY.ordinal();
        int n = trace.size();
        for (int seq = 0; seq < n; seq++) {
            if ((seq & (PROGRESS_EVERY - 1)) == 0) {
                progress.update(seq, n);
                if (progress.isCancelled()) {
                    throw new CancelledException();
                }
            }
            int b = trace.block(seq);
            int f = trace.fieldOrdinal(seq);
            int k = trace.kindOrdinal(seq);
            if (b < 0 || f < 0 || k == verifyCheck || k == fpre) {
                continue;
            }
            int[] values = fields[b];
            values[f] = trace.newValue(seq);
            long t = trace.timeMicros(seq);
            StateSeries.Builder[] sb = builders[b];
            if (f == cacheField) {
                sb[Band.CACHE.ordinal()].change(t, values[f], seq);
            } else if (f == compactionField) {
                sb[Band.COMPACTION.ordinal()].change(t, values[f], seq);
            } else if (f == healthField) {
                sb[Band.HEALTH.ordinal()].change(t, values[f], seq);
            }
            if (f == pendingField || f == lockField) {
                int w = (values[pendingField] != 0 ? Band.WRITE_PENDING : 0)
                        | (values[lockField] != 0 ? Band.WRITE_LOCKED : 0);
                sb[Band.WRITE.ordinal()].change(t, w, seq);
            }
            if (f == pendingField || f == cacheField) {
                int hazard = values[cacheField] == ready && values[pendingField] != 0 ? 1 : 0;
                sb[Band.HAZARD.ordinal()].change(t, hazard, seq);
            }
        }
        progress.update(n, n);
        StateSeries[][] series = new StateSeries[blocks][bands];
        for (int b = 0; b < blocks; b++) {
            for (int s = 0; s < bands; s++) {
                series[b][s] = builders[b][s].build();
            }
        }
        return new TimelineModel(trace, series);
    }

    public Trace trace() {
        return trace;
    }

    public int blockCount() {
        return series.length;
    }

    public StateSeries series(int block, Band band) {
        return series[block][band.ordinal()];
    }
}
