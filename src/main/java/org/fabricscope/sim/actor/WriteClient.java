package org.fabricscope.sim.actor;

import org.fabricscope.sim.core.SplitMix64;
import org.fabricscope.sim.fabric.Block;
import org.fabricscope.sim.fabric.FileRun;
import org.fabricscope.trace.EventKind;

/**
 * A writing client.
 *
 * <p>Rules modelled: it waits an exponential {@code writeGapMicrosMean}, then writes one block
 * chosen uniformly from a file the readers work on (file X in the targeted loop, else the hot
 * archive with probability {@code hotArchiveWritePercent}, else a random archive); the block's node's write path does the rest. New writes stop at {@code durationMicros}.
 */
final class WriteClient {
    private final World w;
    private final String name;
    private final SplitMix64 rng;

    WriteClient(World w, String name, SplitMix64 rng) {
        this.w = w;
        this.name = name;
        this.rng = rng;
    }

    void start() {
        w.engine.after(rng.exponential(w.p.writeGapMicrosMean), this::write);
    }

    private void write() {
        if (!w.workloadOpen()) {
            return;
        }
        FileRun file = w.pickWorkloadFile(rng, w.p.hotArchiveWritePercent);
        Block b = w.fabric.block(file.blockAt(rng.nextInt(file.length())));
        int writeId = w.newWriteId();
        // A dropped write (a what-if fork) still used its draws and its id, so later writes stay the same.
        // A skipped write (a shrunk reproducer's) likewise keeps its draws and its id.
        if (!w.p.writesSkipped.contains(writeId)
                && !w.engine.dropped(b.id(), name, EventKind.WRITE_ISSUE, null, -1, writeId)) {
            int issue = w.engine.emit(b.id(), b.node(), name, EventKind.WRITE_ISSUE, null, 0, 0, -1, writeId);
            w.writePaths[b.node()].write(b, writeId, issue);
        }
        w.engine.after(rng.exponential(w.p.writeGapMicrosMean), this::write);
    }
}
