package org.fabricscope.sim.experiment;

import java.util.List;
import org.fabricscope.trace.PatchSwitches;

/**
 * Where a soak's FPRE004s fell: one tile per file of the namespace (archives in order, then file X)
 * and node, with its FPRE004 count and the first attempt that raised one there, beside the soak's
 * own figures. What the incident dashboard draws; the same for any number of threads.
 *
 * @param scenario the scenario's name
 * @param seed the soak's base seed
 * @param patch the patch switches of every attempt
 * @param soak the soak's figures (fabric-wide and per file)
 * @param nodes the fabric's nodes: columns 0 to {@code nodes - 1}
 * @param files every file of the namespace, in order: the rows
 * @param tiles one per file and node, row-major ({@code files.size() * nodes} of them)
 * @param prefetchLatencyBuckets prefetch fill-to-READY latencies over the whole soak, counted per
 *     10 µs bucket up to the last non-empty one (what a latency histogram draws)
 */
public record IncidentMap(
        String scenario,
        long seed,
        PatchSwitches patch,
        SoakResult soak,
        int nodes,
        List<String> files,
        List<Tile> tiles,
        List<Long> prefetchLatencyBuckets) {

    public IncidentMap {
        files = List.copyOf(files);
        tiles = List.copyOf(tiles);
        prefetchLatencyBuckets = List.copyOf(prefetchLatencyBuckets);
        if (tiles.size() != files.size() * nodes) {
            throw new IllegalArgumentException(
                    tiles.size() + " tiles for " + files.size() + " files × " + nodes + " nodes");
        }
    }

    /**
     * One file on one node.
     *
     * @param file e.g. {@code archive-7}
     * @param node the node the verifier raised the FPRE004s on
     * @param fpre004 FPRE004s raised on the file's blocks there, over the whole soak
     * @param firstAttempt the lowest attempt with such an FPRE004, or -1
     * @param firstSeq that FPRE004's event number in the attempt's trace (the first on this tile in
     *     that attempt), or -1
     */
    public record Tile(String file, int node, long fpre004, int firstAttempt, int firstSeq) {
        public boolean failed() {
            return fpre004 > 0;
        }
    }

    /** The tile of {@code file} on {@code node}, or null. */
    public Tile tile(String file, int node) {
        int row = files.indexOf(file);
        return row < 0 || node < 0 || node >= nodes ? null : tiles.get(row * nodes + node);
    }

    /** The lowest attempt with an FPRE004 anywhere, or -1: the soak's "attempts to the first FPRE004". */
    public int firstFailingAttempt() {
        int first = -1;
        for (Tile t : tiles) {
            if (t.failed() && (first < 0 || t.firstAttempt() < first)) {
                first = t.firstAttempt();
            }
        }
        return first;
    }

    /** The largest FPRE004 count of any tile (0 when none failed). */
    public long maxTileFpre004() {
        long max = 0;
        for (Tile t : tiles) {
            max = Math.max(max, t.fpre004());
        }
        return max;
    }
}
