package org.fabricscope.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fabricscope.shrink.Shrinker;
import org.fabricscope.sim.experiment.ReproFinder;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.PrintableText;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.trace.io.AtomicFile;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.trace.io.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shrink}: cuts a run that raises FPRE004 down to a small scenario that raises it by the same
 * mechanism, and writes that scenario file and its trace. Exit 0 shrunk, 1 the run raises no FPRE004.
 */
@Command(
        name = "shrink",
        mixinStandardHelpOptions = true,
        description = {
            "Shrink a run that raises FPRE004 to a minimal scenario that raises it by the same mechanism",
            "(same inconsistent pair, read in the same order): delta debugging over parameters and over",
            "the workload's operations, each candidate a real run. Writes NAME-shrunk.json (an ordinary",
            "scenario file: re-run it with the same --seed and --attempt) and NAME-shrunk.jsonl (its trace)."
        })
final class ShrinkCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Option(
            names = "--attempt",
            paramLabel = "K",
            description = "The attempt to shrink. Default: the first attempt (up to 100) that raises FPRE004.")
    Integer attempt;

    @Option(
            names = "--trace",
            paramLabel = "FILE",
            description = "Shrink the run this trace records (its scenario, seed, attempt and patch).")
    Path trace;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Directory for the scenario file and trace. Default: the current directory.")
    Path out;

    @Option(names = "--force", description = "Overwrite the output files if they exist.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object (field names are stable; see the README).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (attempt != null && trace != null) {
            throw new UserException("give --attempt or --trace, not both");
        }
        if (attempt != null && attempt < 1) {
            throw new UserException("--attempt must be at least 1, got " + attempt);
        }
        // Before anything is opened: a FIFO given here would block the command forever.
        if (trace != null) {
            RegularFiles.requireInput(trace, "--trace");
        } else {
            RegularFiles.requireScenarioInput(scenario.scenario, Scenario.builtInNames(), "--scenario");
        }
        if (!Files.isDirectory(out)) {
            throw new UserException(OutputFile.show(out)
                    + (Files.exists(out)
                            ? ": not a directory; --out names the directory to write into"
                            : ": no such directory"));
        }
        Scenario s;
        long seed;
        int k;
        PatchSwitches patch;
        if (trace != null) {
            Trace t;
            try {
                t = TraceReader.read(trace, Progress.NONE);
            } catch (TraceFormatException e) {
                throw new UserException(e.getMessage());
            }
            TraceHeader h = t.header();
            if (!h.interventions().isEmpty()) {
                throw new UserException(OutputFile.show(trace)
                        + ": a what-if trace (with interventions) cannot be re-run from its scenario; shrink the run it"
                        + " was forked from");
            }
            if (h.schedule() != null) {
                throw new UserException(OutputFile.show(trace)
                        + ": an explored schedule (its header's 'schedule') cannot be re-run from its scenario alone;"
                        + " shrink a seeded run");
            }
            s = Scenario.fromParameters(h.scenarioName(), h.parameters());
            seed = h.seed();
            k = h.attempt();
            patch = h.patch();
        } else {
            s = scenario.resolve();
            seed = scenario.seed;
            patch = scenario.patch;
            if (attempt != null) {
                k = attempt;
            } else {
                err.println("shrink: looking for the first attempt that raises FPRE004…");
                err.flush();
                ReproResult r = ReproFinder.find(s, seed, 100, patch, 1, Progress.NONE);
                if (!r.found()) {
                    err.println("shrink: no FPRE004 in 100 attempts of " + PrintableText.of(s.name()) + " (seed " + seed
                            + "); nothing to shrink");
                    return FabricScopeCli.EXIT_NEGATIVE;
                }
                k = r.attempt();
            }
        }
        String base = fileSafe(s.name()) + "-shrunk";
        Path scenarioFile = out.resolve(base + ".json");
        Path traceFile = out.resolve(base + ".jsonl");
        RegularFiles.requireOutput(scenarioFile, "--out");
        RegularFiles.requireOutput(traceFile, "--out");
        OutputFile.check(scenarioFile, force);
        OutputFile.check(traceFile, force);

        long startNanos = System.nanoTime();
        Shrinker.Result r;
        try {
            r = Shrinker.shrink(s, seed, k, patch, new PhaseProgress(err));
        } catch (Shrinker.NoFpre004Exception e) {
            err.println("shrink: " + PrintableText.of(e.getMessage()));
            return FabricScopeCli.EXIT_NEGATIVE;
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        byte[] text = r.shrunk().toFileText().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(scenarioFile, force, o -> o.write(text));
        TraceWriter.write(r.trace(), traceFile, force);

        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Json.print(o, g -> {
                g.writeStringField("scenario", r.original().name());
                g.writeNumberField("seed", seed);
                g.writeNumberField("attempt", k);
                g.writeStringField("patch", patch.toString());
                g.writeStringField("mechanism", r.signature().mechanism().jsonName());
                g.writeStringField("pair_kind", r.signature().pairKind().jsonName());
                figures(g, "before", r.before());
                figures(g, "after", r.after());
                g.writeArrayFieldStart("removed");
                for (String line : r.removed()) {
                    g.writeString(line);
                }
                g.writeEndArray();
                g.writeNumberField("candidate_runs", r.candidateRuns());
                g.writeNumberField("time_ms", millis);
                g.writeStringField("scenario_file", scenarioFile.toString());
                g.writeStringField("trace_file", traceFile.toString());
            });
        } else {
            o.printf(
                    "shrunk attempt %d of %s (seed %d) in %.1f s, %d candidate runs%n",
                    k, PrintableText.of(s.name()), seed, millis / 1000.0, r.candidateRuns());
            o.printf("FPRE004 kept: %s, step #%d on block %d%n", r.signature(), r.fpreSeq(), r.fpreBlock());
            o.printf("%-9s %8s %8s %8s %12s%n", "", "events", "blocks", "actors", "duration");
            row(o, "before", r.before());
            row(o, "after", r.after());
            o.println("removed:");
            for (String line : r.removed()) {
                o.println("  " + PrintableText.of(line));
            }
            o.printf(
                    "wrote %s and %s%nre-run: simulate --scenario %s --seed %d --attempt %d%s --out t.jsonl%n",
                    OutputFile.show(scenarioFile),
                    OutputFile.show(traceFile),
                    OutputFile.show(scenarioFile),
                    seed,
                    k,
                    patch.equals(PatchSwitches.NONE) ? "" : " --patch " + patch);
        }
        o.flush();
        return 0;
    }

    private static void figures(com.fasterxml.jackson.core.JsonGenerator g, String name, Shrinker.Figures f)
            throws java.io.IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("events", f.events());
        g.writeNumberField("blocks", f.blocks());
        g.writeNumberField("actors", f.actors());
        g.writeNumberField("duration_us", f.durationMicros());
        g.writeEndObject();
    }

    private static void row(PrintWriter o, String label, Shrinker.Figures f) {
        o.printf(
                Locale.ROOT,
                "%-9s %,8d %,8d %,8d %9.3f ms%n",
                label,
                f.events(),
                f.blocks(),
                f.actors(),
                f.durationMicros() / 1000.0);
    }

    /** A scenario name as a file name: letters, digits, dot, dash and underscore kept. */
    static String fileSafe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty() || s.startsWith(".")) {
            s = "scenario" + s;
        }
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    /** The shrink's phase and progress on standard error, one line per phase. */
    private static final class PhaseProgress implements Progress {
        private final PrintWriter err;

        PhaseProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long done, long total) {}

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void phase(String description) {
            err.println("shrink: " + description + "…");
            err.flush();
        }
    }
}
