package org.fabricscope.ui.scenario;

import java.util.Objects;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;

/**
 * What the user asked to simulate: a scenario, a base seed, the attempt, and the patch switches.
 *
 * @param scenario the scenario with every parameter as edited
 * @param seed the base seed
 * @param attempt the attempt to run (for a reproducer search: ignored, the search starts at the first)
 * @param patch the patch switches
 */
public record RunRequest(Scenario scenario, long seed, int attempt, PatchSwitches patch) {
    public RunRequest {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(patch, "patch");
    }
}
