package org.fabricscope.sim.experiment;

import java.util.List;
import org.fabricscope.trace.PatchSwitches;

/**
 * The patch switches one at a time: one row per configuration, legacy first and "all" last.
 *
 * @param rows none, reorder only, barrier only, backoff only, all
 */
public record AblationResult(List<Row> rows) {
    public AblationResult {
        rows = List.copyOf(rows);
    }

    /**
     * One configuration.
     *
     * @param label {@code none}, {@code reorder}, {@code barrier}, {@code backoff} or {@code all}
     * @param patch its switches
     * @param attempts attempts tried
     * @param attemptsWithFpre004 how many of them raised FPRE004
     * @param soak the soak's result under this configuration
     * @param prefetchLatencyDeltaMicros soak mean prefetch latency minus the legacy soak's
     */
    public record Row(
            String label,
            PatchSwitches patch,
            int attempts,
            int attemptsWithFpre004,
            SoakResult soak,
            double prefetchLatencyDeltaMicros) {}
}
