package org.fabricscope.trace;

import java.util.Arrays;

/**
 * What made a run one schedule of an exploration rather than the seeded run: the bounds its
 * choice points were drawn under and the index chosen at each, in run order. A trace whose header
 * holds one re-runs only with these choices ({@code simulate --schedule}); re-running its header
 * without them gives the seeded run, another run.
 *
 * @param jitterLevels the levels each timing draw could take
 * @param maxChoices how many choice points were explored ({@code Integer.MAX_VALUE}: all)
 * @param ties whether timers due at the same instant were ordered every way
 * @param choices the index chosen at each choice point
 */
public record ExploredSchedule(int jitterLevels, int maxChoices, boolean ties, int[] choices) {
    /** The most choices a header may hold. */
    public static final int MAX_CHOICES = 1_000_000;

    public ExploredSchedule {
        if (jitterLevels < 1 || jitterLevels > 64) {
            throw new IllegalArgumentException("schedule jitterLevels must be 1..64: " + jitterLevels);
        }
        if (maxChoices < 0) {
            throw new IllegalArgumentException("schedule maxChoices must be at least 0: " + maxChoices);
        }
        if (choices.length > MAX_CHOICES) {
            throw new IllegalArgumentException("a schedule holds at most " + MAX_CHOICES + " choices");
        }
        for (int c : choices) {
            if (c < 0) {
                throw new IllegalArgumentException("a schedule's choices are indexes, at least 0: " + c);
            }
        }
        choices = choices.clone();
    }

    @Override
    public int[] choices() {
        return choices.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExploredSchedule s
                && s.jitterLevels == jitterLevels
                && s.maxChoices == maxChoices
                && s.ties == ties
                && Arrays.equals(s.choices, choices);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(choices) + jitterLevels * 7 + maxChoices + (ties ? 1 : 0);
    }

    @Override
    public String toString() {
        return "ExploredSchedule[" + jitterLevels + " levels, " + maxChoices + " choices max, ties " + ties + ", "
                + choices.length + " choices]";
    }
}
