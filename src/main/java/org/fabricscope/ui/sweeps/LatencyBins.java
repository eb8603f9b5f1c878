package org.fabricscope.ui.sweeps;

/**
 * Prefetch latency histograms of both sides, re-binned for drawing: bins of {@code binMicros}
 * from 0 up to the last bin either side uses, counts per bin, and each side's mean.
 */
public record LatencyBins(
        int binMicros, long[] legacy, long[] patched, double legacyMeanMicros, double patchedMeanMicros) {
    /** Re-bins the sweep's 10 µs histograms of both sides into bins of {@code binMicros}. */
    public static LatencyBins of(SweepResult r, int binMicros) {
        long[] l = r.latencyBuckets(false);
        long[] p = r.latencyBuckets(true);
        int per = Math.max(1, binMicros / 10);
        int bins = (Math.max(l.length, p.length) + per - 1) / per;
        long[] lb = new long[bins];
        long[] pb = new long[bins];
        for (int i = 0; i < l.length; i++) {
            lb[i / per] += l[i];
        }
        for (int i = 0; i < p.length; i++) {
            pb[i / per] += p[i];
        }
        return new LatencyBins(per * 10, lb, pb, mean(l), mean(p));
    }

    /** The mean from 10 µs buckets (each at its middle). */
    static double mean(long[] buckets) {
        long n = 0;
        double sum = 0;
        for (int i = 0; i < buckets.length; i++) {
            n += buckets[i];
            sum += buckets[i] * (i * 10 + 5.0);
        }
        return n == 0 ? 0 : sum / n;
    }

    public double fromMillis(int bin) {
        return bin * binMicros / 1000.0;
    }
}
