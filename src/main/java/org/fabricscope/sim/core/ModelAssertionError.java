package org.fabricscope.sim.core;

/**
 * A rule of the model broke inside a run: a bug in the simulator, never the user's input. The
 * engine and the block model check their rules as they go (always on, a few comparisons per event,
 * as TigerBeetle asserts), so a bug stops the run at the first wrong step instead of showing up
 * later as a puzzling trace; {@code sim.check.InvariantChecker} checks the same rules again over a
 * finished trace, apart from the code that wrote it. Front ends crash the action with a report.
 */
public final class ModelAssertionError extends AssertionError {
    private static final long serialVersionUID = 1L;

    public ModelAssertionError(String message) {
        super(message);
    }

    /** {@code cause}'s rule, with where it broke (scenario, seed, attempt) in front. */
    public ModelAssertionError(String context, ModelAssertionError cause) {
        super(context + ": " + cause.getMessage(), cause);
    }
}
