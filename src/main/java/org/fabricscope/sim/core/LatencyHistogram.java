package org.fabricscope.sim.core;

/**
 * Latencies in fixed 10 µs buckets up to 200 ms (one overflow bucket beyond), so that percentiles
 * are exact to a bucket, deterministic, and histograms of many runs merge by addition.
 */
public final class LatencyHistogram {
    public static final int BUCKET_MICROS = 10;
    private static final int BUCKETS = 20_000;

    private final int buckets;
    private final long[] counts;
    private long count;
    private long sumMicros;

    /** Buckets up to 200 ms. */
    public LatencyHistogram() {
        this(BUCKETS);
    }

    /** {@code buckets} buckets of 10 µs, then one overflow bucket: smaller, for many per run. */
    public LatencyHistogram(int buckets) {
        this.buckets = buckets;
        this.counts = new long[buckets + 1];
    }

    public void add(long micros) {
        long m = Math.max(0, micros);
        int b = (int) Math.min(buckets, m / BUCKET_MICROS);
        counts[b]++;
        count++;
        sumMicros += m;
    }

    /** Adds another histogram of the same bucket count. */
    public void addAll(LatencyHistogram other) {
        if (other.counts.length != counts.length) {
            throw new IllegalArgumentException("histograms of different sizes");
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sumMicros += other.sumMicros;
    }

    public long count() {
        return count;
    }

    /** The sum of every latency added, in µs (for exact means when summaries are merged). */
    public long sumMicros() {
        return sumMicros;
    }

    /** A copy of the counts per 10 µs bucket, the last being the overflow bucket. */
    public long[] bucketCounts() {
        return counts.clone();
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
