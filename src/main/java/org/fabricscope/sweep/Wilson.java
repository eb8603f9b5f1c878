package org.fabricscope.sweep;

/**
 * The Wilson score interval of a binomial proportion. Chosen over the normal approximation because
 * sweeps are full of cells with 0 or very few FPRE004s, where the normal interval collapses to
 * zero width; Wilson's stays inside [0, 1] and is honest about small counts.
 */
public final class Wilson {
    /** The two-sided 95 % normal quantile. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {}

    /**
     * The 95 % interval of {@code hits} out of {@code trials}: {@code {low, high}}; {@code {0, 1}}
     * with no trials.
     */
    public static double[] interval95(long hits, long trials) {
        return interval(hits, trials, Z95);
    }

    /** The Wilson interval for quantile {@code z}. */
    public static double[] interval(long hits, long trials, double z) {
        if (hits < 0 || hits > trials) {
            throw new IllegalArgumentException("hits " + hits + " out of 0.." + trials);
        }
        if (trials == 0) {
            return new double[] {0.0, 1.0};
        }
        double n = trials;
        double p = hits / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double denominator = 1 + z2 / n;
        double low = hits == 0 ? 0.0 : Math.max(0.0, (centre - half) / denominator);
        double high = hits == trials ? 1.0 : Math.min(1.0, (centre + half) / denominator);
        return new double[] {low, high};
    }
}
