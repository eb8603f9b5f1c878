package org.fabricscope.sim.fabric;

import java.util.ArrayList;
import java.util.List;
import org.fabricscope.sim.core.Engine;
import org.fabricscope.sim.core.SplitMix64;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Topology;

/**
 * The fabric: nodes with their clocks, drives, blocks, and the namespace mapping files to runs of
 * blocks. Files are the archives, then {@code file-x}. A file's consecutive blocks are striped
 * round-robin over the nodes (then over each node's drives), so one file spans several nodes, as
 * the story's failure "floated between nodes" within one namespace.
 */
public final class Fabric {
    private final int nodes;
    private final int drivesPerNode;
    private final List<FileRun> archives = new ArrayList<>();
    private final FileRun fileX;
    private final Block[] blocks;
    private final NodeClock[] clocks;
    private int nextExtent;

    /** Lays out the namespace; {@link #initialize} then gives blocks and clocks their values. */
    public Fabric(int nodes, int drivesPerNode, int archiveCount, int archiveBlocks, int fileXBlocks) {
        this.nodes = nodes;
        this.drivesPerNode = drivesPerNode;
        List<FileRun> all = new ArrayList<>();
        int next = 0;
        for (int a = 0; a < archiveCount; a++) {
            FileRun f = new FileRun("archive-" + a, next, archiveBlocks, a);
            archives.add(f);
            all.add(f);
            next += archiveBlocks;
        }
        fileX = new FileRun("file-x", next, fileXBlocks, archiveCount);
        all.add(fileX);
        next += fileXBlocks;
        blocks = new Block[next];
        int stripe = 0;
        for (FileRun f : all) {
            for (int i = 0; i < f.length(); i++) {
                int node = stripe % nodes;
                int drive = (stripe / nodes) % drivesPerNode;
                blocks[f.firstBlock() + i] = new Block(f.firstBlock() + i, node, drive, f, i);
                stripe++;
            }
        }
        clocks = new NodeClock[nodes];
    }

    /**
     * Draws each node's clock skew and each block's initial version, recording them as time-0
     * events: a {@link EventKind#CLOCK_SKEW} per skewed node (node set, no block or field, {@code
     * new} = drift in ppm, {@code arg} = offset in µs), then per block {@link EventKind#BLOCK_INIT}
     * events for its version, checksum and extent (the other fields start at 0, as a trace assumes).
     */
    public void initialize(Engine engine, SplitMix64 rng, long clockOffsetMicrosMax, int clockDriftPpmMax) {
        for (int n = 0; n < nodes; n++) {
            long offset = clockOffsetMicrosMax == 0 ? 0 : rng.uniform(-clockOffsetMicrosMax, clockOffsetMicrosMax);
            int drift = clockDriftPpmMax == 0 ? 0 : (int) rng.uniform(-clockDriftPpmMax, clockDriftPpmMax);
            clocks[n] = new NodeClock(offset, drift);
            if (offset != 0 || drift != 0) {
                engine.emit(-1, n, "system", EventKind.CLOCK_SKEW, null, 0, drift, -1, (int) offset);
            }
        }
        for (Block b : blocks) {
            int version = 1 + rng.nextInt(1000);
            b.init(engine, Field.VERSION, version);
            b.init(engine, Field.CHECKSUM, b.checksumOf(version));
            b.init(engine, Field.EXTENT, newExtent());
        }
    }

    public int nodes() {
        return nodes;
    }

    public int drivesPerNode() {
        return drivesPerNode;
    }

    public Block block(int id) {
        return blocks[id];
    }

    public int blockCount() {
        return blocks.length;
    }

    public List<FileRun> archives() {
        return archives;
    }

    /** Files in the namespace: the archives, then file X. */
    public int fileCount() {
        return archives.size() + 1;
    }

    public FileRun fileX() {
        return fileX;
    }

    public NodeClock clock(int node) {
        return clocks[node];
    }

    /** A fresh extent number (extents are never reused). */
    public int newExtent() {
        return ++nextExtent;
    }

    /** Ids of the blocks held by one drive, in id order. */
    public int[] blocksOfDrive(int node, int drive) {
        int count = 0;
        for (Block b : blocks) {
            if (b.node() == node && b.drive() == drive) {
                count++;
            }
        }
        int[] ids = new int[count];
        int i = 0;
        for (Block b : blocks) {
            if (b.node() == node && b.drive() == drive) {
                ids[i++] = b.id();
            }
        }
        return ids;
    }

    /** Ids of the blocks held by one node, in id order. */
    public int[] blocksOfNode(int node) {
        int count = 0;
        for (Block b : blocks) {
            if (b.node() == node) {
                count++;
            }
        }
        int[] ids = new int[count];
        int i = 0;
        for (Block b : blocks) {
            if (b.node() == node) {
                ids[i++] = b.id();
            }
        }
        return ids;
    }

    public Topology topology() {
        List<Topology.BlockInfo> infos = new ArrayList<>(blocks.length);
        for (Block b : blocks) {
            infos.add(new Topology.BlockInfo(b.node(), b.drive(), b.file().name()));
        }
        return new Topology(nodes, drivesPerNode, infos);
    }
}
