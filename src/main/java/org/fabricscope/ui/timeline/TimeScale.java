package org.fabricscope.ui.timeline;

/**
 * The timeline's time&lt;-&gt;pixel maths, in one place: which simulated time sits at which x of
 * the plot area, and how zooming, panning and fitting change that. Plain Java, no JavaFX, so it
 * is tested without a Stage.
 *
 * <p>x is measured in pixels from the left edge of the plot area; time in microseconds (as a
 * double, so sub-microsecond zoom stays smooth). The visible window is kept inside the data
 * bounds plus {@link #PAD_PIXELS} of padding on each side, so the first and last events are never
 * glued to the edge and the user cannot pan into empty space.
 */
public final class TimeScale {
    /** Padding, in pixels, kept around the data at fit-all. */
    public static final double PAD_PIXELS = 10;
    /** The deepest zoom: 100 pixels per microsecond. */
    public static final double MIN_MICROS_PER_PIXEL = 0.01;

    private double startMicros;
    private double microsPerPixel = 1;
    private double width = 100;
    private long minMicros;
    private long maxMicros = 100;

    /** Sets the data bounds (first and last event time) and re-clamps the view. */
    public void setBounds(long minMicros, long maxMicros) {
        if (maxMicros < minMicros) {
            throw new IllegalArgumentException("max " + maxMicros + " < min " + minMicros);
        }
        this.minMicros = minMicros;
        this.maxMicros = maxMicros;
        clamp();
    }

    /** Sets the plot width in pixels, keeping the time at x = 0 and the zoom. */
    public void setWidth(double width) {
        this.width = Math.max(1, width);
        clamp();
    }

    public double width() {
        return width;
    }

    public long minMicros() {
        return minMicros;
    }

    public long maxMicros() {
        return maxMicros;
    }

    /** Time at the left edge of the plot area. */
    public double startMicros() {
        return startMicros;
    }

    /** Time at the right edge of the plot area. */
    public double endMicros() {
        return startMicros + width * microsPerPixel;
    }

    public double microsPerPixel() {
        return microsPerPixel;
    }

    /** The x of time {@code t} (may lie outside 0..width). */
    public double xForTime(double t) {
        return (t - startMicros) / microsPerPixel;
    }

    /** The time at {@code x}. */
    public double timeAtX(double x) {
        return startMicros + x * microsPerPixel;
    }

    /** Whether time {@code t} is inside the visible window. */
    public boolean isVisible(double t) {
        return t >= startMicros && t <= endMicros();
    }

    /**
     * Zooms by {@code factor} (&gt; 1 zooms in) keeping the time under {@code x} under {@code x},
     * as far as the limits allow.
     */
    public void zoomAround(double x, double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("zoom factor must be positive: " + factor);
        }
        double t = timeAtX(x);
        microsPerPixel = clampScale(microsPerPixel / factor);
        startMicros = t - x * microsPerPixel;
        clamp();
    }

    /** Moves the view by {@code dx} pixels: positive shows later times. */
    public void panPixels(double dx) {
        startMicros += dx * microsPerPixel;
        clamp();
    }

    /** Shows exactly {@code [t0, t1]} across the width (as far as the limits allow). */
    public void fit(double t0, double t1) {
        double lo = Math.min(t0, t1);
        double hi = Math.max(t0, t1);
        microsPerPixel = clampScale(Math.max(hi - lo, MIN_MICROS_PER_PIXEL) / width);
        startMicros = (lo + hi) / 2 - width * microsPerPixel / 2;
        clamp();
    }

    /** Shows the whole data range with its padding. */
    public void fitAll() {
        microsPerPixel = maxMicrosPerPixel();
        startMicros = minMicros - PAD_PIXELS * microsPerPixel;
        clamp();
    }

    /** Centres the view on {@code t} without changing the zoom. */
    public void centerOn(double t) {
        startMicros = t - width * microsPerPixel / 2;
        clamp();
    }

    /** Whether the view shows everything (no further zoom-out possible). */
    public boolean isFitAll() {
        return microsPerPixel >= maxMicrosPerPixel() * (1 - 1e-9);
    }

    private double maxMicrosPerPixel() {
        double span = Math.max(1, maxMicros - minMicros);
        return Math.max(MIN_MICROS_PER_PIXEL, span / Math.max(1, width - 2 * PAD_PIXELS));
    }

    private double clampScale(double mpp) {
        return Math.max(MIN_MICROS_PER_PIXEL, Math.min(maxMicrosPerPixel(), mpp));
    }

    private void clamp() {
        microsPerPixel = clampScale(microsPerPixel);
        double pad = PAD_PIXELS * microsPerPixel;
        double lo = minMicros - pad;
        double hi = maxMicros + pad - width * microsPerPixel;
        if (hi < lo) {
            // The whole range fits: pin it to the left padding rather than float it.
            startMicros = lo;
        } else {
            startMicros = Math.max(lo, Math.min(hi, startMicros));
        }
    }
}
