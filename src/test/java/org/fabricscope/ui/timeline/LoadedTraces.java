package org.fabricscope.ui.timeline;

import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;

/** Test support: wraps a trace and its replay index for a session. */
final class LoadedTraces {
    private LoadedTraces() {}

    static LoadedTrace of(Trace trace) {
        return new LoadedTrace(null, trace, TraceIndex.build(trace, Progress.NONE));
    }
}
