package org.fabricscope.trace;

/**
 * Progress reporting and cooperative cancellation for long work (loading, simulating, sweeping).
 * Implementations must be cheap: callers report every few thousand units of work.
 */
public interface Progress {
    /** A progress that reports nowhere and is never cancelled. */
    Progress NONE =
            new Progress() {
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
}
