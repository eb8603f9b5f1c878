package org.fabricscope.ui.files;

import java.io.IOException;
import java.nio.file.Path;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.io.ChromeTraceExporter;
import org.fabricscope.trace.io.TraceCacheSettings;
import org.fabricscope.trace.io.TraceLoader;
import org.fabricscope.trace.io.TraceSource;
import org.fabricscope.trace.io.TraceWriter;

/**
 * The trace file format the application uses: JSON Lines through {@code trace.io}, opened through
 * its {@link TraceLoader} so that a big trace opened before comes from its binary cache.
 */
public final class TraceFiles {
    private TraceFiles() {}

    /** {@link #jsonl(TraceCacheSettings)} without the binary cache: every read is of the JSON Lines file. */
    public static TraceFileService jsonl() {
        return jsonl(TraceCacheSettings.off());
    }

    /**
     * The loader (with the binary cache as {@code cache} says), the atomic writer and the Chrome
     * Trace exporter. A cache is written on a thread of its own after the trace is returned, so
     * that the trace shows without waiting for the write.
     */
    public static TraceFileService jsonl(TraceCacheSettings cache) {
        TraceSource loader = TraceLoader.of(cache, TraceFiles::writeCacheInBackground);
        return new TraceFileService() {
            @Override
            public Trace read(Path file, Progress progress) throws IOException, TraceFormatException {
                return loader.load(file, progress);
            }

            @Override
            public void write(Trace trace, Path file, Progress progress) throws IOException {
                // Overwriting is allowed here because the view model has already asked the user.
                TraceWriter.write(trace, file, true, progress);
            }

            @Override
            public void exportChromeTrace(Trace trace, Path file, Progress progress) throws IOException {
                ChromeTraceExporter.export(trace, file, true, progress);
            }
        };
    }

    /**
     * Not a daemon: closing the window while a cache is being written lets the write finish (a
     * few seconds at most) rather than leave a temporary file beside the user's trace.
     */
    private static void writeCacheInBackground(Runnable write) {
        Thread t = new Thread(write, "trace-cache-writer");
        t.setDaemon(false);
        t.start();
    }
}
