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

    public FileStats(int files) {
        reads = new long[files];
        readsOk = new long[files];
        fpre004 = new long[files];
        retries = new long[files];
        quarantines = new long[files];
        timeouts = new long[files];
        fpre004NodeMask = new int[files];
        latency = new LatencyHistogram[files];
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
}
