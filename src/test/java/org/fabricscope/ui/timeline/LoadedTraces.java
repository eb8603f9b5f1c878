package org.fabricscope.ui.timeline;

import java.lang.reflect.Constructor;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;

/**
 * Test support: wraps a trace for a session. The timeline never asks the replay index anything, so
 * while the real TraceIndex is still being written on another branch (its build throws), the
 * stub's own instance stands in.
 */
final class LoadedTraces {
    private LoadedTraces() {}

    static LoadedTrace of(Trace trace) {
        return new LoadedTrace(null, trace, index(trace));
    }

    private static TraceIndex index(Trace trace) {
        try {
            return TraceIndex.build(trace, Progress.NONE);
        } catch (UnsupportedOperationException stillAStub) {
            try {
                Constructor<TraceIndex> c = TraceIndex.class.getDeclaredConstructor();
                c.setAccessible(true);
                return c.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot stand in for the TraceIndex stub", e);
            }
        }
    }
}
