package org.fabricscope.ui.sweeps;

import java.util.List;

/**
 * What one cell of a sweep measured: a soak of the scenario with the axes at {@code x} (and
 * {@code y}) under one patch configuration.
 *
 * @param x the first axis's value
 * @param y the second axis's value (NaN without a second axis)
 * @param patched false: legacy (no switch); true: all three switches
 * @param reads reads done
 * @param fpre004 FPRE004s raised
 * @param rate FPRE004 per read ({@code fpre004 / reads}, at most 1)
 * @param rateLow lower end of the rate's 95 % Wilson interval
 * @param rateHigh upper end of the same
 * @param successRate reads served correctly on their first try, a fraction
 * @param firstFpre004Attempt attempts to the first FPRE004 (the lowest attempt raising one), or -1
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
        long reads,
        long fpre004,
        double rate,
        double rateLow,
        double rateHigh,
        double successRate,
        int firstFpre004Attempt,
        long retries,
        long quarantines,
        double prefetchMeanMicros,
        long prefetchP99Micros,
        List<Long> latencyBuckets) {
    public SweepCell {
        latencyBuckets = List.copyOf(latencyBuckets);
    }

    /** "legacy" or "patched". */
    public String side() {
        return patched ? "patched" : "legacy";
    }
}
