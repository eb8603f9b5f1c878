package org.fabricscope.ui.files;

import java.io.IOException;
import java.nio.file.Path;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;

/**
 * The service the view models read, write and export trace files through (the application gives
 * them {@link TraceFiles#jsonl()}, tests a fake). Every method runs on a worker thread, never on
 * the FX thread.
 */
public interface TraceFileService {
    /**
     * Reads a whole trace, reporting progress and honouring cancellation.
     *
     * @throws TraceFormatException naming file, line and problem when the file is malformed
     * @throws IOException when the file cannot be read at all
     * @throws org.fabricscope.trace.CancelledException when cancelled
     */
    Trace read(Path file, Progress progress) throws IOException, TraceFormatException;

    /**
     * Reads the complete events of a file that {@link #read} refused as cut off (a {@link
     * org.fabricscope.trace.TruncatedTraceException}); only after the user agreed. Never cached.
     */
    default Trace readCompletePrefix(Path file, Progress progress) throws IOException, TraceFormatException {
        return org.fabricscope.trace.io.TraceReader.readCompletePrefix(file, progress);
    }

    /**
     * Writes {@code trace} to {@code file} atomically, replacing what is there: readers never see
     * a half-written file, and a failed or cancelled write leaves the old file as it was.
     */
    void write(Trace trace, Path file, Progress progress) throws IOException;

    /**
     * Exports {@code trace} as Chrome Trace Event JSON (for Perfetto) to {@code file}, atomically,
     * replacing what is there.
     */
    void exportChromeTrace(Trace trace, Path file, Progress progress) throws IOException;
}
