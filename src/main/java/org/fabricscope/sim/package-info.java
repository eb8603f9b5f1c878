/**
 * Running the simulator: {@link org.fabricscope.sim.Simulator} (one attempt, optionally recorded
 * as a trace), its {@link org.fabricscope.sim.SimulationResult} and {@link
 * org.fabricscope.sim.RunStats}, and {@link org.fabricscope.sim.WhatIf} (the same attempt with
 * interventions). Around it: {@code sim.scenario} (what a run is: the parameter catalogue,
 * built-in scenarios, scenario files, units), {@code sim.experiment} (what is done with many runs:
 * reproducer search, soak, ablation, patch re-runs). The model itself lives in {@code sim.core}
 * (engine, random streams), {@code sim.fabric} (blocks, nodes, namespace), {@code sim.actor}
 * (clients, write path, prefetch, compaction, verifier, response script, media faults) and
 * {@code sim.check} (invariant checker over traces).
 *
 * <p>Who it may use, and who may use it: {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.sim;
