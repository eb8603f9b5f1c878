package org.fabricscope.ui.timeline;

/** The bands of a block lane, each a {@link StateSeries} of the block's metadata. */
public enum Band {
    /** Cache buffer state: {@link org.fabricscope.trace.CacheState} ordinal. The main band. */
    CACHE,
    /**
     * The write's hold on the block: bit 0 = lastWritePending, bit 1 = a write holds the lock;
     * see {@link #WRITE_PENDING} and {@link #WRITE_LOCKED}.
     */
    WRITE,
    /** Compaction state: {@link org.fabricscope.trace.CompactionState} ordinal. */
    COMPACTION,
    /** Health: {@link org.fabricscope.trace.Health} ordinal. */
    HEALTH,
    /**
     * 1 while the block is both "cache ready" and "last write pending": the inconsistent pair the
     * legacy verifier turns into FPRE004. Derived, so the race is visible before the verifier fires.
     */
    HAZARD;

    /** {@link #WRITE} bit: lastWritePending is set. */
    public static final int WRITE_PENDING = 1;
    /** {@link #WRITE} bit: a write holds the lock. */
    public static final int WRITE_LOCKED = 2;

    private static final Band[] VALUES = values();

    public static Band ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
