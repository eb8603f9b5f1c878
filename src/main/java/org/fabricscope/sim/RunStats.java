package org.fabricscope.sim;

/** API CONTRACT STUB: the simulator helper may add components. */
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
        long prefetchLatencyP99Micros) {}
