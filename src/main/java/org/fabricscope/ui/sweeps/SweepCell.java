package org.fabricscope.ui.sweeps;

import java.util.List;

/**
 * What one cell of a sweep measured, as the view draws it: a soak of the scenario with the axes at
 * {@code x} (and {@code y}) under one patch configuration (from the engine's {@code CellResult}).
 *
 * @param x the first axis's value
 * @param y the second axis's value (NaN without a second axis)
 * @param patched false: legacy (no switch); true: all three switches
 * @param attempts attempts (independent runs) the cell's soak ran
 * @param attemptsWithFpre004 attempts that raised at least one FPRE004
 * @param reads reads done
 * @param fpre004 FPRE004s raised
 * @param rate the FPRE004 rate: the share of attempts with an FPRE004 (as the {@code sweep}
 *     command reports it; {@code 1 / rate} is the expected number of attempts to reproduce it)
 * @param rateLow lower end of the rate's 95 % Wilson interval
 * @param rateHigh upper end of the same
 * @param successRate reads served correctly on their first try, a fraction
 * @param firstFpre004Seed the base seed of the cell's first failing attempt, -1 if none failed, or
 *     {@code CellResult.NOT_RECORDED} (read from a result file that predates it)
 * @param firstFpre004Attempt attempts to the first FPRE004 (the lowest attempt raising one), -1, or
 *     not recorded as above
 * @param firstFpre004Seq that attempt's first FPRE004 event, -1, or not recorded as above
 * @param retries retries of the first-response script
 * @param quarantines drives quarantined
 * @param prefetchMeanMicros mean prefetch fill-to-READY latency
 * @param prefetchP99Micros its 99th percentile
 * @param latencyBuckets prefetch latencies per 10 µs bucket (the histogram)
 */
public record SweepCell(
        double x,
        double y,
        boolean patched,
        long attempts,
        long attemptsWithFpre004,
        long reads,
        long fpre004,
        double rate,
        double rateLow,
        double rateHigh,
        double successRate,
        long firstFpre004Seed,
        int firstFpre004Attempt,
        int firstFpre004Seq,
        long retries,
        long quarantines,
        double prefetchMeanMicros,
        long prefetchP99Micros,
        List<Long> latencyBuckets) {
    public SweepCell {
        latencyBuckets = List.copyOf(latencyBuckets);
    }

    /** Whether the engine recorded which attempt failed first (so a click need not search). */
    public boolean firstFpre004Recorded() {
        return firstFpre004Seed != org.fabricscope.sweep.CellResult.NOT_RECORDED
                && firstFpre004Attempt != org.fabricscope.sweep.CellResult.NOT_RECORDED;
    }

    /** "legacy" or "patched". */
    public String side() {
        return patched ? "patched" : "legacy";
    }
}
