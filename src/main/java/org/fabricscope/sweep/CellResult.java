package org.fabricscope.sweep;

/**
 * What one cell measured over all its base seeds.
 *
 * <p>The FPRE004 rate is per attempt: the share of attempts (independent runs) that raised at
 * least one FPRE004, so it is a binomial proportion with a proper Wilson interval, and {@code
 * 1 / rate} is the expected number of attempts to reproduce it.
 *
 * <p>The {@code firstFpre004*} fields name the cell's first failing attempt, so a click on the cell
 * re-runs exactly that attempt instead of searching. They are {@link #NOT_RECORDED} when read from
 * a result file written before they existed (the field is absent there, not null); a reader that
 * needs the attempt then has to search for one.
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
 * @param firstFpre004Seq the event sequence number of that attempt's first FPRE004, or -1: the
 *     cell's scenario, {@code firstFpre004Seed}, {@code firstFpre004Attempt} and the cell's patch
 *     re-run that attempt event for event, and its first FPRE004 is this event
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
        int firstFpre004Seq,
        long retries,
        long quarantines,
        double prefetchLatencyMeanMicros,
        long prefetchLatencyP99Micros,
        LatencyCounts prefetchLatency) {
    /** A {@code firstFpre004*} value absent from an older result file (-1 means "none raised"). */
    public static final int NOT_RECORDED = -2;

    /** Whether the first failing attempt is known: recorded, and some attempt raised FPRE004. */
    public boolean hasFirstFpre004() {
        return firstFpre004Seed >= 0 && firstFpre004Attempt > 0;
    }
}
