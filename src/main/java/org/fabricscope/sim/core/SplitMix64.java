package org.fabricscope.sim.core;

/**
 * A small, fast, deterministic random stream (SplitMix64, Steele/Lea/Flood 2014). Each actor owns
 * one, seeded from the run's root stream, so adding draws in one actor never shifts another's.
 * Not thread-safe, and never shared between runs.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    /** Null except in an explored run (see {@link Choices}); inherited by {@link #split()}. */
    private Choices choices;

    private int stream;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The SplitMix64 finaliser: a bijective mix of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of one attempt, derived from the base seed and the 1-based attempt number. */
    public static long attemptSeed(long baseSeed, int attempt) {
        return mix(mix(baseSeed) + GOLDEN_GAMMA * attempt);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, bound); bound must be positive. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** Uniform in [min, max], both inclusive; requires min <= max. */
    public long uniform(long min, long max) {
        if (max <= min) {
            return min;
        }
        long span = max - min + 1;
        long drawn = min + Long.remainderUnsigned(nextLong(), span);
        return choices == null ? drawn : choices.uniform(stream, min, max, drawn);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return p > 0 && nextDouble() < p;
    }

    /** Exponentially distributed with the given mean, rounded to whole microseconds, at least 1. */
    public long exponential(double mean) {
        double u = nextDouble();
        long drawn = Math.max(1L, Math.round(-mean * Math.log(1.0 - u)));
        return choices == null ? drawn : choices.exponential(stream, mean, drawn);
    }

    /** A new independent stream seeded from this one. */
    public SplitMix64 split() {
        SplitMix64 child = new SplitMix64(nextLong());
        if (choices != null) {
            child.choices = choices;
            child.stream = choices.newStream();
        }
        return child;
    }

    /** Makes this stream (and every stream split from it later) take timing values from {@code choices}. */
    public void explore(Choices choices) {
        this.choices = choices;
    }
}
