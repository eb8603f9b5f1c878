package org.fabricscope.sim.actor;

import org.fabricscope.sim.core.SplitMix64;
import org.fabricscope.sim.fabric.Block;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.CompactionState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;

/**
 * Background compaction on one node.
 *
 * <p>Rules modelled: every {@code compactionIntervalMicros} of the node's clock it takes the next of
 * its blocks (round robin) that is idle and not locked, copies it (COPYING, {@code
 * compactionCopyMicros}), and if the version did not move meanwhile switches it to a new extent
 * (SWITCHING, {@code compactionSwitchMicros}); otherwise it gives the block up. Having just read
 * the data, the legacy code then refreshes the block's cache: cacheVersion := version and
 * cacheState := READY, without looking at the write lock. What can go wrong: a write that takes
 * the lock after the copy started and whose ACK is late leaves the block "last write pending" and
 * "cache ready" at once. With the {@code barrier} switch the refresh is skipped while a write holds
 * the lock or is pending.
 */
final class Compactor {
    private final World w;
    private final int node;
    private final String name;
    private final SplitMix64 rng;
    private final int[] ownBlocks;
    private int cursor;

    Compactor(World w, int node, SplitMix64 rng) {
        this.w = w;
        this.node = node;
        this.name = "compaction@n" + node;
        this.rng = rng;
        this.ownBlocks = w.fabric.blocksOfNode(node);
    }

    void start() {
        if (ownBlocks.length == 0) {
            return;
        }
        cursor = rng.nextInt(ownBlocks.length);
        // The first pass starts at a random phase of the node's own clock, so skewed nodes compact
        // out of step with each other.
        long firstLocal = w.fabric.clock(node).localTime(0) + rng.uniform(0, w.p.compactionIntervalMicros);
        w.engine.at(w.fabric.clock(node).realTimeOf(firstLocal), this::tick);
    }

    private void tick() {
        if (!w.workloadOpen()) {
            return;
        }
        Block b = w.fabric.block(ownBlocks[cursor]);
        cursor = (cursor + 1) % ownBlocks.length;
        if (b.get(Field.COMPACTION) == CompactionState.IDLE.ordinal() && b.get(Field.LOCK_HOLDER) == 0) {
            copy(b);
        }
        w.engine.after(w.onNode(node, w.p.compactionIntervalMicros), this::tick);
    }

    private void copy(Block b) {
        int copied = b.get(Field.VERSION);
        int c = b.set(w.engine, Field.COMPACTION, CompactionState.COPYING.ordinal(), EventKind.COMPACT_COPY, name, -1,
                copied);
        w.engine.after(w.onNode(node, w.p.compactionCopyMicros), () -> switchExtent(b, copied, c));
    }

    private void switchExtent(Block b, int copied, int cause) {
        if (b.get(Field.VERSION) != copied) {
            b.set(w.engine, Field.COMPACTION, CompactionState.IDLE.ordinal(), EventKind.COMPACT_DONE, name, cause, 0);
            return;
        }
        int c = b.set(w.engine, Field.COMPACTION, CompactionState.SWITCHING.ordinal(), EventKind.COMPACT_SWITCH, name,
                cause, copied);
        int extent = w.fabric.newExtent();
        int s = World.chain(c, b.set(w.engine, Field.EXTENT, extent, EventKind.COMPACT_SWITCH, name, c, copied));
        w.engine.after(w.onNode(node, w.p.compactionSwitchMicros), () -> refresh(b, s));
    }

    private void refresh(Block b, int cause) {
        int c = cause;
        boolean writeInFlight = b.get(Field.LOCK_HOLDER) != 0 || b.get(Field.LAST_WRITE_PENDING) != 0;
        if (!(w.patch.barrier() && writeInFlight)) {
            int version = b.get(Field.VERSION);
            c = World.chain(c, b.set(w.engine, Field.CACHE_VERSION, version, EventKind.COMPACT_REFRESH, name, c, version));
            c = World.chain(c, b.set(w.engine, Field.CACHE_STATE, CacheState.READY.ordinal(), EventKind.COMPACT_REFRESH,
                    name, c, version));
        }
        b.set(w.engine, Field.COMPACTION, CompactionState.IDLE.ordinal(), EventKind.COMPACT_DONE, name, c, 1);
    }
}
