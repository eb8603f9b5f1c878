/**
 * The simulation kernel: the engine (simulated clock, timer queue ordered by time then insertion,
 * event recording, limits), the per-actor random streams (SplitMix64), typed model parameters and
 * run counters (fabric-wide, and per file of the namespace in {@code FileStats}). Nothing here reads the wall clock or {@code Math.random}.
 *
 * <p>Who it may use, and who may use it: {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.sim.core;
