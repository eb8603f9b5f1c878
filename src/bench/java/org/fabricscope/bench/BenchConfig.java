package org.fabricscope.bench;

/**
 * How big each part of a benchmark run is.
 *
 * @param quick the run was asked for with {@code --quick} (reported in the JSON)
 * @param smallEvents events in the small trace (the denominator of the large-versus-small ratios)
 * @param largeEvents events in the large trace
 * @param simSeconds wall time spent measuring each scenario's simulator speed
 * @param sweepAttempts attempts in the patched find-repro sweep (the soak adds about as many)
 * @param ioRepeats timed loads and scans of the large file (the small one is repeated more)
 * @param queries random state/navigation queries per trace
 * @param frameRepeats timed frames per zoom level (the median is reported)
 * @param frames measure timeline frames (starts a headless JavaFX toolkit)
 * @param startup measure start-up to first frame (launches the app in a child JVM)
 */
public record BenchConfig(
        boolean quick,
        int smallEvents,
        int largeEvents,
        double simSeconds,
        int sweepAttempts,
        int ioRepeats,
        int queries,
        int frameRepeats,
        boolean frames,
        boolean startup) {

    /** The full run: 10 thousand and 10 million events. */
    public static BenchConfig fullRun() {
        return new BenchConfig(false, 10_000, 10_000_000, 3.0, 6_000, 3, 200_000, 25, true, true);
    }

    /** {@code --quick}: 1 million events instead of 10 million, shorter timings. */
    public static BenchConfig quickRun() {
        return new BenchConfig(true, 10_000, 1_000_000, 1.0, 1_500, 2, 100_000, 9, true, true);
    }

    /** Tiny sizes and no rendering: for a unit test of the JSON's shape. */
    public static BenchConfig tinyWithoutRendering() {
        return new BenchConfig(true, 2_000, 5_000, 0.05, 4, 1, 1_000, 1, false, false);
    }
}
