package org.fabricscope.ui.sweeps;

/** The 95 % Wilson score interval of a proportion: sound at 0 and at small counts, unlike p ± 1.96·σ. */
public final class Wilson {
    /** The normal quantile of a two-sided 95 % interval. */
    static final double Z = 1.959963984540054;

    private Wilson() {}

    /** {low, high} for {@code k} successes in {@code n} trials; {0, 1} when {@code n == 0}. */
    public static double[] interval(long k, long n) {
        if (n <= 0) {
            return new double[] {0, 1};
        }
        double p = (double) Math.min(k, n) / n;
        double z2 = Z * Z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        // At k = 0 (k = n) the bound is exactly 0 (1); rounding would leave a hair above (below).
        double low = k <= 0 ? 0 : Math.max(0, centre - half);
        double high = k >= n ? 1 : Math.min(1, centre + half);
        return new double[] {low, high};
    }
}
