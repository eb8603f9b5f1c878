package org.fabricscope.replay;

import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/**
 * API CONTRACT STUB: the trace/replay helper replaces this with the real implementation.
 *
 * <p>A "step" is an event's sequence number; the state at step i is the state after applying
 * events 0..i (step -1 is the initial, all-zero state). All "next"/"previous" searches are strict
 * (exclude {@code from}) and return -1 when there is none.
 */
public final class TraceIndex {
    private TraceIndex() {}

    public static TraceIndex build(Trace trace, Progress progress) {
        throw new UnsupportedOperationException();
    }

    public Trace trace() {
        throw new UnsupportedOperationException();
    }

    /** Number of events whose block is {@code block}. */
    public int blockEventCount(int block) {
        throw new UnsupportedOperationException();
    }

    /** The i-th event (ascending) whose block is {@code block}. */
    public int blockEvent(int block, int i) {
        throw new UnsupportedOperationException();
    }

    public int nextOfBlock(int block, int from) {
        throw new UnsupportedOperationException();
    }

    public int prevOfBlock(int block, int from) {
        throw new UnsupportedOperationException();
    }

    /** Next event on {@code block} that changes a field (checks excluded). */
    public int nextTransitionOfBlock(int block, int from) {
        throw new UnsupportedOperationException();
    }

    public int prevTransitionOfBlock(int block, int from) {
        throw new UnsupportedOperationException();
    }

    public int nextOfKind(EventKind kind, int from) {
        throw new UnsupportedOperationException();
    }

    public int prevOfKind(EventKind kind, int from) {
        throw new UnsupportedOperationException();
    }

    public int countOfKind(EventKind kind) {
        throw new UnsupportedOperationException();
    }

    /** State of {@code block} after events 0..step, without replaying from the start. */
    public BlockState stateAt(int block, int step) {
        throw new UnsupportedOperationException();
    }

    /** The last event at or before {@code step} that changed {@code field} of {@code block}, or -1. */
    public int lastChange(int block, Field field, int step) {
        throw new UnsupportedOperationException();
    }
}
