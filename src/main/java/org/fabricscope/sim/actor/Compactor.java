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
 * <p>Rules modelled: every {@code compactionIntervalMicros} of the node's clock it takes one block:
 * the oldest of its blocks rewritten since their last compaction (a rewrite leaves the old data
 * behind as garbage, so compaction follows the writes, and a busy archive gets most of its work),
 * else the next of its blocks in round robin. It skips a block that is already being compacted.
 * Like the legacy prefetch engine it never looks at the write lock. It copies the block (COPYING,
 * {@code compactionCopyMicros}), and if the version did not move meanwhile switches it to a new
 * extent (SWITCHING, {@code compactionSwitchMicros}); otherwise it gives the block up. Having just
 * read the data, the legacy code then refreshes the block's cache if it has one (READY, or FILLING:
 * a prefetch fill in flight): cacheVersion := version and cacheState := READY, without looking at
 * the write lock; a stale (INVALID) buffer it asks the node's prefetch engine to refill from the
 * new extent. What can go wrong: a prefetch fill that started after a late write's data landed
 * is still filling when compaction's refresh arrives; the refresh marks the buffer READY at once,
 * while the write still holds the lock, and the block is "last write pending" and "cache ready"
 * (the fill, no longer owning a FILLING buffer, gives up when it lands). Or the refill it asked for
 * lands while the late write still holds the lock, and the legacy prefetch engine marks it READY.
 * With the {@code barrier}
 * switch the refresh is skipped while a write holds the lock or is pending.
 */
final class Compactor {
    private final World w;
    private final int node;
    private final String name;
    private final SplitMix64 rng;
    private final int[] ownBlocks;
    private int cursor;
    /** Blocks rewritten since their last compaction, oldest first, each at most once. */
    private final java.util.ArrayDeque<Integer> rewritten = new java.util.ArrayDeque<>();

    private final boolean[] queued;

    Compactor(World w, int node, SplitMix64 rng) {
        this.w = w;
        this.node = node;
        this.name = "compaction@n" + node;
        this.rng = rng;
        this.ownBlocks = w.fabric.blocksOfNode(node);
        this.queued = new boolean[w.fabric.blockCount()];
    }

    /** A write's data landed on {@code b}: its old data is now garbage to compact. */
    void rewritten(Block b) {
        if (!queued[b.id()]) {
            queued[b.id()] = true;
            rewritten.add(b.id());
        }
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
        Block b;
        if (!rewritten.isEmpty()) {
            b = w.fabric.block(rewritten.poll());
            queued[b.id()] = false;
        } else {
            b = w.fabric.block(ownBlocks[cursor]);
            cursor = (cursor + 1) % ownBlocks.length;
        }
        // A skipped pass (a shrunk reproducer's) still takes its block off the queue and its number.
        boolean skipped = w.p.compactionPassesSkipped.contains(w.newCompactionPassId());
        if (!skipped && b.get(Field.COMPACTION) == CompactionState.IDLE.ordinal()) {
            copy(b);
        }
        w.engine.after(w.onNode(node, w.p.compactionIntervalMicros), this::tick);
    }

    private void copy(Block b) {
        int copied = b.get(Field.VERSION);
        int c = b.set(
                w.engine,
                Field.COMPACTION,
                CompactionState.COPYING.ordinal(),
                EventKind.COMPACT_COPY,
                name,
                -1,
                copied);
        w.engine.after(w.onNode(node, w.p.compactionCopyMicros), () -> switchExtent(b, copied, c));
    }

    private void switchExtent(Block b, int copied, int cause) {
        if (b.get(Field.VERSION) != copied) {
            b.set(w.engine, Field.COMPACTION, CompactionState.IDLE.ordinal(), EventKind.COMPACT_DONE, name, cause, 0);
            return;
        }
        int c = b.set(
                w.engine,
                Field.COMPACTION,
                CompactionState.SWITCHING.ordinal(),
                EventKind.COMPACT_SWITCH,
                name,
                cause,
                copied);
        int extent = w.fabric.newExtent();
        int s = World.chain(c, b.set(w.engine, Field.EXTENT, extent, EventKind.COMPACT_SWITCH, name, c, copied));
        w.engine.after(w.onNode(node, w.p.compactionSwitchMicros), () -> refresh(b, s));
    }

    private void refresh(Block b, int cause) {
        int c = cause;
        boolean writeInFlight = b.get(Field.LOCK_HOLDER) != 0 || b.get(Field.LAST_WRITE_PENDING) != 0;
        int state = b.get(Field.CACHE_STATE);
        boolean cached = state == CacheState.READY.ordinal() || state == CacheState.FILLING.ordinal();
        boolean refresh = !(w.patch.barrier() && writeInFlight);
        if (cached && refresh) {
            int version = b.get(Field.VERSION);
            c = World.chain(
                    c, b.set(w.engine, Field.CACHE_VERSION, version, EventKind.COMPACT_REFRESH, name, c, version));
            c = World.chain(
                    c,
                    b.set(
                            w.engine,
                            Field.CACHE_STATE,
                            CacheState.READY.ordinal(),
                            EventKind.COMPACT_REFRESH,
                            name,
                            c,
                            version));
        }
        int done = World.chain(
                c,
                b.set(w.engine, Field.COMPACTION, CompactionState.IDLE.ordinal(), EventKind.COMPACT_DONE, name, c, 1));
        if (state == CacheState.INVALID.ordinal() && refresh) {
            // A stale buffer of a moved block is refilled from its new extent by the prefetch engine.
            w.prefetchers[node].fill(b, done);
        }
    }
}
