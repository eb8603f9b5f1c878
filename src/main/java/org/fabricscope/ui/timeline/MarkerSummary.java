package org.fabricscope.ui.timeline;

/**
 * Where one lane's markers of one category are, at a fixed resolution: the trace's time span cut
 * into {@code 2^k} equal buckets (8 to 16 per marker, at least 2^14, at most 2^22), one bit each,
 * set when a marker falls in the bucket. Zoomed far out, a pixel column spans many buckets, and the renderer finds the
 * occupied columns by scanning these bits instead of binary-searching the markers column by
 * column (each search touches the trace's time column at random: one cache miss per probe on a
 * big trace). Costs one or two bytes per marker, at most 512 KiB per lane and category.
 *
 * <p>Each summary finer than 2^14 buckets has a coarser one (one bit per 8 buckets, an eighth of
 * its size) and so on down: a zoomed-out frame scans the coarsest that is still fine enough, a
 * few KiB that stay in the processor's cache, rather than jumping through a big one.
 *
 * <p>A bucket is drawn in the column that holds its centre, so a marker lands at most half a
 * bucket from its true time; the renderer uses a summary only while a column spans at least
 * {@link #MIN_BUCKETS_PER_COLUMN} buckets, so that is at most 1/16 of a pixel. Plain Java.
 */
final class MarkerSummary {
    /** Summaries are used only while a pixel column spans at least this many buckets. */
    static final int MIN_BUCKETS_PER_COLUMN = 8;
    /** Lanes with fewer markers in a category have no summary: walking them is cheap. */
    static final int MIN_MARKERS = 64;

    private static final int MIN_BUCKETS = 1 << 14;
    private static final int MAX_BUCKETS = 1 << 22;

    private final double origin;
    private final double bucketMicros;
    private final int buckets;
    private final long[] bits;
    private MarkerSummary coarser;

    private MarkerSummary(double origin, double bucketMicros, int buckets) {
        this.origin = origin;
        this.bucketMicros = bucketMicros;
        this.buckets = buckets;
        this.bits = new long[(buckets + 63) >>> 6];
    }

    /**
     * A summary of {@code count} markers over {@code [startMicros, endMicros]}, to be filled with
     * {@link #add}; {@code null} when there are too few markers to need one.
     */
    static MarkerSummary forMarkers(int count, long startMicros, long endMicros) {
        if (count < MIN_MARKERS) {
            return null;
        }
        // Eight buckets per marker: a column spans the eight buckets a summary needs as soon as it
        // holds about one marker, which is where searching column by column starts to cost.
        int buckets = Math.max(MIN_BUCKETS, Math.min(MAX_BUCKETS, Integer.highestOneBit(count - 1) << 4));
        double span = Math.max(1, endMicros - startMicros + 1);
        return new MarkerSummary(startMicros, span / buckets, buckets);
    }

    /** Notes a marker at {@code timeMicros}. */
    void add(long timeMicros) {
        int b = (int) Math.min(buckets - 1, Math.max(0, (long) ((timeMicros - origin) / bucketMicros)));
        bits[b >>> 6] |= 1L << b;
    }

    /** Builds the coarser summaries; call once every marker is added. */
    void seal() {
        MarkerSummary fine = this;
        while (fine.buckets > MIN_BUCKETS && fine.buckets % 512 == 0) {
            MarkerSummary coarse = new MarkerSummary(fine.origin, fine.bucketMicros * 8, fine.buckets / 8);
            for (int w = 0; w < fine.bits.length; w++) {
                long word = fine.bits[w];
                if (word == 0) {
                    continue;
                }
                long groups = 0;
                for (int j = 0; j < 8; j++) {
                    if (((word >>> (8 * j)) & 0xff) != 0) {
                        groups |= 1L << j;
                    }
                }
                coarse.bits[w >>> 3] |= groups << (8 * (w & 7));
            }
            fine.coarser = coarse;
            fine = coarse;
        }
    }

    /**
     * The coarsest of this summary and its coarser ones that is usable at {@code microsPerPixel},
     * or {@code null} when not even this one is.
     */
    MarkerSummary coarsestUsableAt(double microsPerPixel) {
        if (!usableAt(microsPerPixel)) {
            return null;
        }
        MarkerSummary s = this;
        while (s.coarser != null && s.coarser.usableAt(microsPerPixel)) {
            s = s.coarser;
        }
        return s;
    }

    /** Heap taken by the bits, this summary's and its coarser ones', in bytes. */
    long bytes() {
        return 8L * bits.length + (coarser == null ? 0 : coarser.bytes());
    }

    double bucketMicros() {
        return bucketMicros;
    }

    int buckets() {
        return buckets;
    }

    /** Whether this summary is fine enough for columns of {@code microsPerPixel}. */
    boolean usableAt(double microsPerPixel) {
        return microsPerPixel >= MIN_BUCKETS_PER_COLUMN * bucketMicros;
    }

    /** The time at the centre of bucket {@code b}. */
    double centre(int b) {
        return origin + (b + 0.5) * bucketMicros;
    }

    /** The first bucket whose centre is at or after {@code t} (may be {@link #buckets()}). */
    int firstCentreAtOrAfter(double t) {
        double b = Math.ceil((t - origin) / bucketMicros - 0.5);
        if (b <= 0) {
            return 0;
        }
        return b >= buckets ? buckets : (int) b;
    }

    /** The first occupied bucket at or after {@code from}, or -1. */
    int nextOccupied(int from) {
        if (from >= buckets) {
            return -1;
        }
        int w = from >>> 6;
        long word = bits[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                int b = (w << 6) + Long.numberOfTrailingZeros(word);
                return b < buckets ? b : -1;
            }
            if (++w == bits.length) {
                return -1;
            }
            word = bits[w];
        }
    }
}
