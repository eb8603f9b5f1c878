package org.fabricscope.sim.core;

/**
 * Latencies in fixed 10 µs buckets up to 200 ms (one overflow bucket beyond), so that percentiles
 * are exact to a bucket, deterministic, and histograms of many runs merge by addition.
 */
public final class LatencyHistogram {
    public static final int BUCKET_MICROS = 10;
    private static final int BUCKETS = 20_000;

    private final long[] counts = new long[BUCKETS + 1];
    private long count;
    private long sumMicros;

    public void add(long micros) {
        long m = Math.max(0, micros);
        int b = (int) Math.min(BUCKETS, m / BUCKET_MICROS);
        counts[b]++;
        count++;
        sumMicros += m;
    }

    public void addAll(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sumMicros += other.sumMicros;
    }

    public long count() {
        return count;
    }

    public double meanMicros() {
        return count == 0 ? 0.0 : (double) sumMicros / count;
    }

    /** The upper edge of the bucket holding the {@code q}-quantile (0 when empty). */
    public long quantileMicros(double q) {
        if (count == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return (long) (i + 1) * BUCKET_MICROS;
            }
        }
        return (long) counts.length * BUCKET_MICROS;
    }
}
