package org.fabricscope.sim;

import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/** API CONTRACT STUB: the simulator helper replaces this with the real implementation. */
public final class ReproFinder {
    private ReproFinder() {}

    public static ReproResult find(Scenario scenario, long seed, int maxAttempts, PatchSwitches patch, Progress progress) {
        throw new UnsupportedOperationException();
    }
}
