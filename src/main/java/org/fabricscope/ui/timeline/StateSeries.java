package org.fabricscope.ui.timeline;

/**
 * One lane band's value over time, as change points: from {@code time(i)} on (until the next
 * change point) the value is {@code value(i)}; before the first change point it is 0, the initial
 * value of every field. Consecutive change points have different values; several may share a time
 * (a zero-length interval). Immutable once built; plain Java.
 */
public final class StateSeries {
    static final StateSeries EMPTY = new StateSeries(new long[0], new int[0], new int[0], 0);

    private final long[] times;
    private final int[] values;
    private final int[] seqs;
    private final int size;

    StateSeries(long[] times, int[] values, int[] seqs, int size) {
        this.times = times;
        this.values = values;
        this.seqs = seqs;
        this.size = size;
    }

    /** Number of change points. */
    public int size() {
        return size;
    }

    public long time(int i) {
        return times[i];
    }

    public int value(int i) {
        return values[i];
    }

    /** The event that made change point {@code i}. */
    public int seq(int i) {
        return seqs[i];
    }

    /** The last change point at or before {@code t}, or -1 if {@code t} is before the first. */
    public int indexAt(double t) {
        return firstAfter(t) - 1;
    }

    /** The value at time {@code t}. */
    public int valueAt(double t) {
        int i = indexAt(t);
        return i < 0 ? 0 : values[i];
    }

    /** The first change point strictly after {@code t} ({@link #size()} if none). */
    public int firstAfter(double t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first change point at or after {@code t} ({@link #size()} if none). */
    public int firstAtOrAfter(double t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The first change point at or after {@code t}, searching from index {@code from} onwards
     * (galloping, so walking a lane pixel by pixel costs little per step).
     */
    public int firstAtOrAfter(double t, int from) {
        return gallop(t, Math.max(0, from), false);
    }

    /** The first change point strictly after {@code t}, searching from {@code from} onwards. */
    public int firstAfter(double t, int from) {
        return gallop(t, Math.max(0, from), true);
    }

    private int gallop(double t, int from, boolean strict) {
        int lo = from;
        int hi = from;
        int step = 1;
        while (hi < size && (strict ? times[hi] <= t : times[hi] < t)) {
            lo = hi + 1;
            hi += step;
            step <<= 1;
        }
        hi = Math.min(hi, size);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (strict ? times[mid] <= t : times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Growable write side. */
    static final class Builder {
        private long[] times = new long[8];
        private int[] values = new int[8];
        private int[] seqs = new int[8];
        private int size;

        /** The current (last) value, 0 before any change. */
        int current() {
            return size == 0 ? 0 : values[size - 1];
        }

        /** Records a change to {@code value} at {@code time}; ignored if the value is unchanged. */
        void change(long time, int value, int seq) {
            if (value == current()) {
                return;
            }
            if (size == times.length) {
                int cap = size * 2;
                times = java.util.Arrays.copyOf(times, cap);
                values = java.util.Arrays.copyOf(values, cap);
                seqs = java.util.Arrays.copyOf(seqs, cap);
            }
            times[size] = time;
            values[size] = value;
            seqs[size] = seq;
            size++;
        }

        StateSeries build() {
            if (size == 0) {
                return EMPTY;
            }
            return new StateSeries(
                    java.util.Arrays.copyOf(times, size),
                    java.util.Arrays.copyOf(values, size),
                    java.util.Arrays.copyOf(seqs, size),
                    size);
        }
    }
}
