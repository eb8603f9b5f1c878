package org.fabricscope.trace.io;

import java.io.IOException;
import java.nio.file.Path;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;

/**
 * A source of the trace a JSON Lines file holds: the general reader ({@link TraceReader#general}),
 * the canonical fast path in front of it ({@link TraceReader#direct}), and the binary cache in
 * front of that ({@link TraceCache}). {@link TraceLoader} composes them.
 *
 * <p>The contract, checked for every implementation by one test suite: for a given file, every
 * source returns the same trace, or throws the same error, as the general reader does; it reports
 * progress and honours cancellation. A faster source is only ever faster, never different.
 */
public interface TraceSource {
    /**
     * The trace in {@code file}, reporting progress (bytes of whichever file is read, out of its
     * size, or -1 when unknown) and honouring cancellation.
     *
     * @throws TraceFormatException when the file's content is not a valid trace: one line naming
     *     file, line and column
     * @throws IOException when the file cannot be read at all (missing, permission denied, a
     *     directory, a read error): a {@link java.nio.file.FileSystemException} naming the file
     * @throws org.fabricscope.trace.CancelledException when cancelled
     */
    Trace load(Path file, Progress progress) throws IOException, TraceFormatException;
}
