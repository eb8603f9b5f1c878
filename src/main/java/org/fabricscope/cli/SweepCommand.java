package org.fabricscope.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sweep.Axis;
import org.fabricscope.sweep.LocalRunner;
import org.fabricscope.sweep.SparkSupport;
import org.fabricscope.sweep.SweepDefinition;
import org.fabricscope.sweep.SweepEngine;
import org.fabricscope.sweep.SweepResult;
import org.fabricscope.sweep.SweepRunner;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.io.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweep}: a grid of parameter values and patch configurations, one row of figures per cell. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Run a scenario over every combination of the --vary values, times the --patch configurations,",
            "for --seeds base seeds each; per cell print the FPRE004 rate per attempt with its 95 % Wilson",
            "interval, read success rate, attempts to the first FPRE004, retries, quarantines and prefetch",
            "latency, as CSV (or JSON). The output is the same for any --runner and --threads."
        })
final class SweepCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--scenario",
            paramLabel = "NAME|FILE",
            description = "A built-in scenario or a scenario JSON file. Default: fpre004-repro.")
    String scenario;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override one base parameter (repeatable), e.g. --set readBurstSize=8.")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--vary",
            paramLabel = "PARAM=LIST|FROM..TO:STEPS",
            description = "An axis (repeatable), in --set units: ackJitterMicrosMax=0..8ms:5 or readBurstSize=4,8,12.")
    List<String> vary = new ArrayList<>();

    @Option(
            names = "--patch",
            paramLabel = "LIST",
            description = "Patch configurations (repeatable): none,all,reorder,barrier,backoff; join switches"
                    + " of one configuration with + (barrier+backoff). Default: none,all.")
    List<String> patches = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "First base seed. Default: 1.")
    Long seed;

    @Option(names = "--seeds", paramLabel = "N", description = "Base seeds per cell. Default: 1.")
    Integer seeds;

    @Option(names = "--reads", paramLabel = "N", description = "Each cell soaks N reads per seed (default 20000).")
    Long reads;

    @Option(names = "--attempts", paramLabel = "N", description = "Each cell runs attempts 1..N per seed instead.")
    Long attempts;

    @Option(
            names = "--file",
            paramLabel = "SWEEP.json",
            description = "Read the definition from a sweep file instead of the options above.")
    Path file;

    @Option(
            names = "--save-definition",
            paramLabel = "SWEEP.json",
            description = "Also write the definition as a sweep file, to run again with --file.")
    Path saveDefinition;

    @Option(
            names = "--out",
            paramLabel = "FILE.csv|FILE.json",
            description = "Write here (JSON if it ends in .json); - is standard output.")
    Path out;

    @Option(names = "--force", description = "Overwrite --out if it exists.")
    boolean force;

    @Option(
            names = "--runner",
            paramLabel = "local|spark",
            defaultValue = "local",
            description = "Where cells run: local threads, or Apache Spark. Default: ${DEFAULT-VALUE}.")
    String runner;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description =
                    "Spark master: local[N], spark://HOST:7077, yarn, k8s://... Default: the one spark-submit set.")
    String master;

    @Mixin
    ThreadsOption threads;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        // Before anything is opened: a FIFO here would block the command forever.
        RegularFiles.requireOutput(out, "--out");
        RegularFiles.requireOutput(saveDefinition, "--save-definition");
        SweepDefinition d = definition();
        if (!runner.equals("local") && !runner.equals("spark")) {
            throw new UserException(
                    "--runner must be local or spark, got '" + org.fabricscope.trace.PrintableText.of(runner) + "'");
        }
        if (master != null && runner.equals("local")) {
            throw new UserException("--master is for --runner spark");
        }
        boolean json = report.json
                || (out != null && out.toString().toLowerCase(Locale.ROOT).endsWith(".json"));
        if (out != null) {
            OutputFile.check(out, force);
        }
        if (out != null
                && saveDefinition != null
                && out.toAbsolutePath()
                        .normalize()
                        .equals(saveDefinition.toAbsolutePath().normalize())) {
            throw new UserException(OutputFile.show(out)
                    + ": --out and --save-definition name the same file; the results would replace the definition");
        }
        if (saveDefinition != null) {
            OutputFile.check(saveDefinition, force);
            writeAtomically(saveDefinition, d.toJson(), force);
        }
        int units = SweepEngine.units(d).size();
        CtrlC ctrlC = CtrlC.install("sweep");
        Progress cancel = new TenthLines(err, report.progress || System.console() != null ? "sweep" : null, ctrlC);
        long start = System.nanoTime(); // wall time is reported on stderr only, never in the results
        try {
            SweepResult r;
            String where;
            if (runner.equals("spark")) {
                try (SparkSupport.SweepRunnerHandle h = SparkSupport.start(master)) {
                    where = "Spark " + (master == null ? "(spark-submit master)" : master);
                    r = h.runner().run(d, cancel);
                }
            } else {
                int n = threads.resolve();
                SweepRunner local = new LocalRunner(n);
                where = "local, " + n + " thread" + (n == 1 ? "" : "s");
                r = local.run(d, cancel);
            }
            String text = json ? r.toJson() : r.toCsv();
            if (out == null || OutputFile.isStdout(out)) {
                OutputStream o = FabricScopeCli.stdout(spec);
                o.write(text.getBytes(StandardCharsets.UTF_8));
                o.flush();
            } else {
                writeAtomically(out, text, force);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf(
                    Locale.ROOT,
                    "sweep: %d cells (%d work units) in %.1f s on %s: %.2f cells/s%n",
                    d.cellCount(),
                    units,
                    seconds,
                    where,
                    d.cellCount() / Math.max(seconds, 1e-9));
            err.flush();
            return 0;
        } finally {
            ctrlC.finished();
        }
    }

    private SweepDefinition definition() throws Exception {
        if (file != null) {
            if (scenario != null
                    || !overrides.isEmpty()
                    || !vary.isEmpty()
                    || !patches.isEmpty()
                    || seed != null
                    || seeds != null
                    || reads != null
                    || attempts != null) {
                throw new UserException("--file holds the whole definition; do not combine it with --scenario, --set,"
                        + " --vary, --patch, --seed, --seeds, --reads or --attempts");
            }
            RegularFiles.requireInput(file, "--file");
            return SweepDefinition.load(file);
        }
        if (reads != null && attempts != null) {
            throw new UserException("give --reads or --attempts, not both");
        }
        RegularFiles.requireScenarioInput(scenario, Scenario.builtInNames(), "--scenario");
        ScenarioOptions so = new ScenarioOptions();
        so.scenario = scenario == null ? "fpre004-repro" : scenario;
        so.overrides = overrides;
        Scenario base = so.resolve();
        List<Axis> axes = new ArrayList<>();
        for (String v : vary) {
            axes.add(Axis.parse(v, base));
        }
        return new SweepDefinition(
                base,
                axes,
                SweepDefinition.parsePatches(patches.isEmpty() ? "none,all" : String.join(",", patches)),
                seed == null ? ScenarioOptions.DEFAULT_SEED : seed,
                seeds == null ? 1 : seeds,
                attempts != null ? SweepDefinition.Mode.ATTEMPTS : SweepDefinition.Mode.READS,
                attempts != null ? attempts : reads != null ? reads : 20_000);
    }

    /**
     * Atomically, as traces are (readable by others, never half-written); without {@code force}
     * a file that appeared while the sweep ran is not replaced.
     */
    private static void writeAtomically(Path target, String text, boolean force) throws IOException {
        AtomicFile.write(target, force, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Progress on stderr (when {@code label} is not null); cancelled on Ctrl+C. */
    static final class TenthLines implements Progress {
        private final PrintWriter err;
        private final boolean shown;
        private final CtrlC ctrlC;
        private long lastTenth = -1;

        TenthLines(PrintWriter err, String label, CtrlC ctrlC) {
            this.err = err;
            this.shown = label != null;
            this.ctrlC = ctrlC;
        }

        /** One line per tenth: the error stream escapes carriage returns, so no in-place counter. */
        @Override
        public synchronized void update(long doneUnits, long total) {
            if (!shown || total <= 0) {
                return;
            }
            long tenth = Math.min(10, doneUnits * 10 / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.println("sweep: " + tenth * 10 + " % (" + doneUnits + " of " + total + " work units)");
                err.flush();
            }
        }

        @Override
        public boolean isCancelled() {
            return ctrlC.requested();
        }
    }
}
