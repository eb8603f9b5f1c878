/**
 * The fabric's structure and state: nodes with their own clocks, drives, blocks with their
 * metadata records, and the namespace of files mapped to runs of blocks. Every field change of a
 * block is recorded as one trace event by {@link org.fabricscope.sim.fabric.Block#set}.
 *
 * <p>Who it may use, and who may use it: {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.sim.fabric;
