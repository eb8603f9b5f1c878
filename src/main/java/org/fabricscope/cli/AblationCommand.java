package org.fabricscope.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fabricscope.sim.experiment.Ablation;
import org.fabricscope.sim.experiment.AblationResult;
import org.fabricscope.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ablation}: which single patch switch removes FPRE004, and what each costs. */
@Command(
        name = "ablation",
        mixinStandardHelpOptions = true,
        description = {
            "Run the scenario under none, each switch alone, and all three: attempts that raise FPRE004,",
            "soak read success rate, and prefetch latency against legacy. (--patch is ignored.)"
        })
final class AblationCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Mixin
    ThreadsOption threads;

    @Option(
            names = "--attempts",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Attempts per configuration. Default: ${DEFAULT-VALUE}.")
    int attempts;

    @Option(
            names = "--reads",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Soak reads per configuration. Default: ${DEFAULT-VALUE}.")
    long reads;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws Exception {
        if (attempts < 1 || reads < 1) {
            throw new UserException("--attempts and --reads must be at least 1");
        }
        Scenario s = scenario.resolve();
        AblationResult r = Ablation.run(
                s,
                scenario.seed,
                attempts,
                reads,
                threads.resolve(),
                report.progress(spec.commandLine().getErr(), "ablation"));
        PrintWriter o = spec.commandLine().getOut();
        if (report.json) {
            Json.print(o, g -> {
                g.writeStringField("scenario", s.name());
                g.writeNumberField("seed", scenario.seed);
                g.writeArrayFieldStart("rows");
                for (AblationResult.Row row : r.rows()) {
                    g.writeStartObject();
                    g.writeStringField("patch", row.label());
                    g.writeNumberField("attempts", row.attempts());
                    g.writeNumberField("attempts_with_fpre004", row.attemptsWithFpre004());
                    g.writeNumberField("reads", row.soak().reads());
                    g.writeNumberField("success_rate", row.soak().successRate());
                    g.writeNumberField("fpre004", row.soak().fpre004());
                    g.writeNumberField("prefetch_latency_mean_us", row.soak().prefetchLatencyMeanMicros());
                    g.writeNumberField("prefetch_latency_delta_us", row.prefetchLatencyDeltaMicros());
                    g.writeEndObject();
                }
                g.writeEndArray();
            });
        } else {
            o.printf(
                    Locale.ROOT,
                    "scenario %s, seed %d: %d attempts and %d soak reads per configuration%n",
                    org.fabricscope.trace.PrintableText.of(s.name()),
                    scenario.seed,
                    attempts,
                    reads);
            o.printf(
                    Locale.ROOT,
                    "%-9s %18s %14s %10s %16s%n",
                    "patch",
                    "attempts w/FPRE004",
                    "read success",
                    "FPRE004",
                    "latency delta");
            for (AblationResult.Row row : r.rows()) {
                o.printf(
                        Locale.ROOT,
                        "%-9s %11d / %-5d %13.4f%% %10d %+13.0f µs%n",
                        row.label(),
                        row.attemptsWithFpre004(),
                        row.attempts(),
                        row.soak().successRate() * 100,
                        row.soak().fpre004(),
                        row.prefetchLatencyDeltaMicros());
            }
        }
        return 0;
    }
}
