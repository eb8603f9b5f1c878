/**
 * Checkers that stand apart from the simulator: they read a recorded {@link
 * org.fabricscope.trace.Trace} and verify the model's invariants from its events alone.
 *
 * <p>They pair with the always-on assertions inside the engine and the block model, which stop a
 * run at the first broken rule. Reads traces only, not the simulator's internals: {@code
 * org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.sim.check;
