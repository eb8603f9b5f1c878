package org.fabricscope.sweep;

import java.io.Serializable;

/**
 * The smallest piece of a sweep that a runner hands to a thread or a Spark task: one cell, one base
 * seed, and either a fixed range of attempts ({@code --attempts}) or a whole soak until the
 * cell's read count is reached ({@code --reads}, {@code lastAttempt == UNTIL_READS}). Units are
 * fixed by the definition alone ({@link SweepEngine#units}), never by the runner or thread count,
 * which is what makes every runner's result the same.
 */
public record WorkUnit(int unit, int cell, long seed, int firstAttempt, int lastAttempt) implements Serializable {
    /** {@link #lastAttempt} of a soak unit: attempts run until the definition's reads are done. */
    public static final int UNTIL_READS = -1;
}
