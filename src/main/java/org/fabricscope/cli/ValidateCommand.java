package org.fabricscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.trace.io.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate}: reads a trace fully; a one-line summary, or {@code FILE:LINE: message} and exit
 * 1. It reads the JSON Lines text even when a binary cache of it exists: the cache only proves the
 * text was valid when it was written, and a change that keeps size, time and both ends escapes it.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Read a trace file completely and check it.",
            "Prints a one-line summary and exits 0 if it is good; prints FILE:LINE[:COLUMN]: message and exits 1 if not.",
            "Always reads the JSON Lines text itself, never its binary cache (checking the text is the point)."
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The trace file (JSON Lines).")
    Path file;

    @Override
    public Integer call() {
        Trace t;
        try {
            t = TraceReader.read(file, org.fabricscope.trace.Progress.NONE);
        } catch (TraceFormatException | java.io.IOException e) {
            // Either way the file is not a good trace: FILE:LINE: for its content, FILE: for I/O.
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return FabricScopeCli.EXIT_NEGATIVE;
        }
        long fpre = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.kindOrdinal(i) == EventKind.FPRE004.ordinal()) {
                fpre++;
            }
        }
        TraceHeader h = t.header();
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "%s: ok, %d events over %.3f ms, %d blocks, %d FPRE004 (scenario %s, seed %d, attempt %d, patch %s)%n",
                        org.fabricscope.trace.PrintableText.of(file.toString()),
                        t.size(),
                        (t.endMicros() - t.startMicros()) / 1000.0,
                        h.topology().blockCount(),
                        fpre,
                        org.fabricscope.trace.PrintableText.of(h.scenarioName()),
                        h.seed(),
                        h.attempt(),
                        h.patch());
        return 0;
    }
}
