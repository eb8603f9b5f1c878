package org.fabricscope.sweep;

/**
 * What one cell measured over all its base seeds.
 *
 * <p>The FPRE004 rate is per attempt: the share of attempts (independent runs) that raised at
 * least one FPRE004, so it is a binomial proportion with a proper Wilson interval, and {@code
 * 1 / rate} is the expected number of attempts to reproduce it.
 *
 * @param attempts attempts run over all seeds
 * @param attemptsWithFpre004 attempts that raised at least one FPRE004
 * @param fpre004Rate {@code attemptsWithFpre004 / attempts}
 * @param fpre004RateLow lower end of its 95 % Wilson interval
 * @param fpre004RateHigh upper end of the same
 * @param fpre004 FPRE004 events raised in total
 * @param reads read transactions done
 * @param readsOk reads that returned correct data on their first try, within the read timeout
 * @param successRate {@code readsOk / reads} (1 without reads)
 * @param seedsWithFpre004 base seeds whose attempts raised an FPRE004
 * @param attemptsToFirstFpre004Mean mean over those seeds of the first attempt that raised one
 *     (NaN if none did)
 * @param firstFpre004Seed the first base seed (in order) that raised one, or -1 with {@code
 *     seedsWithFpre004 == 0}: with {@link #firstFpre004Attempt} it names a run that reproduces it
 * @param firstFpre004Attempt that seed's first attempt with an FPRE004, or -1
 * @param retries retries by the first-response script
 * @param quarantines drives quarantined
 * @param prefetchLatencyMeanMicros mean prefetch fill start to READY
 * @param prefetchLatencyP99Micros 99th percentile of the same, to 10 µs
 * @param prefetchLatency the whole prefetch latency histogram
 */
public record CellResult(
        SweepCell cell,
        long attempts,
        long attemptsWithFpre004,
        double fpre004Rate,
        double fpre004RateLow,
        double fpre004RateHigh,
        long fpre004,
        long reads,
        long readsOk,
        double successRate,
        int seedsWithFpre004,
        double attemptsToFirstFpre004Mean,
        long firstFpre004Seed,
        int firstFpre004Attempt,
        long retries,
        long quarantines,
        double prefetchLatencyMeanMicros,
        long prefetchLatencyP99Micros,
        LatencyCounts prefetchLatency) {}
