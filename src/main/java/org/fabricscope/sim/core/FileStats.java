package org.fabricscope.sim.core;

/**
 * What one run counts per file of the namespace (the archives in order, then file X), so a soak
 * can say where the failures fell. A read belongs to the file it was issued on; an FPRE004, retry
 * or quarantine to the file of the block it concerns.
 */
public final class FileStats {
    /** Read latencies are kept to 10 µs up to this many buckets (60 ms), beyond in one bucket. */
    public static final int LATENCY_BUCKETS = 6_000;

    public final long[] reads;
    public final long[] readsOk;
    public final long[] fpre004;
    public final long[] retries;
    public final long[] quarantines;
    public final long[] timeouts;
    /** Per file: bit n set when an FPRE004 was raised on a block of node n. */
    public final int[] fpre004NodeMask;

    private final LatencyHistogram[] latency;

    /** Nodes of the fabric: the width of the per-file, per-node tile counts. */
    private final int nodes;
    /** Per tile (file × node, row-major): FPRE004s raised on the file's blocks on that node. */
    private final long[] tileFpre004;
    /** Per tile: sequence number of the tile's first FPRE004 in this run, or -1. */
    private final int[] tileFirstFpre004Seq;

    /** Counts per file only (no tiles). */
    public FileStats(int files) {
        this(files, 0);
    }

    /** Counts for {@code files} files on a fabric of {@code nodes} nodes. */
    public FileStats(int files, int nodes) {
        reads = new long[files];
        readsOk = new long[files];
        fpre004 = new long[files];
        retries = new long[files];
        quarantines = new long[files];
        timeouts = new long[files];
        fpre004NodeMask = new int[files];
        latency = new LatencyHistogram[files];
        this.nodes = Math.max(0, nodes);
        tileFpre004 = new long[files * this.nodes];
        tileFirstFpre004Seq = new int[files * this.nodes];
        java.util.Arrays.fill(tileFirstFpre004Seq, -1);
    }

    public int files() {
        return reads.length;
    }

    /** Issue-to-served latency of one read of {@code file}. */
    public void addLatency(int file, long micros) {
        if (latency[file] == null) {
            latency[file] = new LatencyHistogram(LATENCY_BUCKETS);
        }
        latency[file].add(micros);
    }

    /** The file's read latency histogram, or null if it had no read. */
    public LatencyHistogram latency(int file) {
        return latency[file];
    }

    /** Nodes the tile counts span (0 when kept per file only). */
    public int nodes() {
        return nodes;
    }

    /**
     * Counts an FPRE004 raised as event {@code seq} on a block of {@code file} on {@code node}:
     * the per-file count and node mask, and the tile's count and first event.
     */
    public void fpre004(int file, int node, int seq) {
        fpre004[file]++;
        fpre004NodeMask[file] |= 1 << node;
        if (node < nodes) {
            int t = file * nodes + node;
            tileFpre004[t]++;
            if (tileFirstFpre004Seq[t] < 0) {
                tileFirstFpre004Seq[t] = seq;
            }
        }
    }

    /** FPRE004s raised on the blocks of {@code file} on {@code node} in this run. */
    public long tileFpre004(int file, int node) {
        return node < nodes ? tileFpre004[file * nodes + node] : 0;
    }

    /** Sequence number of the first FPRE004 on {@code file}'s blocks on {@code node}, or -1. */
    public int tileFirstFpre004Seq(int file, int node) {
        return node < nodes ? tileFirstFpre004Seq[file * nodes + node] : -1;
    }
}
