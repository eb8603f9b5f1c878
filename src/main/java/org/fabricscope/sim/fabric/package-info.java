/**
 * The fabric's structure and state: nodes with their own clocks, drives, blocks with their
 * metadata records, and the namespace of files mapped to runs of blocks. Every field change of a
 * block is recorded as one trace event by {@link org.fabricscope.sim.fabric.Block#set}.
 *
 * <p>May import {@code org.fabricscope.sim.core} and {@code org.fabricscope.trace}; never
 * {@code javafx} or the actors.
 */
package org.fabricscope.sim.fabric;
