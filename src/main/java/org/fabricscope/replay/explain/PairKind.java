package org.fabricscope.replay.explain;

import org.fabricscope.replay.BlockState;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.Field;

/**
 * Which of the fabric's rules an FPRE004 says was broken, read from the field that exposed it.
 * Each kind carries the rule as a predicate on a block's state, so that "did the block really hold
 * the pair" is a question about states, not about the verifier's reads.
 */
public enum PairKind {
    /** A buffer may be READY only when no write is pending: exposed by lastWritePending or the lock. */
    PENDING_WRITE("pending-write"),
    /** A READY buffer must hold the committed version: exposed by the checksum or a version. */
    STALE_VERSION("stale-version"),
    /** The FPRE004 names no field, or one outside both rules. */
    OTHER("other");

    private static final int READY = CacheState.READY.ordinal();

    private final String jsonName;

    PairKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The stable name in {@code explain --json}. */
    public String jsonName() {
        return jsonName;
    }

    /** The kind an FPRE004 exposed by {@code field} belongs to. */
    public static PairKind exposedBy(Field field) {
        if (field == null) {
            return OTHER;
        }
        switch (field) {
            case LAST_WRITE_PENDING:
            case LOCK_HOLDER:
                return PENDING_WRITE;
            case CHECKSUM:
            case CACHE_VERSION:
            case VERSION:
                return STALE_VERSION;
            default:
                return OTHER;
        }
    }

    /** True if a block in {@code state} breaks this rule. */
    public boolean brokenBy(BlockState state) {
        return brokenBy(
                state.get(Field.CACHE_STATE),
                state.get(Field.LAST_WRITE_PENDING),
                state.get(Field.CACHE_VERSION),
                state.get(Field.VERSION));
    }

    /** {@link #brokenBy(BlockState)} on the four fields it reads. */
    boolean brokenBy(int cacheState, int lastWritePending, int cacheVersion, int version) {
        switch (this) {
            case PENDING_WRITE:
                return cacheState == READY && lastWritePending != 0;
            case STALE_VERSION:
                return cacheState == READY && cacheVersion != version;
            default:
                return false;
        }
    }

    /** The rule in words, e.g. for the headline. */
    public String rule() {
        switch (this) {
            case PENDING_WRITE:
                return "a cache buffer may be READY only when no write is pending on the block";
            case STALE_VERSION:
                return "a READY cache buffer must hold the version committed on the media";
            default:
                return "the block's metadata must be consistent";
        }
    }
}
