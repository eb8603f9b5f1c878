package org.fabricscope.sim.explore;

/** The finite domain of a timing draw: its N levels. */
final class Levels {
    private Levels() {}

    /** Number of distinct levels of a uniform draw over [min, max] (min &lt; max). */
    static int uniformCount(long min, long max, int levels) {
        long span = max - min;
        return (int) Math.min(levels, span + 1);
    }

    /** Level {@code k} of {@code count}: min, max and evenly spaced values between. */
    static long uniform(long min, long max, int k, int count) {
        if (count == 1) {
            return min + (max - min) / 2;
        }
        return min + Math.round((double) (max - min) * k / (count - 1));
    }

    /** Level {@code k} of {@code count} of an exponential of mean {@code mean}: its (k + ½)/count quantile. */
    static long exponential(double mean, int k, int count) {
        double q = (k + 0.5) / count;
        return Math.max(1L, Math.round(-mean * Math.log(1.0 - q)));
    }
}
