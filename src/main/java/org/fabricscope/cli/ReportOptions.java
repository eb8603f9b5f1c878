package org.fabricscope.cli;

import java.io.PrintWriter;
import org.fabricscope.trace.Progress;
import picocli.CommandLine.Option;

/** How a long command reports: {@code --json} for scripts, {@code --progress} on standard error. */
final class ReportOptions {
    @Option(names = "--json", description = "Print one JSON object (field names are stable; see the README).")
    boolean json;

    @Option(names = "--progress", description = "Show progress on standard error.")
    boolean progress;

    /** Progress for this command, silent unless {@code --progress} was given. */
    Progress progress(PrintWriter err, String label) {
        return new StderrProgress(err, label, progress);
    }
}
