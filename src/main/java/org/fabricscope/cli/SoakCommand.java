package org.fabricscope.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fabricscope.sim.experiment.FileFigures;
import org.fabricscope.sim.experiment.Soak;
import org.fabricscope.sim.experiment.SoakResult;
import org.fabricscope.sim.scenario.Scenario;
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
            "rate, FPRE004 count, retries, quarantines, timeouts, read and prefetch latency, fabric-wide",
            "and per archive, and name the contentious archive (the one with the most FPRE004s).",
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

    @Option(
            names = "--reads",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Reads to simulate. Default: ${DEFAULT-VALUE}.")
    long reads;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws Exception {
        if (reads < 1 || reads > 10_000_000_000L) {
            throw new UserException("--reads must be between 1 and 10000000000, got " + reads);
        }
        Scenario s = scenario.resolve();
        SoakResult r = Soak.run(
                s,
                scenario.seed,
                reads,
                scenario.patch,
                threads.resolve(),
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
                g.writeNumberField("timeouts", r.timeouts());
                g.writeNumberField("read_latency_p50_us", r.readLatencyP50Micros());
                g.writeNumberField("read_latency_p99_us", r.readLatencyP99Micros());
                g.writeNumberField("read_latency_p999_us", r.readLatencyP999Micros());
                if (r.contentiousArchive() == null) {
                    g.writeNullField("contentious_archive");
                } else {
                    g.writeStringField("contentious_archive", r.contentiousArchive());
                }
                g.writeArrayFieldStart("archives");
                for (FileFigures f : r.files()) {
                    g.writeStartObject();
                    g.writeStringField("archive", f.file());
                    g.writeNumberField("reads", f.reads());
                    g.writeNumberField("reads_ok", f.readsOk());
                    g.writeNumberField("success_rate", f.successRate());
                    g.writeNumberField("fpre004", f.fpre004());
                    g.writeNumberField("fpre004_nodes", f.fpre004Nodes());
                    g.writeNumberField("retries", f.retries());
                    g.writeNumberField("quarantines", f.quarantines());
                    g.writeNumberField("timeouts", f.timeouts());
                    g.writeNumberField("read_latency_p50_us", f.readLatencyP50Micros());
                    g.writeNumberField("read_latency_p99_us", f.readLatencyP99Micros());
                    g.writeNumberField("read_latency_p999_us", f.readLatencyP999Micros());
                    g.writeEndObject();
                }
                g.writeEndArray();
            });
        } else {
            o.printf(
                    Locale.ROOT,
                    "scenario %s, seed %d, patch %s: %d reads over %d attempts (%d events)%n",
                    org.fabricscope.trace.PrintableText.of(s.name()),
                    scenario.seed,
                    scenario.patch,
                    r.reads(),
                    r.attempts(),
                    r.events());
            o.printf(
                    Locale.ROOT,
                    "  read success rate   %.4f %% (%d failed)%n",
                    r.successRate() * 100,
                    r.reads() - r.readsOk());
            o.printf(Locale.ROOT, "  FPRE004             %d%n", r.fpre004());
            o.printf(Locale.ROOT, "  retries             %d%n", r.retries());
            o.printf(Locale.ROOT, "  quarantines         %d%n", r.quarantines());
            o.printf(Locale.ROOT, "  media errors        %d%n", r.mediaErrors());
            o.printf(Locale.ROOT, "  timeouts            %d%n", r.timeouts());
            o.printf(
                    Locale.ROOT,
                    "  read latency        p50 %d µs, p99 %d µs, p99.9 %d µs%n",
                    r.readLatencyP50Micros(),
                    r.readLatencyP99Micros(),
                    r.readLatencyP999Micros());
            o.printf(
                    Locale.ROOT,
                    "  prefetch latency    mean %.1f µs, p99 %d µs%n",
                    r.prefetchLatencyMeanMicros(),
                    r.prefetchLatencyP99Micros());
            FileFigures hot = r.contentious();
            if (hot != null) {
                o.printf(
                        Locale.ROOT,
                        "  contentious archive %s: success %.4f %%, %d FPRE004 on %d nodes, %d quarantines%n",
                        hot.file(),
                        hot.successRate() * 100,
                        hot.fpre004(),
                        hot.fpre004Nodes(),
                        hot.quarantines());
            }
            o.printf(
                    Locale.ROOT,
                    "  %-11s %9s %9s %7s %5s %7s %5s %8s %8s %8s %8s%n",
                    "archive",
                    "reads",
                    "success%",
                    "FPRE004",
                    "nodes",
                    "retries",
                    "quar",
                    "timeouts",
                    "p50 µs",
                    "p99 µs",
                    "p99.9 µs");
            for (FileFigures f : r.files()) {
                o.printf(
                        Locale.ROOT,
                        "  %-11s %9d %9.4f %7d %5d %7d %5d %8d %8d %8d %8d%n",
                        f.file(),
                        f.reads(),
                        f.successRate() * 100,
                        f.fpre004(),
                        f.fpre004Nodes(),
                        f.retries(),
                        f.quarantines(),
                        f.timeouts(),
                        f.readLatencyP50Micros(),
                        f.readLatencyP99Micros(),
                        f.readLatencyP999Micros());
            }
        }
        return 0;
    }
}
