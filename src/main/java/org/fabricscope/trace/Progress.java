package org.fabricscope.trace;

/**
 * Progress reporting and cooperative cancellation for long work (loading, simulating, sweeping).
 * Implementations must be cheap: callers report every few thousand units of work.
 */
public interface Progress {
    /** A progress that reports nowhere and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports {@code done} units out of {@code total} ({@code total} may be -1 when unknown). */
    void update(long done, long total);

    /** True once the user asked to stop; the worker then throws {@link CancelledException}. */
    boolean isCancelled();

    /** Throws {@link CancelledException} if cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /**
     * Names the phase the work is in ("Reading x.jsonl…", "Indexing…"), for whoever shows the
     * progress. Ignored by default.
     */
    default void phase(String description) {}

    /**
     * This progress seen as one phase of a longer job: the phase's own {@code 0..total} maps onto
     * the fraction {@code from..to} of the whole, so a bar fed by consecutive phases only moves
     * forward instead of restarting at each. Cancellation and phase names go to this progress.
     */
    default Progress part(double from, double to) {
        if (!(0 <= from && from <= to && to <= 1)) {
            throw new IllegalArgumentException("a part must lie within 0..1: " + from + ".." + to);
        }
        Progress whole = this;
        return new Progress() {
            @Override
            public void update(long done, long total) {
                if (total <= 0) {
                    whole.update(Math.round(from * PART_SCALE), PART_SCALE);
                    return;
                }
                double fraction = Math.min(1.0, Math.max(0.0, (double) done / total));
                whole.update(Math.round((from + fraction * (to - from)) * PART_SCALE), PART_SCALE);
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }

            @Override
            public void phase(String description) {
                whole.phase(description);
            }
        };
    }

    /** The resolution of {@link #part}: a whole job counts this many units. */
    long PART_SCALE = 1_000_000L;
}
