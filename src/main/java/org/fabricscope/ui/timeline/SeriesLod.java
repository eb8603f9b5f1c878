package org.fabricscope.ui.timeline;

/**
 * Level of detail for a {@link StateSeries}: turns the visible part of a series into at most one
 * segment per pixel column, so drawing cost follows pixels, not events. Plain Java.
 *
 * <p>Column {@code c} covers times {@code [start + c·mpp, start + (c+1)·mpp)}. A column with no
 * change inside continues the run it is in; a column with exactly one change takes the new value
 * (so every interval gets at least one pixel); a column with two or more changes holds an interval
 * narrower than a pixel and is emitted as {@link #MIXED}, so a transition never vanishes when
 * zoomed out. Adjacent columns with the same value are merged into one segment.
 */
public final class SeriesLod {
    /** The value of a column that holds more than one change. */
    public static final int MIXED = Integer.MIN_VALUE;

    /** Receives segments: columns {@code [x0, x1)} show {@code value} (or {@link #MIXED}). */
    @FunctionalInterface
    public interface SegmentSink {
        void segment(int x0, int x1, int value);
    }

    private SeriesLod() {}

    /**
     * Emits the segments of {@code series} over columns {@code [colFrom, colTo)}, left to right.
     *
     * @param startMicros time at column 0's left edge
     * @param microsPerPixel the width of a column, in microseconds
     */
    public static void segments(
            StateSeries series, double startMicros, double microsPerPixel, int colFrom, int colTo, SegmentSink sink) {
        int n = series.size();
        int c = colFrom;
        int k = series.firstAfter(startMicros + c * microsPerPixel, 0) - 1;
        int runStart = c;
        int runValue = 0;
        boolean inRun = false;
        while (c < colTo) {
            double colEnd = startMicros + (c + 1) * microsPerPixel;
            int j = series.firstAtOrAfter(colEnd, k + 1);
            int inside = j - 1 - k;
            int value;
            int next;
            if (inside == 0) {
                value = k < 0 ? 0 : series.value(k);
                if (j >= n) {
                    next = colTo;
                } else {
                    long colOfChange = (long) Math.floor((series.time(j) - startMicros) / microsPerPixel);
                    next = (int) Math.min(colTo, Math.max(c + 1, colOfChange));
                }
            } else {
                value = inside == 1 ? series.value(j - 1) : MIXED;
                next = c + 1;
            }
            if (!inRun || value != runValue) {
                if (inRun) {
                    sink.segment(runStart, c, runValue);
                }
                runStart = c;
                runValue = value;
                inRun = true;
            }
            c = next;
            if (c < colTo) {
                k = series.firstAfter(startMicros + c * microsPerPixel, Math.max(0, j - 1)) - 1;
            }
        }
        if (inRun) {
            sink.segment(runStart, colTo, runValue);
        }
    }
}
