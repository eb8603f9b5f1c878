package org.fabricscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.ChromeTraceExporter;
import org.fabricscope.trace.io.TraceCacheSettings;
import org.fabricscope.trace.io.TraceLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export-chrome}: a trace as Chrome Trace Event JSON, to open in Perfetto. */
@Command(
        name = "export-chrome",
        mixinStandardHelpOptions = true,
        description = "Export a trace as Chrome Trace Event JSON (opens in Perfetto or chrome://tracing).")
final class ExportChromeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The trace file (JSON Lines).")
    Path file;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            required = true,
            description = "The JSON file to write ('-' for standard output).")
    Path out;

    @Option(names = "--force", description = "Overwrite the output if it exists.")
    boolean force;

    @Option(
            names = "--no-cache",
            description = "Read the JSON Lines file even if a binary cache of it exists, and write none.")
    boolean noCache;

    @Override
    public Integer call() throws Exception {
        OutputFile.check(out, force);
        TraceCacheSettings cache = noCache
                ? TraceCacheSettings.off()
                : TraceCacheSettings.fromOptions(System::getProperty, System.getenv());
        var loader = TraceLoader.of(cache, Runnable::run);
        Trace t = loader.load(file, Progress.NONE);
        if (OutputFile.isStdout(out)) {
            java.io.OutputStream stdout = FabricScopeCli.stdout(spec);
            ChromeTraceExporter.export(t, stdout, Progress.NONE);
            stdout.flush();
        } else {
            OutputFile.check(out, force);
            ChromeTraceExporter.export(t, out, force, Progress.NONE);
        }
        (OutputFile.isStdout(out)
                        ? spec.commandLine().getErr()
                        : spec.commandLine().getOut())
                .println(org.fabricscope.trace.PrintableText.of(out.toString()) + ": " + t.size() + " events exported");
        return 0;
    }
}
