package org.fabricscope.sim;

import java.util.List;
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
    public static ReproResult find(Scenario scenario, long seed, int maxAttempts, PatchSwitches patch, Progress progress) {
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
        try (AttemptPool pool = new AttemptPool(threads)) {
            int next = 1;
            while (next <= maxAttempts) {
                caller.checkCancelled();
                int count = Math.min(pool.batchSize(), maxAttempts - next + 1);
                List<RunStats> batch = pool.run(next, count,
                        a -> Simulator.run(scenario, seed, a, patch, false, quiet).stats());
                for (int i = 0; i < batch.size(); i++) {
                    if (batch.get(i).fpre004() > 0) {
                        int attempt = next + i;
                        caller.update(attempt, maxAttempts);
                        SimulationResult recorded = Simulator.run(scenario, seed, attempt, patch, true, quiet);
                        if (!recorded.stats().equals(batch.get(i))) {
                            throw new IllegalStateException("attempt " + attempt + " of " + scenario.name()
                                    + " (seed " + seed + ") ran differently when recorded: the simulator is not"
                                    + " deterministic");
                        }
                        return new ReproResult(true, attempt, seed, attempt, recorded);
                    }
                }
                next += count;
                caller.update(next - 1, maxAttempts);
            }
        }
        return new ReproResult(false, maxAttempts, seed, -1, null);
    }
}
