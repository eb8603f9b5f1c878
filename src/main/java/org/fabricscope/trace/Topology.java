package org.fabricscope.trace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The fabric's shape as a trace records it: how many nodes, and for each block (its id is its
 * index) the node and drive that hold it and the file of the namespace it belongs to.
 *
 * @param nodes number of nodes, numbered from 0
 * @param drivesPerNode drives on each node, numbered from 0 within the node
 * @param blocks one entry per block, in block-id order
 */
public record Topology(int nodes, int drivesPerNode, List<BlockInfo> blocks) {

    /**
     * Where a block lives.
     *
     * @param node the node holding the block
     * @param drive the drive within that node
     * @param file the namespace file the block belongs to (e.g. {@code archive-3}, {@code file-x}),
     *     or {@code "-"} for a block no file uses
     */
    public record BlockInfo(int node, int drive, String file) {
        public BlockInfo {
            Objects.requireNonNull(file, "file");
        }
    }

    public Topology {
        blocks = List.copyOf(blocks);
    }

    public int blockCount() {
        return blocks.size();
    }

    public BlockInfo block(int id) {
        return blocks.get(id);
    }

    /** The distinct file names, in order of first appearance. */
    public List<String> files() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (BlockInfo b : blocks) {
            names.add(b.file());
        }
        return new ArrayList<>(names);
    }
}
