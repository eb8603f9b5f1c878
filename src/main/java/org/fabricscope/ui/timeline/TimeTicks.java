package org.fabricscope.ui.timeline;

import java.util.Locale;

/**
 * Tick steps and labels for the time axis: "nice" steps (1, 2, 5 times a power of ten
 * microseconds) at least a given number of pixels apart, labelled in the unit that suits the step
 * (µs, ms or s). Plain Java.
 */
public final class TimeTicks {
    private TimeTicks() {}

    /** The smallest nice step, in microseconds, whose ticks are at least {@code minPixels} apart. */
    public static double niceStepMicros(double microsPerPixel, double minPixels) {
        double raw = Math.max(1e-9, microsPerPixel * minPixels);
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * pow >= raw * (1 - 1e-12)) {
                return m * pow;
            }
        }
        return 10 * pow;
    }

    /** A label for tick time {@code t} on an axis whose step is {@code stepMicros}. */
    public static String label(double t, double stepMicros) {
        if (Math.abs(t) < stepMicros * 1e-6) {
            t = 0; // a tick at zero computed as -1e-12 must not read "-0 ms"
        }
        // Switch unit at half a unit, so labels stay short ("2.5 ms", not "2500 µs").
        if (stepMicros >= 500_000) {
            return trim(t / 1_000_000, decimals(stepMicros / 1_000_000)) + " s";
        }
        if (stepMicros >= 500) {
            return trim(t / 1_000, decimals(stepMicros / 1_000)) + " ms";
        }
        return trim(t, decimals(stepMicros)) + " µs";
    }

    /**
     * A time or duration in the one unit of tooltips, tables and readouts: milliseconds with
     * microsecond precision, e.g. {@code 82.707 ms}, {@code 0.850 ms}. Only the ruler switches units
     * ({@link #label}).
     */
    public static String millis(long micros) {
        // Integer arithmetic, not %f: exact for every long and independent of the default locale.
        String sign = micros < 0 ? "-" : "";
        long abs = Math.abs(micros);
        return String.format(Locale.ROOT, "%s%d.%03d ms", sign, abs / 1000, abs % 1000);
    }

    /** A scale for the ruler's corner: {@code 850 µs}, {@code 7.300 ms}, {@code 2.500000 s}. */
    public static String format(double micros) {
        double a = Math.abs(micros);
        if (a < 1_000) {
            return trim(micros, a == Math.rint(a) ? 0 : 2) + " µs";
        }
        if (a < 1_000_000) {
            return String.format(Locale.ROOT, "%.3f ms", micros / 1_000);
        }
        return String.format(Locale.ROOT, "%.6f s", micros / 1_000_000);
    }

    private static int decimals(double stepInUnit) {
        if (stepInUnit >= 1) {
            return 0;
        }
        return (int) Math.ceil(-Math.log10(stepInUnit) - 1e-9);
    }

    private static String trim(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
