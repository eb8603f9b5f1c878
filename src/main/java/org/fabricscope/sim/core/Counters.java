package org.fabricscope.sim.core;

/** What one run counts while it runs; turned into {@code RunStats} at the end. */
public final class Counters {
    public long reads;
    public long readsOk;
    public long readsFailed;
    public long fpre004;
    public long retries;
    public long quarantines;
    public long mediaErrors;
    /** 1-based number of the first read that failed on its first try, or -1. */
    public long firstFailedRead = -1;
    /** Sequence number of the first FPRE004 event, or -1. */
    public int firstFpre004Seq = -1;

    public final LatencyHistogram prefetchLatency = new LatencyHistogram();
}
