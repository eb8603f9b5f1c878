package org.fabricscope.sim.actor;

import org.fabricscope.sim.fabric.Block;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Health;

/**
 * The first-response script, run by the cluster for every read that failed its first try.
 *
 * <p>Rules modelled: it retries the block's read up to {@code retryLimit} times, {@code
 * retryDelayMicros} apart (health RETRYING meanwhile, OK again when a retry passes). When every
 * retry fails it quarantines the block's drive (every block of the drive QUARANTINED), the cluster
 * remaps those blocks to new extents (REMAPPED) and serves the read from the remapped copy; for
 * {@code latencySpikeDurationMicros} afterwards every read of a file that had a block on that
 * drive takes {@code latencySpikeMicros} longer (the script's LATENCY_SPIKE event marks the start;
 * the verifier marks each slowed read with one). What can go wrong: a timing race that outlives
 * three retries takes a healthy drive out of service.
 */
final class ResponseScript {
    /** Called when the read is finally served; {@code seq} is the event that ended it. */
    interface Served {
        void served(int seq);
    }

    private static final String NAME = "response";

    private final World w;

    ResponseScript(World w) {
        this.w = w;
    }

    void handle(Block b, int tx, int failSeq, Served served) {
        retry(b, tx, failSeq, 1, served);
    }

    private void retry(Block b, int tx, int cause, int attempt, Served served) {
        if (attempt > w.p.retryLimit) {
            quarantine(b, cause, served);
            return;
        }
        w.engine.counters().retries++;
        w.fileStats.retries[b.file().index()]++;
        int r = b.get(Field.HEALTH) == Health.OK.ordinal()
                ? b.set(w.engine, Field.HEALTH, Health.RETRYING.ordinal(), EventKind.RETRY, NAME, cause, attempt)
                : w.engine.emit(b.id(), b.node(), NAME, EventKind.RETRY, null, 0, 0, cause, attempt);
        w.engine.after(
                w.p.retryDelayMicros,
                () -> w.verifiers[b.node()].verify(b, tx, r, (outcome, seq) -> {
                    if (outcome == Verifier.Outcome.OK) {
                        int c = seq;
                        if (b.get(Field.HEALTH) == Health.RETRYING.ordinal()) {
                            c = World.chain(
                                    c,
                                    b.set(
                                            w.engine,
                                            Field.HEALTH,
                                            Health.OK.ordinal(),
                                            EventKind.RETRY,
                                            NAME,
                                            seq,
                                            attempt));
                        }
                        served.served(c);
                    } else {
                        retry(b, tx, seq, attempt + 1, served);
                    }
                }));
    }

    private void quarantine(Block failed, int cause, Served served) {
        w.engine.counters().quarantines++;
        w.fileStats.quarantines[failed.file().index()]++;
        int[] ids = w.fabric.blocksOfDrive(failed.node(), failed.drive());
        int c = cause;
        for (int id : ids) {
            c = World.chain(
                    c,
                    w.fabric
                            .block(id)
                            .set(
                                    w.engine,
                                    Field.HEALTH,
                                    Health.QUARANTINED.ordinal(),
                                    EventKind.QUARANTINE,
                                    NAME,
                                    c,
                                    failed.drive()));
        }
        for (int id : ids) {
            Block b = w.fabric.block(id);
            c = World.chain(c, b.set(w.engine, Field.EXTENT, w.fabric.newExtent(), EventKind.REMAP, NAME, c, 0));
            c = World.chain(c, b.set(w.engine, Field.HEALTH, Health.REMAPPED.ordinal(), EventKind.REMAP, NAME, c, 0));
        }
        long until = w.engine.now() + w.p.latencySpikeDurationMicros;
        for (int id : ids) {
            var file = w.fabric.block(id).file();
            for (int i = 0; i < file.length(); i++) {
                w.spikeUntilMicros[file.firstBlock() + i] = until;
            }
        }
        c = w.engine.emit(
                failed.id(), failed.node(), NAME, EventKind.LATENCY_SPIKE, null, 0, 0, c, (int) w.p.latencySpikeMicros);
        served.served(c);
    }
}
