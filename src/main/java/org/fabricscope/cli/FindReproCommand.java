package org.fabricscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fabricscope.sim.experiment.ReproFinder;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code find-repro}: attempts until FPRE004 appears; exit 0 if found, 1 if not. */
@Command(
        name = "find-repro",
        mixinStandardHelpOptions = true,
        description = {
            "Run attempts 1, 2, … of a scenario until one raises FPRE004.",
            "Prints how many attempts it took; exit 0 if found, 1 if not."
        })
final class FindReproCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Mixin
    ThreadsOption threads;

    @Option(
            names = "--max-attempts",
            paramLabel = "N",
            defaultValue = "100",
            description = "Give up after N attempts. Default: ${DEFAULT-VALUE}.")
    int maxAttempts;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the reproducing attempt's trace here.")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws Exception {
        if (maxAttempts < 1) {
            throw new UserException("--max-attempts must be at least 1, got " + maxAttempts);
        }
        if (out != null) {
            if (OutputFile.isStdout(out) && report.json) {
                throw new UserException("--out - and --json both write to standard output; give --out a file name");
            }
            OutputFile.check(out, force);
        }
        Scenario s = scenario.resolve();
        ReproResult r = ReproFinder.find(
                s,
                scenario.seed,
                maxAttempts,
                scenario.patch,
                threads.resolve(),
                report.progress(spec.commandLine().getErr(), "find-repro"));
        if (r.found() && out != null) {
            OutputFile.writeTrace(r.result().trace(), out, force, FabricScopeCli.stdout(spec));
        }
        // With --out - standard output carries the trace; the summary goes to standard error.
        PrintWriter o = OutputFile.isStdout(out)
                ? spec.commandLine().getErr()
                : spec.commandLine().getOut();
        if (report.json) {
            Json.print(o, g -> {
                g.writeBooleanField("found", r.found());
                g.writeNumberField("attempts", r.attempts());
                g.writeNumberField("seed", r.seed());
                if (r.found()) {
                    g.writeNumberField("attempt", r.attempt());
                }
                g.writeStringField("scenario", s.name());
                g.writeStringField("patch", scenario.patch.toString());
                if (r.found() && out != null) {
                    g.writeStringField("out", out.toString());
                }
            });
        } else if (r.found()) {
            o.printf(
                    "FPRE004 found after %d attempt%s (scenario %s, seed %d, attempt %d, patch %s)%s%n",
                    r.attempts(),
                    r.attempts() == 1 ? "" : "s",
                    org.fabricscope.trace.PrintableText.of(s.name()),
                    r.seed(),
                    r.attempt(),
                    scenario.patch,
                    out == null ? "" : "; trace written to " + org.fabricscope.trace.PrintableText.of(out.toString()));
        } else {
            o.printf(
                    "no FPRE004 in %d attempts (scenario %s, seed %d, patch %s)%n",
                    r.attempts(), org.fabricscope.trace.PrintableText.of(s.name()), r.seed(), scenario.patch);
        }
        return r.found() ? 0 : FabricScopeCli.EXIT_NEGATIVE;
    }
}
