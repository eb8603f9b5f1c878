/**
 * The trace model: what the simulator records and what every view reads.
 *
 * <p>A {@link org.fabricscope.trace.Trace} is columnar and immutable: one primitive array per
 * event field, strings interned in a {@link org.fabricscope.trace.StringTable}. Each event changes
 * at most one {@link org.fabricscope.trace.Field} of one block (a multi-field action is several
 * consecutive events at the same time), or records what an actor did or read. The file form
 * (JSON Lines) is described in {@code TRACE_FORMAT.md}.
 *
 * <p>Who it may use, and who may use it: {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.trace;
