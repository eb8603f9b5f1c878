package org.fabricscope.sim.actor;

import org.fabricscope.sim.core.SplitMix64;
import org.fabricscope.sim.fabric.Block;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;

/**
 * The prefetch engine of one node.
 *
 * <p>Rules modelled: when a client's read ends at block i of a file, the blocks i+1 ..
 * i+{@code prefetchDepthBlocks} are expected next; each one whose buffer is EMPTY or INVALID starts
 * a fill (FILLING) that captures the media version at its start and lands after {@code
 * prefetchFillMicrosMin..Max}. The legacy engine then marks the buffer READY if it is still
 * FILLING by this very fill (a write invalidating the buffer cancels the fill); it never looks at
 * the write lock. What can go wrong: a fill that
 * starts after a write's data landed but before its late ACK marks the buffer READY while the
 * block is still "last write pending".
 *
 * <p>Patch switches: {@code backoff} waits {@code prefetchBackoffMicros} before marking;
 * {@code barrier} marks READY only if no write holds the lock (else it holds, re-checking every
 * {@code barrierPollMicros}) and the block's version and cacheVersion are still the captured
 * version (else it aborts and leaves the buffer INVALID).
 */
final class Prefetcher {
    private static final int FILLING = CacheState.FILLING.ordinal();

    private final World w;
    private final int node;
    private final String name;
    private final SplitMix64 rng;
    /** Per block of this node: the fill that currently owns the FILLING buffer (engine bookkeeping). */
    private final int[] fillOwner;

    private int nextFill;

    Prefetcher(World w, int node, SplitMix64 rng) {
        this.w = w;
        this.node = node;
        this.name = "prefetch@n" + node;
        this.rng = rng;
        this.fillOwner = new int[w.fabric.blockCount()];
    }

    void fill(Block b, int causeSeq) {
        int state = b.get(Field.CACHE_STATE);
        if (state != CacheState.EMPTY.ordinal() && state != CacheState.INVALID.ordinal()) {
            return;
        }
        if (w.engine.dropped(b.id(), name, EventKind.PREFETCH_START, Field.CACHE_STATE, causeSeq)) {
            return; // a what-if fork: this fill never starts
        }
        long start = w.engine.now();
        int captured = b.get(Field.VERSION);
        int fill = ++nextFill;
        fillOwner[b.id()] = fill;
        int s = b.set(w.engine, Field.CACHE_STATE, FILLING, EventKind.PREFETCH_START, name, causeSeq, captured);
        long fillMicros = rng.uniform(w.p.prefetchFillMicrosMin, w.p.prefetchFillMicrosMax);
        w.engine.after(w.onNode(node, fillMicros), () -> land(b, fill, start, captured, s));
    }

    private boolean stillMine(Block b, int fill) {
        return b.get(Field.CACHE_STATE) == FILLING && fillOwner[b.id()] == fill;
    }

    private void land(Block b, int fill, long start, int captured, int startSeq) {
        if (!stillMine(b, fill)) {
            abort(b, startSeq, captured);
            return;
        }
        int filled = b.set(w.engine, Field.CACHE_VERSION, captured, EventKind.PREFETCH_FILL, name, startSeq, captured);
        if (filled < 0) {
            filled = w.engine.emit(
                    b.id(),
                    node,
                    name,
                    EventKind.PREFETCH_FILL,
                    Field.CACHE_VERSION,
                    captured,
                    captured,
                    startSeq,
                    captured);
        }
        int cause = filled;
        if (w.patch.backoff()) {
            int bo = w.engine.emit(
                    b.id(), node, name, EventKind.PREFETCH_BACKOFF, null, 0, 0, cause, (int) w.p.prefetchBackoffMicros);
            w.engine.after(w.onNode(node, w.p.prefetchBackoffMicros), () -> mark(b, fill, start, captured, bo, false));
        } else {
            mark(b, fill, start, captured, cause, false);
        }
    }

    private void mark(Block b, int fill, long start, int captured, int cause, boolean holding) {
        if (!stillMine(b, fill)) {
            abort(b, cause, captured);
            return;
        }
        if (w.patch.barrier()) {
            int holder = b.get(Field.LOCK_HOLDER);
            if (holder != 0) {
                int c = holding
                        ? cause
                        : w.engine.emit(b.id(), node, name, EventKind.PREFETCH_BARRIER_HOLD, null, 0, 0, cause, holder);
                w.engine.after(w.onNode(node, w.p.barrierPollMicros), () -> mark(b, fill, start, captured, c, true));
                return;
            }
            if (b.get(Field.VERSION) != captured || b.get(Field.CACHE_VERSION) != captured) {
                int a = abort(b, cause, captured);
                b.set(
                        w.engine,
                        Field.CACHE_STATE,
                        CacheState.INVALID.ordinal(),
                        EventKind.PREFETCH_ABORT,
                        name,
                        a,
                        captured);
                return;
            }
        }
        b.set(w.engine, Field.CACHE_STATE, CacheState.READY.ordinal(), EventKind.PREFETCH_READY, name, cause, captured);
        w.engine.counters().prefetchLatency.add(w.engine.now() - start);
    }

    private int abort(Block b, int cause, int captured) {
        return w.engine.emit(b.id(), node, name, EventKind.PREFETCH_ABORT, null, 0, 0, cause, captured);
    }
}
