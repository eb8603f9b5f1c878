/**
 * Checkers that stand apart from the simulator: they read a recorded {@link
 * org.fabricscope.trace.Trace} and verify the model's invariants from its events alone.
 *
 * <p>May import {@code org.fabricscope.trace} only: not the simulator's internals, never
 * {@code javafx}.
 */
package org.fabricscope.sim.check;
