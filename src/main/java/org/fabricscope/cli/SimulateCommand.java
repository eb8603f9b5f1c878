package org.fabricscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fabricscope.sim.RunStats;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.WhatIf;
import org.fabricscope.sim.explore.ScheduleFile;
import org.fabricscope.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simulate}: one attempt of a scenario, written as a trace file. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Run one attempt of a scenario and write its trace (JSON Lines).")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Option(
            names = "--attempt",
            paramLabel = "K",
            defaultValue = "1",
            description = "Attempt number (1-based). Default: ${DEFAULT-VALUE}.")
    int attempt;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            required = true,
            description = "Trace file to write ('-' for standard output).")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Option(names = "--progress", description = "Show progress on standard error.")
    boolean progress;

    @Mixin
    InterventionOptions interventions;

    @Option(
            names = "--schedule",
            paramLabel = "FILE",
            description = "Re-run one explored schedule from its FILE.schedule.json (written by explore --out):"
                    + " its scenario, seed, attempt, patch and choices; the other scenario options are not used.")
    Path schedule;

    @Override
    public Integer call() throws Exception {
        if (attempt < 1) {
            throw new UserException("--attempt must be at least 1, got " + attempt);
        }
        OutputFile.check(out, force);
        if (schedule != null) {
            return replaySchedule();
        }
        Scenario s = scenario.resolve();
        StderrProgress bar = new StderrProgress(spec.commandLine().getErr(), "simulate", progress);
        SimulationResult r = interventions.any()
                ? WhatIf.fork(
                        s,
                        scenario.seed,
                        attempt,
                        scenario.patch,
                        interventions.resolve(s, scenario.seed, attempt, scenario.patch),
                        bar)
                : Simulator.run(s, scenario.seed, attempt, scenario.patch, true, bar);
        OutputFile.writeTrace(r.trace(), out, force, FabricScopeCli.stdout(spec));
        RunStats st = r.stats();
        // With --out - standard output carries the trace; the summary goes to standard error.
        (OutputFile.isStdout(out)
                        ? spec.commandLine().getErr()
                        : spec.commandLine().getOut())
                .printf(
                        "%s: %d events, %d reads, %d FPRE004 (scenario %s, seed %d, attempt %d, patch %s%s)%n",
                        org.fabricscope.trace.PrintableText.of(out.toString()),
                        r.trace().size(),
                        st.reads(),
                        st.fpre004(),
                        org.fabricscope.trace.PrintableText.of(s.name()),
                        scenario.seed,
                        attempt,
                        scenario.patch,
                        r.trace().header().interventions().isEmpty()
                                ? ""
                                : ", " + r.trace().header().interventions().size()
                                        + (r.trace().header().interventions().size() == 1
                                                ? " intervention"
                                                : " interventions"));
        return 0;
    }

    /** {@code --schedule}: the explored schedule's trace, as explore wrote it, byte for byte. */
    private Integer replaySchedule() throws Exception {
        if (interventions.any()) {
            throw new UserException("--schedule re-runs an explored schedule as it is; it takes no interventions");
        }
        RegularFiles.requireInput(schedule, "--schedule");
        ScheduleFile.Spec spec = ScheduleFile.read(schedule);
        SimulationResult r;
        try {
            r = spec.explorer().replay(spec.choices());
        } catch (IllegalArgumentException e) {
            throw new UserException(OutputFile.show(schedule) + ": " + e.getMessage());
        }
        OutputFile.writeTrace(r.trace(), out, force, FabricScopeCli.stdout(this.spec));
        (OutputFile.isStdout(out)
                        ? this.spec.commandLine().getErr()
                        : this.spec.commandLine().getOut())
                .printf(
                        "%s: %d events, %d reads, %d FPRE004 (scenario %s, seed %d, attempt %d, patch %s, explored"
                                + " schedule of %d choices)%n",
                        org.fabricscope.trace.PrintableText.of(out.toString()),
                        r.trace().size(),
                        r.stats().reads(),
                        r.stats().fpre004(),
                        org.fabricscope.trace.PrintableText.of(spec.scenario().name()),
                        spec.seed(),
                        spec.attempt(),
                        spec.patch(),
                        spec.choices().length);
        return 0;
    }
}
