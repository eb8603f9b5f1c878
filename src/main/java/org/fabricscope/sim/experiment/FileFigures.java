package org.fabricscope.sim.experiment;

/**
 * What a soak measured for one file of the namespace (an archive, or file X).
 *
 * @param file the file's name, e.g. {@code archive-7}
 * @param reads read transactions issued on it
 * @param readsOk reads that verified on their first try and were served within the client's timeout
 * @param successRate {@code readsOk / reads} (1 when there were no reads)
 * @param fpre004 FPRE004s raised on its blocks (first tries and retries)
 * @param fpre004Nodes how many different nodes those FPRE004s were raised on
 * @param retries retries of reads of its blocks by the first-response script
 * @param quarantines drives quarantined because a read of one of its blocks failed every retry
 * @param timeouts reads served later than the client's {@code readTimeoutMicros}
 * @param readLatencyP50Micros median issue-to-served read latency, to 10 µs
 * @param readLatencyP99Micros 99th percentile of the same
 * @param readLatencyP999Micros 99.9th percentile of the same
 */
public record FileFigures(
        String file,
        long reads,
        long readsOk,
        double successRate,
        long fpre004,
        int fpre004Nodes,
        long retries,
        long quarantines,
        long timeouts,
        long readLatencyP50Micros,
        long readLatencyP99Micros,
        long readLatencyP999Micros) {}
