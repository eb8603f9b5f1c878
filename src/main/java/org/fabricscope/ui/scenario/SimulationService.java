package org.fabricscope.ui.scenario;

import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.trace.Progress;

/**
 * The simulator as the GUI uses it: the same API the command line uses, behind an interface so
 * that view models can be tested with a fake. Both methods run on a worker thread.
 */
public interface SimulationService {
    /** Runs one attempt and records its trace. */
    SimulationResult run(RunRequest request, Progress progress);

    /**
     * Tries attempts from the first until one raises FPRE004 or {@code maxAttempts} are spent; a
     * found result carries the recorded trace of the attempt that found it.
     */
    ReproResult find(RunRequest request, int maxAttempts, Progress progress);
}
