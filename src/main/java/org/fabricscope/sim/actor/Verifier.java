package org.fabricscope.sim.actor;

import org.fabricscope.sim.fabric.Block;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;

/**
 * The read-verify routine of one node: checks a block's metadata on every read, one field per
 * step, each step {@code verifyStepMicros} of the node's clock, so other actors' events interleave.
 *
 * <p>Legacy order: cacheState; if READY then cacheVersion, checksum (the cached data's checksum
 * against the metadata checksum), lockHolder, lastWritePending, and the read is served from the
 * cache; otherwise lockHolder, lastWritePending and a media read. It raises FPRE004 when the
 * cached data's checksum mismatches, or when it saw READY and then sees lastWritePending set: the
 * inconsistent pair. Because cacheState is read first and lastWritePending last, a write that
 * merely starts between the two also looks inconsistent.
 *
 * <p>Reordered ({@code reorder} switch): lastWritePending, lockHolder; if either is set the read
 * goes to the media; else cacheState and, if READY, cacheVersion and checksum (a mismatch raises
 * FPRE004). The pair can no longer be raised: a pending write sends the read to the media first.
 *
 * <p>A read of a block of an archive affected by a recent remap (see {@link ResponseScript}) is
 * served {@code latencySpikeMicros} later, marked by a LATENCY_SPIKE event of the response actor on
 * the block (arg = the delay in µs).
 *
 * <p>Every check is a VERIFY_CHECK event (field read, value seen) caused by the previous check;
 * FPRE004 is caused by the check that observed the inconsistency.
 */
final class Verifier {
    /** How a verification ended. */
    enum Outcome {
        OK,
        FPRE004,
        MEDIA_ERROR
    }

    /** Receives the outcome and the sequence number of the event that ended the verification. */
    interface Done {
        void done(Outcome outcome, int lastSeq);
    }

    private static final int READY = CacheState.READY.ordinal();

    private final World w;
    private final int node;
    private final String name;

    Verifier(World w, int node) {
        this.w = w;
        this.node = node;
        this.name = "verifier@n" + node;
    }

    void verify(Block b, int tx, int cause, Done done) {
        int begin = w.engine.emit(b.id(), node, name, EventKind.VERIFY_BEGIN, null, 0, 0, cause, tx);
        new Run(b, tx, begin, done).next();
    }

    /** One verification in progress: a small state machine, one step per timer. */
    private final class Run {
        private final Block b;
        private final int tx;
        private final Done done;
        private final Field[] plan = new Field[5];
        private int planned;
        private int step;
        private int last;
        private boolean sawReady;
        private int seenCacheVersion;
        private boolean fromCache;

        Run(Block b, int tx, int begin, Done done) {
            this.b = b;
            this.tx = tx;
            this.last = begin;
            this.done = done;
            if (w.patch.reorder()) {
                plan(Field.LAST_WRITE_PENDING, Field.LOCK_HOLDER);
            } else {
                plan(Field.CACHE_STATE);
            }
        }

        private void plan(Field... fields) {
            for (Field f : fields) {
                plan[planned++] = f;
            }
        }

        void next() {
            if (step < planned) {
                w.engine.after(w.onNode(node, w.p.verifyStepMicros), this::check);
            } else if (fromCache) {
                finish();
            } else {
                w.engine.after(w.onNode(node, w.p.mediaReadMicros), this::finish);
            }
        }

        private void check() {
            Field f = plan[step++];
            int value = b.get(f);
            last = w.engine.emit(b.id(), node, name, EventKind.VERIFY_CHECK, f, value, value, last, tx);
            if (w.patch.reorder() ? reordered(f, value) : legacy(f, value)) {
                next();
            }
        }

        /** Legacy order; returns false when it raised FPRE004. */
        private boolean legacy(Field f, int value) {
            switch (f) {
                case CACHE_STATE:
                    sawReady = value == READY;
                    fromCache = sawReady;
                    if (sawReady) {
                        plan(Field.CACHE_VERSION, Field.CHECKSUM, Field.LOCK_HOLDER, Field.LAST_WRITE_PENDING);
                    } else {
                        plan(Field.LOCK_HOLDER, Field.LAST_WRITE_PENDING);
                    }
                    return true;
                case CACHE_VERSION:
                    seenCacheVersion = value;
                    return true;
                case CHECKSUM:
                    return value == b.checksumOf(seenCacheVersion) || raise(Field.CHECKSUM);
                case LAST_WRITE_PENDING:
                    return !(sawReady && value != 0) || raise(Field.LAST_WRITE_PENDING);
                default:
                    return true;
            }
        }

        /** Reordered checks; returns false when it raised FPRE004. */
        private boolean reordered(Field f, int value) {
            switch (f) {
                case LAST_WRITE_PENDING:
                    fromCache = value == 0;
                    return true;
                case LOCK_HOLDER:
                    if (fromCache && value == 0) {
                        plan(Field.CACHE_STATE);
                    } else {
                        fromCache = false;
                    }
                    return true;
                case CACHE_STATE:
                    fromCache = value == READY;
                    if (fromCache) {
                        plan(Field.CACHE_VERSION, Field.CHECKSUM);
                    }
                    return true;
                case CACHE_VERSION:
                    seenCacheVersion = value;
                    return true;
                case CHECKSUM:
                    return value == b.checksumOf(seenCacheVersion) || raise(Field.CHECKSUM);
                default:
                    return true;
            }
        }

        private boolean raise(Field exposing) {
            int seq = w.engine.emit(
                    b.id(), node, name, EventKind.FPRE004, exposing, b.get(exposing), b.get(exposing), last, tx);
            w.engine.counters().fpre004++;
            w.fileStats.fpre004(b.file().index(), node, seq);
            if (w.engine.counters().firstFpre004Seq < 0) {
                w.engine.counters().firstFpre004Seq = seq;
            }
            done.done(Outcome.FPRE004, seq);
            return false;
        }

        private void finish() {
            long spike = w.spikeUntilMicros[b.id()] > w.engine.now() ? w.p.latencySpikeMicros : 0;
            if (spike > 0) {
                // The read goes to the remapped copy, through the cluster's remap routing: recorded
                // on the block, so the spike shows on the timeline as long as it lasts.
                last = w.engine.emit(b.id(), node, "response", EventKind.LATENCY_SPIKE, null, 0, 0, last, (int) spike);
                w.engine.after(spike, this::pass);
            } else {
                pass();
            }
        }

        private void pass() {
            int error = w.media[node].maybeFail(b, last, tx);
            if (error >= 0) {
                done.done(Outcome.MEDIA_ERROR, error);
                return;
            }
            int pass = w.engine.emit(b.id(), node, name, EventKind.VERIFY_PASS, null, 0, 0, last, tx);
            done.done(Outcome.OK, pass);
        }
    }
}
