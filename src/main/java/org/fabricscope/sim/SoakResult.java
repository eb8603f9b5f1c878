package org.fabricscope.sim;

/**
 * What a soak measured over many unrecorded attempts.
 *
 * @param reads read transactions done (at least the number asked for; whole attempts are summed)
 * @param readsOk reads that returned correct data on their first try
 * @param successRate {@code readsOk / reads}, a fraction (0.9988 is 99.88 %); a read that failed and
 *     was served only after retries or a remap counts as failed
 * @param fpre004 FPRE004 events raised
 * @param retries retries by the first-response script
 * @param quarantines drives quarantined
 * @param mediaErrors genuine media errors
 * @param prefetchLatencyMeanMicros mean prefetch fill start to READY over all attempts
 * @param prefetchLatencyP99Micros 99th percentile of the same, to 10 µs
 * @param attempts attempts run (1..attempts)
 * @param events events simulated in total
 */
public record SoakResult(
        long reads,
        long readsOk,
        double successRate,
        long fpre004,
        long retries,
        long quarantines,
        long mediaErrors,
        double prefetchLatencyMeanMicros,
        long prefetchLatencyP99Micros,
        int attempts,
        long events) {}
