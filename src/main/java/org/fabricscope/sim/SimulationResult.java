package org.fabricscope.sim;

import org.fabricscope.trace.Trace;

/** One run's outcome: the trace (null when not recorded) and its statistics. */
public record SimulationResult(Trace trace, RunStats stats) {}
