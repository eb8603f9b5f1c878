/**
 * The actors of the simulated fabric: reading and writing clients, the write path with its
 * jittered ACK, the legacy prefetch engine, compaction, the read verifier, the first-response
 * script and genuine media faults. Each class starts with the rules it models. Each actor draws
 * only from its own random stream and schedules its timers on its node's clock.
 *
 * <p>No actor may raise FPRE004 except the {@link org.fabricscope.sim.actor.Verifier} observing an
 * inconsistent block, and nothing here tests for particular jitter or burst values. Dependencies:
 * {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.sim.actor;
