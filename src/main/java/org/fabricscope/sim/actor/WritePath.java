package org.fabricscope.sim.actor;

import java.util.ArrayDeque;
import org.fabricscope.sim.core.SplitMix64;
import org.fabricscope.sim.fabric.Block;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;

/**
 * The write path of one node.
 *
 * <p>Rules modelled: a write waits for the block's lock (writes to one block queue in arrival
 * order and the next takes the lock in the instant the previous one releases it), then in one
 * instant takes it,
 * sets {@code lastWritePending} and invalidates a READY or FILLING buffer. The data lands on the
 * media after {@code mediaWriteMicrosMin..Max} (new version, new checksum, buffer invalidated again
 * in case a fill started meanwhile). The lock and {@code lastWritePending} are released only when
 * the write-completion ACK arrives, {@code ackBaseMicros} plus a uniform injected jitter in
 * {@code [0, ackJitterMicrosMax]} later. What can go wrong: a late ACK keeps the block "last
 * write pending" long after its data is on the media, which is when other actors can make the
 * buffer READY beside it.
 */
final class WritePath {
    private final World w;
    private final int node;
    private final String name;
    private final String ackName;
    private final SplitMix64 mediaRng;
    private final SplitMix64 ackRng;
    /** Per block id: writes waiting for the lock, in arrival order (created on first need). */
    private final ArrayDeque<Runnable>[] waiting;

    WritePath(World w, int node, SplitMix64 mediaRng, SplitMix64 ackRng) {
        this.w = w;
        this.node = node;
        this.name = "writer@n" + node;
        this.ackName = "ack@n" + node;
        this.mediaRng = mediaRng;
        this.ackRng = ackRng;
        @SuppressWarnings("unchecked")
        ArrayDeque<Runnable>[] queues = new ArrayDeque[w.fabric.blockCount()];
        this.waiting = queues;
    }

    void write(Block b, int writeId, int issueSeq) {
        if (b.get(Field.LOCK_HOLDER) != 0) {
            ArrayDeque<Runnable> q = waiting[b.id()];
            if (q == null) {
                q = new ArrayDeque<>();
                waiting[b.id()] = q;
            }
            q.add(() -> write(b, writeId, issueSeq));
            return;
        }
        int c = b.set(w.engine, Field.LOCK_HOLDER, writeId, EventKind.WRITE_LOCK, name, issueSeq, writeId);
        c = World.chain(c, b.set(w.engine, Field.LAST_WRITE_PENDING, 1, EventKind.WRITE_PENDING, name, c, writeId));
        int locked = invalidate(b, c, writeId);
        long mediaMicros = mediaRng.uniform(w.p.mediaWriteMicrosMin, w.p.mediaWriteMicrosMax);
        w.engine.after(w.onNode(node, mediaMicros), () -> land(b, writeId, issueSeq, locked));
    }

    private void land(Block b, int writeId, int issueSeq, int cause) {
        int version = b.get(Field.VERSION) + 1;
        int c = b.set(w.engine, Field.VERSION, version, EventKind.WRITE_MEDIA, name, cause, writeId);
        c = World.chain(
                c, b.set(w.engine, Field.CHECKSUM, b.checksumOf(version), EventKind.WRITE_MEDIA, name, c, writeId));
        invalidate(b, c, writeId);
        w.compactors[node].rewritten(b);
        long jitter = ackRng.uniform(0, w.p.ackJitterMicrosMax);
        w.engine.after(w.onNode(node, w.p.ackBaseMicros + jitter), () -> acknowledge(b, writeId, issueSeq, jitter));
    }

    private void acknowledge(Block b, int writeId, int issueSeq, long jitter) {
        if (w.engine.dropped(b.id(), ackName, EventKind.WRITE_ACK, null, issueSeq)) {
            // A lost ACK (a what-if fork): the write never completes, so it keeps the lock.
            return;
        }
        // A fork that moved this ACK records the jitter it really had.
        long actualJitter = jitter + w.engine.firingShiftMicros();
        int ack = w.engine.emit(b.id(), node, ackName, EventKind.WRITE_ACK, null, 0, 0, issueSeq, (int) actualJitter);
        int c = World.chain(ack, b.set(w.engine, Field.LOCK_HOLDER, 0, EventKind.WRITE_RELEASE, name, ack, writeId));
        b.set(w.engine, Field.LAST_WRITE_PENDING, 0, EventKind.WRITE_RELEASE, name, c, writeId);
        ArrayDeque<Runnable> q = waiting[b.id()];
        if (q != null && !q.isEmpty()) {
            q.poll().run();
        }
    }

    private int invalidate(Block b, int cause, int writeId) {
        int state = b.get(Field.CACHE_STATE);
        if (state == CacheState.READY.ordinal() || state == CacheState.FILLING.ordinal()) {
            return World.chain(
                    cause,
                    b.set(
                            w.engine,
                            Field.CACHE_STATE,
                            CacheState.INVALID.ordinal(),
                            EventKind.CACHE_INVALIDATE,
                            name,
                            cause,
                            writeId));
        }
        return cause;
    }
}
