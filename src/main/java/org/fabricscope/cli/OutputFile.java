package org.fabricscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceWriter;

/** Writing a trace from the command line: atomically, and never over an existing file unless forced. */
final class OutputFile {
    private OutputFile() {}

    static void writeTrace(Trace trace, Path out, boolean force) throws IOException {
        refuseExisting(out, force);
        TraceWriter.write(trace, out, force);
    }

    static void refuseExisting(Path out, boolean force) {
        if (!force && Files.exists(out)) {
            throw new UserException(out + ": file exists; use --force to overwrite it");
        }
    }
}
