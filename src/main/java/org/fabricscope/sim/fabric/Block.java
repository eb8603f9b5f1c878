package org.fabricscope.sim.fabric;

import org.fabricscope.sim.core.Engine;
import org.fabricscope.sim.core.ModelAssertionError;
import org.fabricscope.sim.core.SplitMix64;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.CompactionState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;

/**
 * One block and its metadata record. Every field change goes through {@link #set}, which records
 * exactly one event for it, so the trace holds the block's whole history.
 *
 * <p>Rules: the data checksum of a version is a pure function of (block, version), so a cached
 * buffer "has the wrong checksum" exactly when it holds another version than the media.
 */
public final class Block {
    private final int id;
    private final int node;
    private final int drive;
    private final FileRun file;
    private final int indexInFile;
    private final int[] values = new int[Field.count()];

    Block(int id, int node, int drive, FileRun file, int indexInFile) {
        this.id = id;
        this.node = node;
        this.drive = drive;
        this.file = file;
        this.indexInFile = indexInFile;
    }

    public int id() {
        return id;
    }

    public int node() {
        return node;
    }

    /** Drive number within the node. */
    public int drive() {
        return drive;
    }

    public FileRun file() {
        return file;
    }

    public int indexInFile() {
        return indexInFile;
    }

    public int get(Field f) {
        return values[f.ordinal()];
    }

    /**
     * Sets a field and records the change as one event at the engine's current time.
     *
     * @return the event's sequence number, or -1 if the value did not change (nothing recorded)
     */
    public int set(Engine engine, Field f, int value, EventKind kind, String actor, int cause, int arg) {
        int old = values[f.ordinal()];
        if (old == value) {
            return -1;
        }
        checkTransition(f, old, value, kind, actor, engine.now());
        values[f.ordinal()] = value;
        return engine.emit(id, node, actor, kind, f, old, value, cause, arg);
    }

    private static final int LOCK = Field.LOCK_HOLDER.ordinal();
    private static final int PENDING = Field.LAST_WRITE_PENDING.ordinal();
    private static final int EMPTY = CacheState.EMPTY.ordinal();
    private static final int FILLING = CacheState.FILLING.ordinal();
    private static final int READY = CacheState.READY.ordinal();
    private static final int INVALID = CacheState.INVALID.ordinal();
    private static final int IDLE = CompactionState.IDLE.ordinal();
    private static final int COPYING = CompactionState.COPYING.ordinal();
    private static final int SWITCHING = CompactionState.SWITCHING.ordinal();

    /**
     * The block's rules, checked on every change before it is made (a few comparisons; always on).
     * A write takes the lock, then sets lastWritePending; its ACK releases the lock, then clears
     * lastWritePending: so the pair moves only (free, clear) → (held, clear) → (held, pending) →
     * (free, pending) → (free, clear), and a lock passes between writes only through a release. The
     * version moves up by one, by a media write under the lock. A buffer fills from EMPTY or INVALID,
     * becomes READY only from FILLING, and is invalidated only when READY or FILLING. Compaction goes
     * IDLE → COPYING → SWITCHING → IDLE (or back to IDLE when the copy is outdated).
     *
     * @throws ModelAssertionError naming the block, the change and the rule it breaks
     */
    void checkTransition(Field f, int old, int value, EventKind kind, String actor, long nowMicros) {
        String broken = brokenRule(f, old, value, kind);
        if (broken != null) {
            throw new ModelAssertionError("block " + id + ": " + f.jsonName() + " " + f.format(old) + " → "
                    + f.format(value) + " by " + kind + " (" + actor + ") at t=" + nowMicros + " µs: " + broken);
        }
    }

    private String brokenRule(Field f, int old, int value, EventKind kind) {
        if (f.type() == Field.ValueType.BOOL && value != 0 && value != 1) {
            return "not a boolean";
        }
        if (f.type() == Field.ValueType.ENUM
                && (value < 0 || value >= f.enumNames().size())) {
            return "not a " + f.jsonName() + " state";
        }
        switch (f) {
            case LOCK_HOLDER:
                if (value < 0) {
                    return "a write id is positive";
                }
                if (old != 0 && value != 0) {
                    return "the lock passed between writes without a release";
                }
                if (value != 0 && values[PENDING] != 0) {
                    return "a write took the lock while lastWritePending was still set";
                }
                if (value == 0 && values[PENDING] == 0) {
                    return "the lock was released with no write pending";
                }
                return null;
            case LAST_WRITE_PENDING:
                if (value != 0 && values[LOCK] == 0) {
                    return "lastWritePending set while no write holds the lock";
                }
                if (value == 0 && values[LOCK] != 0) {
                    return "lastWritePending cleared while write " + values[LOCK] + " still holds the lock";
                }
                return null;
            case VERSION:
                if (kind == EventKind.BLOCK_INIT) {
                    return value > 0 ? null : "a block starts at a positive version";
                }
                if (kind != EventKind.WRITE_MEDIA || values[LOCK] == 0) {
                    return "the version changes only by a media write holding the lock";
                }
                return value == old + 1 ? null : "the version moves up by one per write";
            case CACHE_STATE:
                if (value == FILLING) {
                    return old == EMPTY || old == INVALID ? null : "a fill starts only on an EMPTY or INVALID buffer";
                }
                if (value == READY) {
                    return old == FILLING ? null : "a buffer becomes READY only from FILLING";
                }
                if (value == INVALID) {
                    return old == READY || old == FILLING ? null : "only a READY or FILLING buffer is invalidated";
                }
                return "a buffer never becomes EMPTY again";
            case COMPACTION:
                if (value == COPYING) {
                    return old == IDLE ? null : "a copy starts only when compaction is IDLE";
                }
                if (value == SWITCHING) {
                    return old == COPYING ? null : "the extent switches only after a copy";
                }
                return null; // back to IDLE from COPYING or SWITCHING
            default:
                return null;
        }
    }

    /** Sets a field at time 0 as a {@link EventKind#BLOCK_INIT} event. */
    void init(Engine engine, Field f, int value) {
        set(engine, f, value, EventKind.BLOCK_INIT, "system", -1, 0);
    }

    /** The data checksum of this block at {@code version}. */
    public int checksumOf(int version) {
        return (int) SplitMix64.mix(((long) id << 32) ^ (version & 0xFFFFFFFFL) ^ 0x5DEECE66DL);
    }
}
