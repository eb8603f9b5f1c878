/**
 * Replay over a loaded trace: the {@link org.fabricscope.replay.TraceIndex} (per-block event
 * lists, state at any step, next/previous event of a block or kind, effects of an event), the
 * {@link org.fabricscope.replay.BlockState} it answers with, and {@link
 * org.fabricscope.replay.Breakpoint}s. Everything here is immutable and plain Java, tested without
 * a Stage.
 *
 * <p>Who it may use, and who may use it: {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.replay;
