package org.fabricscope.ui.timeline;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Rectangles collected per colour id and drawn colour by colour, so a frame sets each fill once.
 * Changing the fill per rectangle makes the Canvas command buffer grow so badly that a million
 * rectangles take minutes instead of milliseconds (docs/BENCHMARK.md). A dense frame paints the same batches
 * into a {@link PlotRaster} instead. Reused across frames.
 */
final class RectBatch {
    private double[][] rects;
    private int[] sizes;
    // Marks: each colour's size when mark() was called (a frame marks the end of each row).
    private int[][] marks = new int[64][];
    private int markCount;

    RectBatch(int colors) {
        rects = new double[colors][64];
        sizes = new int[colors];
    }

    void clear() {
        Arrays.fill(sizes, 0);
        markCount = 0;
    }

    /** Marks the end of a segment (say, a row's rectangles). */
    void mark() {
        if (markCount == marks.length) {
            marks = Arrays.copyOf(marks, markCount * 2);
        }
        int[] m = marks[markCount];
        if (m == null) {
            m = new int[sizes.length];
            marks[markCount] = m;
        }
        System.arraycopy(sizes, 0, m, 0, sizes.length);
        markCount++;
    }

    /** Number of {@link #mark()}s since the batch was last emptied. */
    int markCount() {
        return markCount;
    }

    /**
     * Paints segment {@code k} (the rectangles added between mark {@code k - 1} and mark
     * {@code k}) into {@code raster}, colour id by colour id. Painting a raster segment by segment
     * keeps the pixels being written in the processor's cache when segments are rows.
     */
    void paintSegment(int k, PlotRaster raster, IntUnaryOperator argbOf) {
        paint(k == 0 ? null : marks[k - 1], marks[k], raster, argbOf);
    }

    /** Paints each colour's rectangles from index {@code from[c]} (0 if null) to {@code to[c]}. */
    private void paint(int[] from, int[] to, PlotRaster raster, IntUnaryOperator argbOf) {
        for (int c = 0; c < sizes.length; c++) {
            int end = to[c];
            int i = from == null ? 0 : from[c];
            if (i == end) {
                continue;
            }
            int argb = argbOf.applyAsInt(c);
            double[] a = rects[c];
            for (; i < end; i += 4) {
                raster.fill(argb, a[i], a[i + 1], a[i + 2], a[i + 3]);
            }
        }
    }

    void add(int color, double x, double y, double w, double h) {
        if (color < 0) {
            return;
        }
        int s = sizes[color];
        double[] a = rects[color];
        if (s + 4 > a.length) {
            a = Arrays.copyOf(a, a.length * 2);
            rects[color] = a;
        }
        a[s] = x;
        a[s + 1] = y;
        a[s + 2] = w;
        a[s + 3] = h;
        sizes[color] = s + 4;
    }

    /** Number of rectangles waiting. */
    int size() {
        int n = 0;
        for (int s : sizes) {
            n += s / 4;
        }
        return n;
    }

    void flush(GraphicsContext gc, TimelinePalette palette) {
        flush(gc, palette::color);
    }

    /** Draws the rectangles onto {@code gc}, colour id by colour id, and empties the batch. */
    void flush(GraphicsContext gc, IntFunction<Color> colorOf) {
        for (int c = 0; c < sizes.length; c++) {
            int s = sizes[c];
            if (s == 0) {
                continue;
            }
            gc.setFill(colorOf.apply(c));
            double[] a = rects[c];
            for (int i = 0; i < s; i += 4) {
                gc.fillRect(a[i], a[i + 1], a[i + 2], a[i + 3]);
            }
        }
        clear();
    }

    /**
     * Paints the rectangles into {@code raster} in the same order as {@link #flush} would draw
     * them ({@code argbOf} gives each colour id's ARGB), and empties the batch.
     */
    void flush(PlotRaster raster, IntUnaryOperator argbOf) {
        paint(null, sizes, raster, argbOf);
        clear();
    }
}
