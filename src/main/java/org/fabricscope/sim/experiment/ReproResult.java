package org.fabricscope.sim.experiment;

import org.fabricscope.sim.SimulationResult;

/**
 * Outcome of {@link ReproFinder#find}: whether FPRE004 was found, after how many attempts (the
 * attempt number that found it, 1-based; or the number tried), the base seed, and the found
 * attempt's recorded run (null if not found).
 */
public record ReproResult(boolean found, int attempts, long seed, int attempt, SimulationResult result) {}
