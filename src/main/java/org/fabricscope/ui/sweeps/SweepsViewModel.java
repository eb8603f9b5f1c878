package org.fabricscope.ui.sweeps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.experiment.ReproFinder;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.sim.scenario.ParameterSpec;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.support.BackgroundRun;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.DialogService;

/**
 * The Sweeps view's state and commands: the axes (parameters of the scenario catalogue, with their
 * units and allowed ranges), the reads per cell, running the sweep in the background with progress
 * and Cancel (on the {@code sweep} command's engine, through {@link SweepRunner}), which side the heat map shows and which slice the line chart shows, finding a
 * clicked cell's recorded first failing attempt and opening it, and saving, reopening and exporting results.
 * Lives on the FX thread; tested without a Stage.
 */
public final class SweepsViewModel {
    /** What runs a sweep (the GUI's {@link SweepRunner}, or the {@code sweep} command's engine). */
    @FunctionalInterface
    public interface Engine {
        SweepResult run(Scenario base, long seed, long readsPerCell, SweepAxis x, SweepAxis y, Progress progress)
                throws ScenarioException;
    }

    /** Opens a recorded attempt in the main window with the cursor on event {@code seq}. */
    @FunctionalInterface
    public interface Opener {
        void open(RunRequest attempt, int seq, String description);
    }

    /** The charts whose data can be exported. */
    public enum Chart {
        HEAT_MAP("heatmap"),
        LINE("line"),
        LATENCY("latency");

        private final String fileStem;

        Chart(String fileStem) {
            this.fileStem = fileStem;
        }

        public String fileStem() {
            return fileStem;
        }
    }

    /** The second axis's choice that means "no second axis". */
    public static final String NO_AXIS = "(none)";

    public static final long DEFAULT_READS_PER_CELL = 5_000;

    /** How many attempts a click on a cell searches, in a result file without the recorded attempt. */
    public static final int MAX_REPRO_ATTEMPTS = 200;
    /** The latency histogram's bin width. */
    public static final int LATENCY_BIN_MICROS = 100;

    private final Supplier<Optional<RunRequest>> scenario;
    private final Opener opener;
    private final DialogService dialogs;
    private final Engine engine;
    private final int threads;
    private final List<ParameterSpec> parameters = new ArrayList<>();

    private final StringProperty xParameter = new SimpleStringProperty(this, "xParameter", "ackJitterMicrosMax");
    private final StringProperty xFrom = new SimpleStringProperty(this, "xFrom", "0");
    private final StringProperty xTo = new SimpleStringProperty(this, "xTo", "8000");
    private final StringProperty xSteps = new SimpleStringProperty(this, "xSteps", "5");
    private final StringProperty yParameter = new SimpleStringProperty(this, "yParameter", "readBurstSize");
    private final StringProperty yFrom = new SimpleStringProperty(this, "yFrom", "4");
    private final StringProperty yTo = new SimpleStringProperty(this, "yTo", "16");
    private final StringProperty ySteps = new SimpleStringProperty(this, "ySteps", "4");
    private final StringProperty reads =
            new SimpleStringProperty(this, "reads", String.valueOf(DEFAULT_READS_PER_CELL));
    private final ReadOnlyStringWrapper inputError = new ReadOnlyStringWrapper(this, "inputError", "");

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            this, "status", "Define the axes, then Run sweep: each cell soaks the scenario panel's scenario.");
    private final ReadOnlyObjectWrapper<SweepResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final BooleanProperty heatPatched = new SimpleBooleanProperty(this, "heatPatched", false);
    private final ObjectProperty<Double> lineY = new SimpleObjectProperty<>(this, "lineY", Double.NaN);
    private final BackgroundRun background;

    public SweepsViewModel(
            Supplier<Optional<RunRequest>> scenario,
            Opener opener,
            DialogService dialogs,
            Executor executor,
            Engine engine,
            int threads) {
        this.scenario = Objects.requireNonNull(scenario);
        this.opener = Objects.requireNonNull(opener);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.background = new BackgroundRun(this, executor, status::set);
        this.engine = Objects.requireNonNull(engine);
        this.threads = Math.max(1, threads);
        for (ParameterSpec p : Scenario.catalog()) {
            if (p.type() != ParameterSpec.Type.BOOLEAN) {
                parameters.add(p);
            }
        }
        for (StringProperty p : List.of(xParameter, xFrom, xTo, xSteps, yParameter, yFrom, yTo, ySteps, reads)) {
            p.addListener((obs, old, now) -> validate());
        }
        result.addListener((obs, old, now) -> {
            if (now != null) {
                List<Double> ys = now.yValues();
                // The line chart's slice: the story's 12-transaction bursts when swept, else the middle.
                lineY.set(ys.contains(12.0) ? 12.0 : ys.get(ys.size() / 2));
            }
        });
        validate();
    }

    // ---- state

    /** The numeric parameters of the catalogue, with unit and range: what an axis can vary. */
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /** The catalogue entry of {@code name}, or empty. */
    public Optional<ParameterSpec> spec(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public StringProperty xParameterProperty() {
        return xParameter;
    }

    public StringProperty xFromProperty() {
        return xFrom;
    }

    public StringProperty xToProperty() {
        return xTo;
    }

    public StringProperty xStepsProperty() {
        return xSteps;
    }

    /** The second axis's parameter, or {@link #NO_AXIS}. */
    public StringProperty yParameterProperty() {
        return yParameter;
    }

    public StringProperty yFromProperty() {
        return yFrom;
    }

    public StringProperty yToProperty() {
        return yTo;
    }

    public StringProperty yStepsProperty() {
        return ySteps;
    }

    public StringProperty readsProperty() {
        return reads;
    }

    /** Why the definition cannot run, one line; empty when it can. */
    public ReadOnlyStringProperty inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return background.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return background.progressProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The sweep shown, or null. */
    public ReadOnlyObjectProperty<SweepResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The heat map shows the patched cells when true, the legacy ones when false. */
    public BooleanProperty heatPatchedProperty() {
        return heatPatched;
    }

    /** The second axis's value the line chart shows (NaN without a second axis). */
    public ObjectProperty<Double> lineYProperty() {
        return lineY;
    }

    // ---- commands

    /** Runs the sweep defined by the fields on the scenario panel's scenario and seed. */
    public Task<SweepResult> run() {
        String error = validate();
        if (!error.isEmpty()) {
            status.set("Not run: " + error);
            return null;
        }
        Optional<RunRequest> request = scenario.get();
        if (request.isEmpty()) {
            status.set("Not run: the scenario panel has an invalid value; fix it first.");
            return null;
        }
        RunRequest r = request.get();
        SweepAxis x = axis(xParameter.get(), xFrom.get(), xTo.get(), xSteps.get());
        SweepAxis y =
                NO_AXIS.equals(yParameter.get()) ? null : axis(yParameter.get(), yFrom.get(), yTo.get(), ySteps.get());
        long n = Long.parseLong(reads.get().trim().replace(",", ""));
        int cells = x.values().size() * (y == null ? 1 : y.values().size());
        String what = String.format(
                Locale.ROOT,
                "%s seed %d: %d cells × legacy/patched, %,d reads each",
                r.scenario().name(),
                r.seed(),
                cells,
                n);
        return start(
                "Sweeping " + what + "…",
                p -> engine.run(r.scenario(), r.seed(), n, x, y, p),
                done -> {
                    result.set(done);
                    status.set("Swept " + what
                            + ". Hover a cell for its figures; click one to open its first failing attempt.");
                },
                "Cancelled the sweep; the charts show the last complete one.");
    }

    /** Stops the running sweep or search; what is shown stays. */
    public void cancel() {
        background.cancel();
    }

    /**
     * Opens {@code cell}'s first failing attempt at its FPRE004: the attempt the engine recorded
     * (seed and attempt number), re-run once in the background to check that it still raises that
     * FPRE004, then opened. Only a result file that predates the recorded attempt makes it search
     * attempts 1..{@link #MAX_REPRO_ATTEMPTS} instead; a cell whose soak raised none says so.
     *
     * @return the background task ({@link ReproResult#attempts()} counts the attempts it ran), or
     *     null when there is nothing to run
     */
    public Task<ReproResult> openCell(SweepCell cell) {
        SweepResult r = result.get();
        if (r == null || cell == null) {
            return null;
        }
        Scenario s;
        try {
            Scenario base = Scenario.fromParameters(r.scenarioName(), r.parameters());
            s = SweepRunner.cellScenario(base, r.x(), cell.x(), r.y(), cell.y());
        } catch (ScenarioException e) {
            status.set("Cannot run this cell: " + e.getMessage());
            return null;
        }
        PatchSwitches patch = cell.patched() ? PatchSwitches.ALL : PatchSwitches.NONE;
        String where = describeCell(r, cell, false);
        Scenario cellScenario = s;
        java.util.function.Consumer<ReproResult> open = found -> {
            if (!found.found()) {
                status.set("No FPRE004 in " + MAX_REPRO_ATTEMPTS + " attempts of " + where + ".");
                return;
            }
            int seq = found.result().stats().firstFpre004Seq();
            String description =
                    where + ": seed " + found.seed() + ", attempt " + found.attempt() + ", FPRE004 #" + seq + ".";
            status.set("Opening " + description);
            opener.open(new RunRequest(cellScenario, found.seed(), found.attempt(), patch), seq, description);
        };
        if (!cell.firstFpre004Recorded()) {
            // A result file from before the engine recorded the attempt: look for one, as before.
            return start(
                    "Searching " + where + " for FPRE004 (up to " + MAX_REPRO_ATTEMPTS
                            + " attempts; this file does not record the failing attempt)…",
                    p -> ReproFinder.find(cellScenario, r.seed(), MAX_REPRO_ATTEMPTS, patch, threads, p),
                    open,
                    "Cancelled the reproducer search.");
        }
        if (cell.firstFpre004Attempt() < 0) {
            status.set(String.format(
                    Locale.ROOT, "No FPRE004 in the %,d attempts of %s: nothing to open.", cell.attempts(), where));
            return null;
        }
        long seed = cell.firstFpre004Seed();
        int attempt = cell.firstFpre004Attempt();
        return start(
                "Re-running " + where + ", seed " + seed + ", attempt " + attempt + "…",
                p -> rerun(cellScenario, seed, attempt, cell.firstFpre004Seq(), patch, p),
                open,
                "Cancelled re-running the attempt.");
    }

    /** Runs the recorded attempt once and checks that it raises its FPRE004 where the sweep saw it. */
    private static ReproResult rerun(
            Scenario scenario, long seed, int attempt, int recordedSeq, PatchSwitches patch, Progress progress) {
        SimulationResult run = Simulator.run(scenario, seed, attempt, patch, false, progress);
        int seq = run.stats().firstFpre004Seq();
        if (run.stats().fpre004() == 0 || (recordedSeq >= 0 && seq != recordedSeq)) {
            throw new IllegalStateException("seed " + seed + " attempt " + attempt + " ran differently from the sweep ("
                    + (run.stats().fpre004() == 0 ? "no FPRE004" : "first FPRE004 at #" + seq + ", not #" + recordedSeq)
                    + "): was the sweep made by another FabricScope version?");
        }
        return new ReproResult(true, 1, seed, attempt, run);
    }

    /** Saves the shown sweep as JSON, asking before replacing a file. */
    public boolean save(Path file) {
        SweepResult r = result.get();
        if (r == null) {
            status.set("Nothing to save: run a sweep first.");
            return false;
        }
        return write(file, "sweep", f -> SweepFiles.save(r, f, true));
    }

    /** Reopens a saved sweep; a bad file is refused in one line and the shown sweep stays. */
    public boolean load(Path file) {
        try {
            SweepResult r = SweepFiles.load(file);
            result.set(r);
            status.set("Opened " + file.getFileName() + " (" + r.scenarioName() + " seed " + r.seed() + ").");
            return true;
        } catch (IOException e) {
            status.set("Could not open " + file.getFileName() + ".");
            dialogs.showError("Cannot open " + file.getFileName(), oneLine(e));
            return false;
        }
    }

    /** Writes the data of {@code chart} as CSV, asking before replacing a file. */
    public boolean exportCsv(Chart chart, Path file) {
        SweepResult r = result.get();
        if (r == null) {
            status.set("Nothing to export: run a sweep first.");
            return false;
        }
        String csv = switch (chart) {
            case HEAT_MAP -> SweepFiles.heatMapCsv(r, heatPatched.get());
            case LINE -> SweepFiles.lineCsv(r, lineY.get());
            case LATENCY -> SweepFiles.histogramCsv(latencyBins());
        };
        return write(file, "CSV", f -> SweepFiles.writeText(f, csv, true));
    }

    /** Writes a chart's picture (PNG bytes the view rendered), asking before replacing a file. */
    public boolean exportPng(Path file, byte[] png) {
        return write(file, "PNG", f -> SweepFiles.writeBytes(f, png, true));
    }

    /** The latency histogram of the shown sweep, or null. */
    public LatencyBins latencyBins() {
        SweepResult r = result.get();
        return r == null ? null : LatencyBins.of(r, LATENCY_BIN_MICROS);
    }

    /** A suggested file name, e.g. {@code fpre004-repro-sweep-heatmap.csv}. */
    public String suggestedName(String stem, String extension) {
        SweepResult r = result.get();
        return (r == null ? "sweep" : r.scenarioName() + "-sweep") + (stem.isEmpty() ? "" : "-" + stem) + "."
                + extension;
    }

    /** A cell's figures, for its tooltip (several lines) or the status line. */
    public static String describeCell(SweepResult r, SweepCell c, boolean figures) {
        StringBuilder b = new StringBuilder();
        b.append(r.x().parameter()).append('=').append(SweepAxis.text(c.x()));
        if (r.y() != null) {
            b.append(", ").append(r.y().parameter()).append('=').append(SweepAxis.text(c.y()));
        }
        b.append(" (").append(c.side()).append(')');
        if (!figures) {
            return b.toString();
        }
        b.append(String.format(
                Locale.ROOT,
                "%nFPRE004 rate %s of attempts (95 %% CI %s – %s): %,d of %,d attempts%n%,d FPRE004 in %,d reads",
                rate(c.rate()),
                rate(c.rateLow()),
                rate(c.rateHigh()),
                c.attemptsWithFpre004(),
                c.attempts(),
                c.fpre004(),
                c.reads()));
        b.append(String.format(Locale.ROOT, "%nread success %.4f %%", c.successRate() * 100));
        if (!c.firstFpre004Recorded()) {
            b.append("\nfirst failing attempt not in this file: a click searches for one");
        } else if (c.firstFpre004Attempt() < 0) {
            b.append("\nno FPRE004 in this cell's soak");
        } else {
            b.append("\nfirst FPRE004: seed " + c.firstFpre004Seed() + ", attempt " + c.firstFpre004Attempt()
                    + (c.firstFpre004Seq() >= 0 ? ", event #" + c.firstFpre004Seq() : ""));
        }
        b.append(String.format(
                Locale.ROOT,
                "%nretries %,d · quarantines %,d%nprefetch latency mean %.3f ms, p99 %.3f ms",
                c.retries(),
                c.quarantines(),
                c.prefetchMeanMicros() / 1000,
                c.prefetchP99Micros() / 1000.0));
        return b.toString();
    }

    /** A rate, three significant digits ("0.350", "1.23e-03"); "0" for none. */
    public static String rate(double r) {
        if (r == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.3g", r);
    }

    // ---- internals

    @FunctionalInterface
    private interface Writer {
        void write(Path file) throws IOException;
    }

    private boolean write(Path file, String what, Writer w) {
        if (Files.exists(file)
                && !dialogs.confirm("Replace " + file.getFileName() + "?", file + " already exists. Replace it?")) {
            status.set("Not written: " + file.getFileName() + " was left as it was.");
            return false;
        }
        try {
            w.write(file);
            status.set("Wrote " + what + " " + file.getFileName() + ".");
            return true;
        } catch (IOException e) {
            status.set("Could not write " + file.getFileName() + ".");
            dialogs.showError("Cannot write " + file.getFileName(), oneLine(e));
            return false;
        }
    }

    private static String oneLine(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private <T> Task<T> start(
            String title, BackgroundWork.Job<T> job, java.util.function.Consumer<T> onSuccess, String cancelled) {
        return background.start(title, job, onSuccess, "Failed: ", cancelled);
    }

    private SweepAxis axis(String name, String from, String to, String steps) {
        ParameterSpec spec = spec(name).orElseThrow();
        return SweepAxis.range(
                spec, Double.parseDouble(from.trim()), Double.parseDouble(to.trim()), Integer.parseInt(steps.trim()));
    }

    /** Checks every field; sets and returns the first problem ("" when none). */
    private String validate() {
        String e = checkAxis("first axis", xParameter.get(), xFrom.get(), xTo.get(), xSteps.get());
        if (e.isEmpty() && !NO_AXIS.equals(yParameter.get())) {
            e = yParameter.get() != null && yParameter.get().equals(xParameter.get())
                    ? "the two axes vary the same parameter"
                    : checkAxis("second axis", yParameter.get(), yFrom.get(), yTo.get(), ySteps.get());
        }
        if (e.isEmpty()) {
            long n = parseLong(reads.get());
            if (n < 1 || n > 100_000_000) {
                e = "reads per cell must be a whole number from 1 to 100,000,000";
            }
        }
        inputError.set(e);
        return e;
    }

    private String checkAxis(String which, String name, String from, String to, String steps) {
        Optional<ParameterSpec> spec = name == null ? Optional.empty() : spec(name);
        if (spec.isEmpty()) {
            return which + ": pick a parameter";
        }
        ParameterSpec p = spec.get();
        double a;
        double b;
        try {
            a = Double.parseDouble(from.trim());
            b = Double.parseDouble(to.trim());
        } catch (RuntimeException ex) {
            return which + ": from and to must be numbers in " + p.unit();
        }
        if (a < p.min() || a > p.max() || b < p.min() || b > p.max()) {
            return String.format(
                    Locale.ROOT,
                    "%s: %s must lie in %s..%s %s",
                    which,
                    p.name(),
                    SweepAxis.text(p.min()),
                    SweepAxis.text(p.max()),
                    p.unit());
        }
        long s = parseLong(steps);
        if (s < 1 || s > 40) {
            return which + ": steps must be a whole number from 1 to 40";
        }
        return "";
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim().replace(",", ""));
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
