package org.fabricscope.ui.scenario;

import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.experiment.ReproFinder;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.trace.Progress;

/** The embedded simulator: {@link Simulator} and {@link ReproFinder}, as the CLI calls them. */
public final class EmbeddedSimulation implements SimulationService {
    @Override
    public SimulationResult run(RunRequest r, Progress progress) {
        return Simulator.run(r.scenario(), r.seed(), r.attempt(), r.patch(), true, progress);
    }

    @Override
    public ReproResult find(RunRequest r, int maxAttempts, Progress progress) {
        // The answer does not depend on the thread count; one core is left for the window.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        ReproResult found = ReproFinder.find(r.scenario(), r.seed(), maxAttempts, r.patch(), threads, progress);
        if (found.found() && (found.result() == null || found.result().trace() == null)) {
            // The finder may skip recording to search faster; the user needs the trace, so re-run
            // the one attempt that failed, which is deterministic and gives the same run.
            SimulationResult recorded =
                    Simulator.run(r.scenario(), found.seed(), found.attempt(), r.patch(), true, progress);
            return new ReproResult(true, found.attempts(), found.seed(), found.attempt(), recorded);
        }
        return found;
    }
}
