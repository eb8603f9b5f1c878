package org.fabricscope.ui.timeline;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The plot area of a dense frame, painted in Java into one pixel array and handed to the canvas
 * as a single image. A zoomed-out frame of a big trace has tens of thousands of one-pixel
 * rectangles; as Canvas commands, each is recorded, then rasterised with anti-aliasing by the
 * renderer, and the frame's cost follows the rectangles. Here each costs a few array stores and
 * the canvas draws one image, so the cost follows the pixels.
 *
 * <p>Rectangles are given in canvas coordinates and snapped to whole device pixels (a rectangle
 * at least one pixel wide stays at least one pixel wide); translucent colours are blended over
 * what is already there. The raster is at the canvas's output scale, so a HiDPI screen gets a
 * sharp picture. Two images take turns, so the one a pending pulse may still be uploading is not
 * the one being rewritten.
 */
final class PlotRaster {
    /** Rectangles at most this many pixels wide are filled by a plain loop. */
    private static final int NARROW = 8;

    private final double originX;
    private final double originY;
    private double scale = 1;
    private int width;
    private int height;
    private int[] pixels = new int[0];
    // Two images over their own pixel arrays (no copy: the renderer reads the array directly, in
    // the premultiplied ARGB that the software pipeline also uses), taking turns frame by frame.
    private final int[][] slotPixels = new int[2][];
    private final PixelBuffer<IntBuffer>[] slotBuffers = newBuffers();
    private final WritableImage[] slotImages = new WritableImage[2];
    private int slot;

    /** A raster whose pixel (0, 0) is at canvas point ({@code originX}, {@code originY}). */
    PlotRaster(double originX, double originY) {
        this.originX = originX;
        this.originY = originY;
    }

    /**
     * Starts a frame of {@code logicalWidth} x {@code logicalHeight} canvas units at {@code scale}
     * device pixels per unit, filled with {@code argb}.
     */
    void begin(double logicalWidth, double logicalHeight, double scale, int argb) {
        begin(logicalWidth, logicalHeight, scale);
        Arrays.fill(pixels, 0, width * height, argb);
    }

    /**
     * Starts a frame without clearing it: the caller covers every pixel with opaque fills (its
     * contents are a frame of two frames ago).
     */
    void begin(double logicalWidth, double logicalHeight, double scale) {
        this.scale = scale > 0 ? scale : 1;
        width = Math.max(0, (int) Math.ceil(logicalWidth * this.scale));
        height = Math.max(0, (int) Math.ceil(logicalHeight * this.scale));
        int n = width * height;
        slot ^= 1;
        PixelBuffer<IntBuffer> buffer = slotBuffers[slot];
        if (n > 0 && (buffer == null || buffer.getWidth() != width || buffer.getHeight() != height)) {
            slotPixels[slot] = new int[n];
            buffer = new PixelBuffer<>(
                    width, height, IntBuffer.wrap(slotPixels[slot]), PixelFormat.getIntArgbPreInstance());
            slotBuffers[slot] = buffer;
            slotImages[slot] = new WritableImage(buffer);
        }
        pixels = n > 0 ? slotPixels[slot] : new int[0];
    }

    @SuppressWarnings("unchecked")
    private static PixelBuffer<IntBuffer>[] newBuffers() {
        return (PixelBuffer<IntBuffer>[]) new PixelBuffer<?>[2];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The colour at device pixel ({@code x}, {@code y}), as opaque ARGB. */
    int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    /** Fills a rectangle given in canvas coordinates with {@code argb} (blended if translucent). */
    void fill(int argb, double x, double y, double w, double h) {
        if (!(w > 0) || !(h > 0)) {
            return;
        }
        int x0 = snap((x - originX) * scale);
        int x1 = snap((x + w - originX) * scale);
        int y0 = snap((y - originY) * scale);
        int y1 = snap((y + h - originY) * scale);
        if (x1 == x0) {
            x1 = x0 + 1;
        }
        if (y1 == y0) {
            y1 = y0 + 1;
        }
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(width, x1);
        y1 = Math.min(height, y1);
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        int alpha = argb >>> 24;
        if (alpha == 0xff) {
            int span = x1 - x0;
            if (span <= NARROW) {
                // Most rectangles of a dense frame are markers a few pixels wide: a plain loop
                // beats a call per row.
                for (int row = y0, at = y0 * width + x0; row < y1; row++, at += width) {
                    for (int i = at, end = at + span; i < end; i++) {
                        pixels[i] = argb;
                    }
                }
            } else {
                for (int row = y0, at = y0 * width; row < y1; row++, at += width) {
                    Arrays.fill(pixels, at + x0, at + x1, argb);
                }
            }
        } else if (alpha != 0) {
            blend(argb, alpha, x0, y0, x1, y1);
        }
    }

    /** Rounds half up to a whole pixel (Math.floor is an intrinsic; Math.round is not, on JDK 17). */
    private static int snap(double v) {
        return (int) Math.floor(v + 0.5);
    }

    private void blend(int argb, int alpha, int x0, int y0, int x1, int y1) {
        int keep = 255 - alpha;
        int sr = ((argb >> 16) & 0xff) * alpha;
        int sg = ((argb >> 8) & 0xff) * alpha;
        int sb = (argb & 0xff) * alpha;
        for (int row = y0; row < y1; row++) {
            int at = row * width;
            for (int i = at + x0, end = at + x1; i < end; i++) {
                int d = pixels[i];
                int r = (sr + ((d >> 16) & 0xff) * keep + 127) / 255;
                int g = (sg + ((d >> 8) & 0xff) * keep + 127) / 255;
                int b = (sb + (d & 0xff) * keep + 127) / 255;
                pixels[i] = 0xff000000 | (r << 16) | (g << 8) | b;
            }
        }
    }

    /** Draws the frame onto {@code gc} at the raster's origin (one image, no smoothing). */
    void drawTo(GraphicsContext gc) {
        if (width == 0 || height == 0) {
            return;
        }
        WritableImage image = slotImages[slot];
        slotBuffers[slot].updateBuffer(b -> null);
        gc.save();
        gc.setImageSmoothing(false);
        gc.drawImage(image, originX, originY, width / scale, height / scale);
        gc.restore();
    }

    /** {@code color} as ARGB, alpha included. */
    static int argb(Color color) {
        int a = (int) Math.round(color.getOpacity() * 255);
        int r = (int) Math.round(color.getRed() * 255);
        int g = (int) Math.round(color.getGreen() * 255);
        int b = (int) Math.round(color.getBlue() * 255);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }
}
