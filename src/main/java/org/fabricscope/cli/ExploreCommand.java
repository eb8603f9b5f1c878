package org.fabricscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.explore.ExploreBounds;
import org.fabricscope.sim.explore.ExploreResult;
import org.fabricscope.sim.explore.Explorer;
import org.fabricscope.sim.explore.ScheduleFile;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code explore}: every schedule of a small scenario within bounds; the shortest FPRE004. */
@Command(
        name = "explore",
        mixinStandardHelpOptions = true,
        description = {
            "Explore every interleaving of a small scenario within bounds: each timing draw takes N levels,",
            "timers due at the same instant fire in every order (depth-first, state hashing). Prints the",
            "verdict; --out writes the shortest FPRE004 schedule as a trace plus FILE.schedule.json."
        })
final class ExploreCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Option(
            names = "--attempt",
            paramLabel = "K",
            defaultValue = "1",
            description = "Attempt whose non-timing draws are explored (a shrunk reproducer keeps its"
                    + " attempt). Default: ${DEFAULT-VALUE}.")
    int attempt;

    @Option(
            names = "--jitter-levels",
            paramLabel = "N",
            defaultValue = "8",
            description = "Levels per timing draw (1-64). Default: ${DEFAULT-VALUE}.")
    int levels;

    @Option(
            names = "--bound",
            paramLabel = "N",
            description = "Explore only the first N choice points of each run (default: all).")
    Integer bound;

    @Option(
            names = "--max-schedules",
            paramLabel = "N",
            defaultValue = "5000000",
            description = "Stop (incomplete) after N schedules. Default: ${DEFAULT-VALUE}.")
    long maxSchedules;

    @Option(names = "--no-ties", description = "Keep timers due at the same instant in scheduling order.")
    boolean noTies;

    @Option(names = "--naive", description = "No state hashing (to measure what it saves).")
    boolean naive;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write the shortest failing schedule's trace here (and FILE.schedule.json).")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ExploreBounds bounds;
        // Named by option here: the engine's own messages speak of its fields.
        if (levels < 1 || levels > 64) {
            throw new UserException("--jitter-levels must be 1..64, got " + levels);
        }
        if (bound != null && bound < 0) {
            throw new UserException("--bound must be at least 0 (the number of choice points), got " + bound);
        }
        if (maxSchedules < 1) {
            throw new UserException("--max-schedules must be at least 1, got " + maxSchedules);
        }
        try {
            bounds = new ExploreBounds(levels, bound == null ? Integer.MAX_VALUE : bound, maxSchedules, !noTies);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (out != null) {
            // The counterexample is two files, the trace and NAME.schedule.json beside it: both
            // must be regular files, checked before the search so that neither is half-written.
            RegularFiles.requireOutput(out, "--out");
            if (OutputFile.isStdout(out) || (Files.exists(out) && !Files.isRegularFile(out))) {
                throw new UserException(OutputFile.show(out)
                        + ": --out names the counterexample's trace file, with FILE.schedule.json written beside"
                        + " it; give a regular file");
            }
            OutputFile.check(out, force);
            Path sched = Path.of(out + ".schedule.json");
            if (Files.exists(sched) && !force) {
                throw new UserException(OutputFile.show(sched)
                        + ": file exists (explore --out writes it beside the trace); use --force");
            }
        }
        RegularFiles.requireScenarioInput(scenario.scenario, Scenario.builtInNames(), "--scenario");
        Scenario s = scenario.resolve();
        PrintWriter err = spec.commandLine().getErr();
        if (attempt < 1) {
            throw new UserException("--attempt must be at least 1: " + attempt);
        }
        long start = System.nanoTime();
        // Ctrl+C: the shutdown hook asks the search to stop and waits until the command has
        // unwound, so "cancelled" is printed and no --out file is left half-written.
        CtrlC ctrlC = CtrlC.install("explore");
        Progress progress = new ProgressLines(err, start, ctrlC);
        try {
            return explore(s, bounds, progress, start);
        } catch (org.fabricscope.trace.CancelledException e) {
            // Reported here, before finished() lets the shutdown hook return: once it has, the JVM
            // may halt before picocli's handler prints the line.
            return FabricScopeCli.report(e, err);
        } finally {
            ctrlC.finished();
        }
    }

    private Integer explore(Scenario s, ExploreBounds bounds, Progress progress, long start) throws Exception {
        Explorer explorer = new Explorer(s, scenario.seed, attempt, scenario.patch, bounds, !naive);
        ExploreResult r = explorer.explore(progress);
        double secs = (System.nanoTime() - start) / 1e9;
        progress.checkCancelled();
        if (out != null && r.shortest() != null) {
            SimulationResult cx = explorer.replay(r.shortest().choices());
            OutputFile.writeTrace(cx.trace(), out, force, FabricScopeCli.stdout(spec));
            Path sched = Path.of(out + ".schedule.json");
            if (force) {
                java.nio.file.Files.deleteIfExists(sched);
            }
            ScheduleFile.write(
                    sched,
                    new ScheduleFile.Spec(
                            s,
                            scenario.seed,
                            attempt,
                            scenario.patch,
                            bounds,
                            r.shortest().choices()),
                    String.valueOf(out.getFileName()));
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Json.print(o, g -> {
                g.writeStringField("scenario", s.name());
                g.writeNumberField("seed", scenario.seed);
                g.writeNumberField("attempt", attempt);
                g.writeStringField("patch", scenario.patch.toString());
                g.writeStringField("bounds", bounds.describe());
                g.writeBooleanField("state_hashing", !naive);
                g.writeNumberField("schedules", r.runs());
                g.writeNumberField("cut_by_state_hash", r.cut());
                g.writeNumberField("distinct_states", r.distinctStates());
                g.writeBooleanField("complete", r.complete());
                g.writeNumberField("failing_schedules", r.failing());
                g.writeNumberField(
                        "shortest_events_to_fpre004",
                        r.shortest() == null ? -1 : r.shortest().eventsToFpre004());
                g.writeNumberField("invariant_violations", r.violations().size());
                g.writeNumberField("seconds", secs);
                g.writeStringField("verdict", r.verdict());
            });
        } else {
            o.printf(
                    Locale.ROOT,
                    "scenario %s, seed %d, patch %s%n%d schedules (%d cut by the state hash, %d distinct states) in %.1f s, %.0f schedules/s%n%s%n",
                    org.fabricscope.trace.PrintableText.of(s.name()),
                    scenario.seed,
                    scenario.patch,
                    r.runs(),
                    r.cut(),
                    r.distinctStates(),
                    secs,
                    r.runs() / Math.max(secs, 1e-9),
                    r.verdict());
            o.println(
                    r.violations().isEmpty()
                            ? "invariants held in every explored schedule"
                            : "INVARIANT VIOLATED: " + r.violations().get(0));
            if (out != null && r.shortest() != null) {
                o.println("shortest counterexample written to " + OutputFile.show(out) + " (+ .schedule.json)");
            }
        }
        return 0;
    }

    /**
     * Progress on stderr (a line every half second: schedules so far and their rate); cancelled on
     * Ctrl+C.
     */
    static final class ProgressLines implements Progress {
        private final PrintWriter err;
        private final long startNanos;
        private final CtrlC ctrlC;
        private long lastReport;

        ProgressLines(PrintWriter err, long startNanos, CtrlC ctrlC) {
            this.err = err;
            this.startNanos = startNanos;
            this.ctrlC = ctrlC;
            this.lastReport = startNanos;
        }

        @Override
        public void update(long doneUnits, long total) {
            long now = System.nanoTime();
            if (now - lastReport > 500_000_000L) {
                lastReport = now;
                double secs = (now - startNanos) / 1e9;
                err.printf(Locale.ROOT, "explore: %d schedules, %.0f/s%n", doneUnits, doneUnits / Math.max(secs, 1e-9));
                err.flush();
            }
        }

        @Override
        public boolean isCancelled() {
            return ctrlC.requested() || Thread.currentThread().isInterrupted();
        }
    }
}
