package org.fabricscope.sim;

/**
 * What one run did.
 *
 * @param events events recorded (or counted, when not recording)
 * @param reads read transactions issued
 * @param readsOk reads that returned correct data on their first try, within the client's read timeout
 * @param readsFailed reads whose first try failed (FPRE004 or a genuine media error) or that timed out, whether or
 *     not the response script's retries or remap served them later
 * @param fpre004 FPRE004 events raised by the verifier (first tries and retries)
 * @param retries retries run by the first-response script
 * @param quarantines drives quarantined
 * @param mediaErrors genuine background media errors
 * @param prefetchLatencyMeanMicros mean time from a prefetch fill's start to its buffer's READY
 * @param prefetchLatencyP99Micros 99th percentile of the same, to 10 µs
 * @param firstFailedRead 1-based number (in issue order) of the first read that failed, or -1
 * @param firstFpre004Seq sequence number of the first FPRE004 event, or -1
 */
public record RunStats(
        long events,
        long reads,
        long readsOk,
        long readsFailed,
        long fpre004,
        long retries,
        long quarantines,
        long mediaErrors,
        double prefetchLatencyMeanMicros,
        long prefetchLatencyP99Micros,
        long firstFailedRead,
        int firstFpre004Seq) {}
