/**
 * The simulator's public API: {@link org.fabricscope.sim.Scenario} (catalogue, built-ins, scenario
 * files), {@link org.fabricscope.sim.Simulator} (one attempt, optionally recorded as a trace),
 * {@link org.fabricscope.sim.ReproFinder} (first attempt raising FPRE004), {@link
 * org.fabricscope.sim.Soak} (read success over many attempts) and {@link
 * org.fabricscope.sim.Ablation} (the patch switches one at a time). The model itself lives in
 * {@code sim.core} (engine, random streams), {@code sim.fabric} (blocks, nodes, namespace),
 * {@code sim.actor} (clients, write path, prefetch, compaction, verifier, response script, media
 * faults) and {@code sim.check} (invariant checker over traces).
 *
 * <p>May import {@code org.fabricscope.trace} and its own subpackages; never {@code javafx},
 * {@code replay}, {@code ui} or {@code cli}.
 */
package org.fabricscope.sim;
