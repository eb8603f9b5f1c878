package org.fabricscope.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/**
 * Which part of the patch does what: for legacy, each switch alone, and all three, counts the
 * attempts (1..N) that raise FPRE004, soaks for a read success rate, and compares the mean
 * prefetch latency with legacy's. Same result for any thread count.
 *
 * <p>What the model shows: reorder alone already stops FPRE004 (the verifier no longer trusts a
 * READY buffer while a write is pending, and with fills slower than media writes a READY buffer
 * never holds stale data); the barrier alone stops READY-while-pending states but leaves the
 * legacy order's false alarm when a write merely starts between the first and the last check;
 * the backoff alone narrows the race window and costs most of the latency. Only all three make
 * FPRE004 impossible whatever the timing parameters (see {@link Simulator}).
 */
public final class Ablation {
    /** The configurations, in table order. */
    public static final List<PatchSwitches> CONFIGURATIONS = List.of(
            PatchSwitches.NONE,
            new PatchSwitches(true, false, false),
            new PatchSwitches(false, true, false),
            new PatchSwitches(false, false, true),
            PatchSwitches.ALL);

    private Ablation() {}

    /**
     * @param progress configurations done out of five (in steps of half a configuration); cancellable
     */
    public static AblationResult run(
            Scenario scenario, long seed, int attempts, long soakReads, int threads, Progress progress) {
        Progress caller = progress == null ? Progress.NONE : progress;
        Progress quiet = AttemptPool.cancelOnly(caller);
        List<AblationResult.Row> rows = new ArrayList<>();
        double legacyLatency = 0;
        int step = 0;
        int steps = CONFIGURATIONS.size() * 2;
        try (AttemptPool pool = new AttemptPool(threads)) {
            for (PatchSwitches patch : CONFIGURATIONS) {
                caller.checkCancelled();
                int[] withFpre = {0};
                pool.stream(
                        1,
                        attempts,
                        a -> Simulator.run(scenario, seed, a, patch, false, quiet)
                                .stats(),
                        stats -> {
                            caller.checkCancelled();
                            if (stats.fpre004() > 0) {
                                withFpre[0]++;
                            }
                            return true;
                        });
                caller.update(++step, steps);
                SoakResult soak = Soak.run(scenario, seed, soakReads, patch, threads, quiet);
                if (patch.equals(PatchSwitches.NONE)) {
                    legacyLatency = soak.prefetchLatencyMeanMicros();
                }
                rows.add(new AblationResult.Row(
                        patch.toString(),
                        patch,
                        attempts,
                        withFpre[0],
                        soak,
                        soak.prefetchLatencyMeanMicros() - legacyLatency));
                caller.update(++step, steps);
            }
        }
        return new AblationResult(rows);
    }
}
