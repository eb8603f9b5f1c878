package org.fabricscope.sim.experiment;

import org.fabricscope.sim.RunStats;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/**
 * Finds the first attempt of a scenario that raises FPRE004, the way the story's emulator did
 * ("within 27 attempts"): attempts 1, 2, … run without recording; the lowest-numbered attempt with
 * an FPRE004 is then run again with recording, which gives the same events. The answer does not
 * depend on the number of threads.
 */
public final class ReproFinder {
    private ReproFinder() {}

    /** Single-threaded {@link #find(Scenario, long, int, PatchSwitches, int, Progress)}. */
    public static ReproResult find(
            Scenario scenario, long seed, int maxAttempts, PatchSwitches patch, Progress progress) {
        return find(scenario, seed, maxAttempts, patch, 1, progress);
    }

    /**
     * Tries attempts 1..{@code maxAttempts}.
     *
     * @param progress attempts done out of {@code maxAttempts}; cancellable
     * @return found with the attempt number and its recorded run, or not found with {@code
     *     attempts = maxAttempts} and no result
     */
    public static ReproResult find(
            Scenario scenario, long seed, int maxAttempts, PatchSwitches patch, int threads, Progress progress) {
        Progress caller = progress == null ? Progress.NONE : progress;
        Progress quiet = AttemptPool.cancelOnly(caller);
        int[] found = {-1};
        RunStats[] foundStats = new RunStats[1];
        int[] attemptNo = {0};
        try (AttemptPool pool = new AttemptPool(threads)) {
            pool.stream(
                    1,
                    maxAttempts,
                    a -> Simulator.run(scenario, seed, a, patch, false, quiet).stats(),
                    stats -> {
                        int attempt = ++attemptNo[0];
                        caller.checkCancelled();
                        caller.update(attempt, maxAttempts);
                        if (stats.fpre004() > 0) {
                            found[0] = attempt;
                            foundStats[0] = stats;
                            return false;
                        }
                        return true;
                    });
        }
        if (found[0] > 0) {
            int attempt = found[0];
            SimulationResult recorded = Simulator.run(scenario, seed, attempt, patch, true, quiet);
            if (!recorded.stats().equals(foundStats[0])) {
                throw new IllegalStateException("attempt " + attempt + " of " + scenario.name()
                        + " (seed " + seed + ") ran differently when recorded: the simulator is not"
                        + " deterministic");
            }
            return new ReproResult(true, attempt, seed, attempt, recorded);
        }
        return new ReproResult(false, maxAttempts, seed, -1, null);
    }
}
