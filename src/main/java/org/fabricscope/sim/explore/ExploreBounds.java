package org.fabricscope.sim.explore;

/**
 * The bounds of an exploration.
 *
 * @param jitterLevels how many values each timing draw may take, spread evenly across a uniform
 *     draw's range (both ends included) or at evenly spaced quantiles of an exponential draw; 1
 *     keeps every draw at its seeded value
 * @param maxChoices how many choice points (in run order) are explored; later draws keep their
 *     seeded value and later ties their scheduling order. {@code Integer.MAX_VALUE}: all
 * @param maxSchedules stop (incomplete) after this many schedules
 * @param ties whether timers due at the same instant are ordered every possible way
 */
public record ExploreBounds(int jitterLevels, int maxChoices, long maxSchedules, boolean ties) {
    public ExploreBounds {
        if (jitterLevels < 1 || jitterLevels > 64) {
            throw new IllegalArgumentException("jitter levels must be 1..64: " + jitterLevels);
        }
        if (maxChoices < 0) {
            throw new IllegalArgumentException("max choices must be at least 0: " + maxChoices);
        }
        if (maxSchedules < 1) {
            throw new IllegalArgumentException("max schedules must be at least 1: " + maxSchedules);
        }
    }

    public static ExploreBounds of(int jitterLevels) {
        return new ExploreBounds(jitterLevels, Integer.MAX_VALUE, 5_000_000, true);
    }

    /** One line, e.g. "8 levels per timing draw, all choice points, every tie order". */
    public String describe() {
        return jitterLevels + " levels per timing draw, "
                + (maxChoices == Integer.MAX_VALUE
                        ? "every choice point"
                        : "the first " + maxChoices + " choice points")
                + (ties ? ", every order of timers due at the same instant" : ", ties in scheduling order")
                + ", at most " + maxSchedules + " schedules";
    }
}
