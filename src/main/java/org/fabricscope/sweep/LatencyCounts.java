package org.fabricscope.sweep;

import java.io.Serializable;
import java.util.Arrays;
import org.fabricscope.sim.core.LatencyHistogram;

/**
 * A prefetch latency histogram in the simulator's 10 µs buckets ({@link LatencyHistogram}),
 * trimmed after its last non-empty bucket so that it is small to keep per cell and to ship between
 * machines. Immutable. Merging is addition, so a merged histogram (and its mean and quantiles) is
 * exactly that of all the runs, in whatever order they were merged.
 */
public final class LatencyCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The empty histogram. */
    public static final LatencyCounts EMPTY = new LatencyCounts(new long[0], 0);

    private final long[] counts;
    private final long count;
    private final long sumMicros;

    private LatencyCounts(long[] counts, long sumMicros) {
        this.counts = counts;
        long c = 0;
        for (long x : counts) {
            c += x;
        }
        this.count = c;
        this.sumMicros = sumMicros;
    }

    /** Counts per bucket (bucket i holds latencies in [10 i, 10 i + 10) µs) and the sum of all latencies. */
    public static LatencyCounts of(long[] counts, long sumMicros) {
        int n = counts.length;
        while (n > 0 && counts[n - 1] == 0) {
            n--;
        }
        return new LatencyCounts(Arrays.copyOf(counts, n), sumMicros);
    }

    public static LatencyCounts of(LatencyHistogram h) {
        return of(h.bucketCounts(), h.sumMicros());
    }

    /** The sum of both histograms. */
    public LatencyCounts plus(LatencyCounts other) {
        long[] sum = Arrays.copyOf(counts, Math.max(counts.length, other.counts.length));
        for (int i = 0; i < other.counts.length; i++) {
            sum[i] += other.counts[i];
        }
        return new LatencyCounts(sum, sumMicros + other.sumMicros);
    }

    /** The width of a bucket, in µs. */
    public static int bucketMicros() {
        return LatencyHistogram.BUCKET_MICROS;
    }

    /** A copy of the counts per bucket (up to the last non-empty one). */
    public long[] counts() {
        return counts.clone();
    }

    public long count() {
        return count;
    }

    public long sumMicros() {
        return sumMicros;
    }

    /** The mean latency in µs; 0 when empty. */
    public double meanMicros() {
        return count == 0 ? 0.0 : (double) sumMicros / count;
    }

    /** The upper edge of the bucket holding the {@code q}-quantile, as {@link LatencyHistogram#quantileMicros}. */
    public long quantileMicros(double q) {
        if (count == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return (long) (i + 1) * LatencyHistogram.BUCKET_MICROS;
            }
        }
        return (long) counts.length * LatencyHistogram.BUCKET_MICROS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyCounts l && l.sumMicros == sumMicros && Arrays.equals(l.counts, counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + Long.hashCode(sumMicros);
    }
}
