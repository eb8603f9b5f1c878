package org.fabricscope.sim.fabric;

import org.fabricscope.sim.core.Engine;
import org.fabricscope.sim.core.SplitMix64;
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
        values[f.ordinal()] = value;
        return engine.emit(id, node, actor, kind, f, old, value, cause, arg);
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
