package org.fabricscope.ui.files;

import java.io.IOException;
import java.nio.file.Path;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.io.ChromeTraceExporter;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.trace.io.TraceWriter;

/** The trace file format the application uses: JSON Lines through {@code trace.io}. */
public final class TraceFiles {
    private TraceFiles() {}

    /** The streaming JSON Lines reader, the atomic writer and the Chrome Trace exporter. */
    public static TraceFileFormat jsonl() {
        return new TraceFileFormat() {
            @Override
            public Trace read(Path file, Progress progress) throws TraceFormatException {
                return TraceReader.read(file, progress);
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
}
