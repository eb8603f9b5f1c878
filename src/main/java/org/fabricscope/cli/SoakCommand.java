package org.fabricscope.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fabricscope.sim.Scenario;
import org.fabricscope.sim.Soak;
import org.fabricscope.sim.SoakResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code soak}: read success rate and prefetch latency over many unrecorded attempts. */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        description = {
            "Run attempts of a scenario without recording until N reads are done; print the read success",
            "rate, FPRE004 count, retries, quarantines and prefetch latency.",
            "A read succeeds if it returned correct data on its first try; a read served only after",
            "retries or a remap counts as failed."
        })
final class SoakCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--reads", paramLabel = "N", defaultValue = "1000000", description = "Reads to simulate. Default: ${DEFAULT-VALUE}.")
    long reads;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws Exception {
        if (reads < 1 || reads > 10_000_000_000L) {
            throw new UserException("--reads must be between 1 and 10000000000, got " + reads);
        }
        Scenario s = scenario.resolve();
        SoakResult r = Soak.run(s, scenario.seed, reads, scenario.patch, threads.resolve(),
                report.progress(spec.commandLine().getErr(), "soak"));
        PrintWriter o = spec.commandLine().getOut();
        if (report.json) {
            Json.print(o, g -> {
                g.writeStringField("scenario", s.name());
                g.writeNumberField("seed", scenario.seed);
                g.writeStringField("patch", scenario.patch.toString());
                g.writeNumberField("reads", r.reads());
                g.writeNumberField("reads_ok", r.readsOk());
                g.writeNumberField("success_rate", r.successRate());
                g.writeNumberField("fpre004", r.fpre004());
                g.writeNumberField("retries", r.retries());
                g.writeNumberField("quarantines", r.quarantines());
                g.writeNumberField("media_errors", r.mediaErrors());
                g.writeNumberField("prefetch_latency_mean_us", r.prefetchLatencyMeanMicros());
                g.writeNumberField("prefetch_latency_p99_us", r.prefetchLatencyP99Micros());
                g.writeNumberField("attempts", r.attempts());
                g.writeNumberField("events", r.events());
            });
        } else {
            o.printf(Locale.ROOT, "scenario %s, seed %d, patch %s: %d reads over %d attempts (%d events)%n",
                    org.fabricscope.trace.PrintableText.of(s.name()), scenario.seed, scenario.patch, r.reads(), r.attempts(), r.events());
            o.printf(Locale.ROOT, "  read success rate   %.4f %% (%d failed)%n", r.successRate() * 100, r.reads() - r.readsOk());
            o.printf(Locale.ROOT, "  FPRE004             %d%n", r.fpre004());
            o.printf(Locale.ROOT, "  retries             %d%n", r.retries());
            o.printf(Locale.ROOT, "  quarantines         %d%n", r.quarantines());
            o.printf(Locale.ROOT, "  media errors        %d%n", r.mediaErrors());
            o.printf(Locale.ROOT, "  prefetch latency    mean %.1f µs, p99 %d µs%n",
                    r.prefetchLatencyMeanMicros(), r.prefetchLatencyP99Micros());
        }
        return 0;
    }
}
