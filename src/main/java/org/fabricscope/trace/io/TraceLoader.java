package org.fabricscope.trace.io;

import java.util.concurrent.Executor;

/**
 * The one way the application and the command line open a trace file: the {@link TraceSource}s
 * composed. The binary cache ({@link TraceCache}), when the settings ask for it, in front of the
 * canonical fast path ({@link CanonicalTraceReader}), in front of the general reader ({@link
 * TraceReader#general()}). Each source answers what the one behind it would, only faster.
 */
public final class TraceLoader {
    private TraceLoader() {}

    /**
     * The loader {@code settings} ask for.
     *
     * @param cacheWriter runs a cache write after a read from the JSON Lines file ({@code
     *     Runnable::run} to write before the load returns; a thread of its own to show the trace
     *     at once)
     */
    public static TraceSource of(TraceCacheSettings settings, Executor cacheWriter) {
        return settings.enabled() ? new TraceCache(settings, TraceReader.direct(), cacheWriter) : withoutCache();
    }

    /** A loader that always reads the JSON Lines file: fast path, else the general reader. */
    public static TraceSource withoutCache() {
        return TraceReader.direct();
    }
}
