package org.fabricscope.ui.session;

import java.nio.file.Path;
import java.util.Objects;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.Trace;

/**
 * A trace open in the window, with its replay index.
 *
 * @param source the file it came from, or {@code null} if it was simulated and not yet saved
 * @param trace the events
 * @param index the replay index over {@code trace}
 */
public record LoadedTrace(Path source, Trace trace, TraceIndex index) {
    public LoadedTrace {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(index, "index");
    }
}
