package org.fabricscope.sim.actor;

import org.fabricscope.sim.core.Engine;
import org.fabricscope.sim.core.FileStats;
import org.fabricscope.sim.core.ModelParameters;
import org.fabricscope.sim.core.SplitMix64;
import org.fabricscope.sim.fabric.Block;
import org.fabricscope.sim.fabric.Fabric;
import org.fabricscope.sim.fabric.FileRun;
import org.fabricscope.trace.PatchSwitches;

/**
 * Everything the actors of one run share: the engine, the fabric, the parameters, the patch
 * switches, and the per-node actors, wired once. Actor random streams are drawn from the root
 * stream in a fixed order (per node: write path, ACK, prefetch, compaction, verifier, media; then
 * the response script; then the clients), so each actor's stream depends only on the run seed.
 *
 * <p><b>Skew.</b> Real namespaces are not read and written evenly: one archive, the <em>hot</em>
 * archive, receives {@code hotArchiveReadPercent} of the read bursts and {@code
 * hotArchiveWritePercent} of the writes (the rest spread evenly over all archives, the hot one
 * included). Which archive is hot is a property of the fleet, not of one run: it is drawn from the
 * base seed alone, so every attempt of a soak shares it. Nothing here makes that archive fail; it
 * is only busier, and whether it fails more is up to the timing.
 */
public final class World {
    final Engine engine;
    final Fabric fabric;
    final ModelParameters p;
    final PatchSwitches patch;
    final WritePath[] writePaths;
    final Prefetcher[] prefetchers;
    final Compactor[] compactors;
    final Verifier[] verifiers;
    final MediaFaults[] media;
    final ResponseScript response;
    final ReadClient[] readers;
    final WriteClient[] writers;
    /** Per block: simulated time until which its reads carry the post-remap latency spike. */
    final long[] spikeUntilMicros;
    /** Per-file counts of this run. */
    final FileStats fileStats;
    /** Index of the hot archive in the namespace. */
    final int hotArchive;

    private int nextTransactionId;
    private int nextWriteId;
    private int nextBurstId;
    private int nextCompactionPassId;

    public World(
            Engine engine, Fabric fabric, ModelParameters p, PatchSwitches patch, SplitMix64 root, int hotArchive) {
        this.engine = engine;
        this.hotArchive = hotArchive;
        this.fileStats = new FileStats(fabric.fileCount(), fabric.nodes());
        this.fabric = fabric;
        this.p = p;
        this.patch = patch;
        int n = fabric.nodes();
        writePaths = new WritePath[n];
        prefetchers = new Prefetcher[n];
        compactors = new Compactor[n];
        verifiers = new Verifier[n];
        media = new MediaFaults[n];
        for (int i = 0; i < n; i++) {
            writePaths[i] = new WritePath(this, i, root.split(), root.split());
            prefetchers[i] = new Prefetcher(this, i, root.split());
            compactors[i] = new Compactor(this, i, root.split());
            verifiers[i] = new Verifier(this, i);
            media[i] = new MediaFaults(this, i, root.split());
        }
        response = new ResponseScript(this);
        readers = new ReadClient[p.readClients];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = new ReadClient(this, "client-" + i, root.split());
        }
        writers = new WriteClient[p.writeClients];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = new WriteClient(this, "client-" + (readers.length + i), root.split());
        }
        spikeUntilMicros = new long[fabric.blockCount()];
    }

    /** Schedules every actor's first action. */
    public void start() {
        for (ReadClient r : readers) {
            r.start();
        }
        for (WriteClient w : writers) {
            w.start();
        }
        if (p.compactionEnabled) {
            for (Compactor c : compactors) {
                c.start();
            }
        }
    }

    /** True while the workload still issues new work; in-flight work always completes. */
    boolean workloadOpen() {
        return engine.now() < p.durationMicros;
    }

    int newTransactionId() {
        return ++nextTransactionId;
    }

    int newWriteId() {
        return ++nextWriteId;
    }

    /** Read bursts are numbered 1, 2, … over all readers, in the order they start. */
    int newBurstId() {
        return ++nextBurstId;
    }

    /** Compaction passes are numbered 1, 2, … over all nodes, in the order they run. */
    int newCompactionPassId() {
        return ++nextCompactionPassId;
    }

    /** Per-file counts of this run (archives in order, then file X). */
    public FileStats fileStats() {
        return fileStats;
    }

    /**
     * The file a client works on next: file X alone in a targeted loop, else the hot archive with
     * probability {@code hotPercent}, else an archive drawn evenly.
     */
    FileRun pickWorkloadFile(SplitMix64 rng, int hotPercent) {
        if (p.fileXLoop) {
            return fabric.fileX();
        }
        if (hotPercent > 0 && rng.nextInt(100) < hotPercent) {
            return fabric.archives().get(hotArchive);
        }
        return fabric.archives().get(rng.nextInt(fabric.archives().size()));
    }

    /** The prefetch engine watches a read that ended at {@code lastIndex} of {@code file}. */
    void watchRead(FileRun file, int lastIndex, int causeSeq) {
        for (int k = 1; k <= p.prefetchDepthBlocks; k++) {
            Block b = fabric.block(file.blockAt(lastIndex + k));
            prefetchers[b.node()].fill(b, causeSeq);
        }
    }

    /** Real microseconds for a local delay on {@code node}'s clock. */
    long onNode(int node, long localMicros) {
        return fabric.clock(node).realDelay(localMicros);
    }

    static int chain(int previous, int seq) {
        return seq >= 0 ? seq : previous;
    }
}
