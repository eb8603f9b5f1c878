package org.fabricscope.sim.actor;

import org.fabricscope.sim.core.SplitMix64;
import org.fabricscope.sim.fabric.Block;
import org.fabricscope.trace.EventKind;

/**
 * Genuine background media errors on one node's drives.
 *
 * <p>Rules modelled: each block read (from cache or media) independently hits a real ECC error
 * with probability {@code mediaErrorsPerMillionBlockReads} / 1e6, drawn from this actor's own
 * stream. It does not depend on timing or on the patch, so even the patched fabric is not perfect.
 */
final class MediaFaults {
    private final World w;
    private final int node;
    private final String name;
    private final SplitMix64 rng;
    private final double probability;

    MediaFaults(World w, int node, SplitMix64 rng) {
        this.w = w;
        this.node = node;
        this.name = "media@n" + node;
        this.rng = rng;
        this.probability = w.p.mediaErrorsPerMillionBlockReads / 1_000_000.0;
    }

    /** Returns the MEDIA_ERROR event's sequence number, or -1 if this read was clean. */
    int maybeFail(Block b, int cause, int tx) {
        if (!rng.chance(probability)) {
            return -1;
        }
        w.engine.counters().mediaErrors++;
        return w.engine.emit(b.id(), node, name, EventKind.MEDIA_ERROR, null, 0, 0, cause, tx);
    }
}
