package org.fabricscope.sim;

import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/** API CONTRACT STUB: the simulator helper replaces this with the real implementation. */
public final class Simulator {
    public static final String VERSION = "0.1.0";

    private Simulator() {}

    public static SimulationResult run(
            Scenario scenario, long seed, int attempt, PatchSwitches patch, boolean recordTrace, Progress progress) {
        throw new UnsupportedOperationException();
    }
}
