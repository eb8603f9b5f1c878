package org.fabricscope.ui.explore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.sim.explore.ExploreBounds;
import org.fabricscope.sim.explore.ExploreProgress;
import org.fabricscope.sim.explore.ExploreResult;
import org.fabricscope.sim.explore.Explorer;
import org.fabricscope.sim.explore.Schedule;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.support.BackgroundWork;

/**
 * The Explore panel's state and commands: what to explore (the scenario panel's scenario, the open
 * trace's run, or a scenario file), with which patch switches and within which bounds (the {@code
 * explore} command's options), running the {@link Explorer} in the background with live progress
 * (schedules, schedules/s, distinct states) and Cancel; then the result with its bounds, the
 * per-switch ablation when asked for, and opening a counterexample (in the main timeline on its
 * FPRE004) or comparing it with the nearest passing schedule. Lives on the FX thread; tested
 * without a Stage.
 */
public final class ExploreViewModel {
    /** What the panel asks of the main window. */
    public interface Window {
        /** Opens {@code loaded} (no file yet) in the main timeline with the cursor on event {@code seq}. */
        void open(LoadedTrace loaded, int seq, String description);

        /** Opens {@code a} as above, then compares it (as A) with {@code b} named {@code nameB}. */
        void compare(LoadedTrace a, int seqA, Trace b, String nameB);
    }

    /** One explored patch configuration: its engine (to replay schedules), result and figures. */
    /** {@link Explored#naiveSchedules} when a search stopped at the schedule limit. */
    static final long CUT_SHORT = -2;

    public record Explored(Explorer explorer, ExploreResult result, double seconds, long naiveSchedules) {
        /** Naive schedules / explored schedules on the same bounds, or NaN when naive was not run. */
        public double reduction() {
            return naiveSchedules < 0 ? Double.NaN : (double) naiveSchedules / result.runs();
        }
    }

    /** A run's outcome: the main result and, when asked for, one row per switch alone. */
    public record Outcome(String what, Explored main, List<Ablation> ablation) {
        public Outcome {
            ablation = List.copyOf(ablation);
        }
    }

    /** One row of the exhaustive per-switch ablation. */
    public record Ablation(String switchName, Explored explored) {}

    /** The switches alone, in the order the ablation table lists them. */
    public static final List<String> SWITCHES = List.of("reorder", "barrier", "backoff");

    private final Supplier<Optional<RunRequest>> panel;
    private final Supplier<Optional<LoadedTrace>> openTrace;
    private final Window window;
    private final Executor executor;
    private final LongSupplier nanoTime;

    private Scenario scenario;
    private Path scenarioFile;
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "1");
    private final StringProperty attempt = new SimpleStringProperty(this, "attempt", "1");
    private final BooleanProperty reorder = new SimpleBooleanProperty(this, "reorder");
    private final BooleanProperty barrier = new SimpleBooleanProperty(this, "barrier");
    private final BooleanProperty backoff = new SimpleBooleanProperty(this, "backoff");
    private final StringProperty jitterLevels = new SimpleStringProperty(this, "jitterLevels", "8");
    private final StringProperty bound = new SimpleStringProperty(this, "bound", "");
    private final StringProperty maxSchedules = new SimpleStringProperty(this, "maxSchedules", "5000000");
    private final BooleanProperty ties = new SimpleBooleanProperty(this, "ties", true);
    private final BooleanProperty measureNaive = new SimpleBooleanProperty(this, "measureNaive");
    private final BooleanProperty ablation = new SimpleBooleanProperty(this, "ablation");

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            this,
            "status",
            "Choose a small scenario (a shrunk one), the patch and the bounds, then Explore: every schedule within"
                    + " the bounds is run.");
    private final ReadOnlyObjectWrapper<Outcome> result = new ReadOnlyObjectWrapper<>(this, "result");
    private Task<?> current;

    /**
     * @param panel the scenario panel's request (scenario, seed, attempt, patch), empty when invalid
     * @param openTrace the trace open in the main window, if any
     * @param nanoTime a clock for the rate and the time taken (never part of a result's figures)
     */
    public ExploreViewModel(
            Supplier<Optional<RunRequest>> panel,
            Supplier<Optional<LoadedTrace>> openTrace,
            Window window,
            Executor executor,
            LongSupplier nanoTime) {
        this.panel = Objects.requireNonNull(panel);
        this.openTrace = Objects.requireNonNull(openTrace);
        this.window = Objects.requireNonNull(window);
        this.executor = Objects.requireNonNull(executor);
        this.nanoTime = Objects.requireNonNull(nanoTime);
        useScenarioPanel();
    }

    // ---- what to explore

    /** Explores the scenario panel's scenario with its seed, attempt and patch. */
    public void useScenarioPanel() {
        Optional<RunRequest> r = panel.get();
        if (r.isEmpty()) {
            status.set("The scenario panel's scenario is not valid; fix it there, or choose a scenario file.");
            return;
        }
        use(r.get().scenario(), r.get().seed(), r.get().attempt(), r.get().patch(), "Scenario panel: ");
    }

    /** Explores the open trace's run (its scenario, seed, attempt and patch, from its header). */
    public boolean useOpenTrace() {
        Optional<LoadedTrace> t = openTrace.get();
        if (t.isEmpty()) {
            status.set("No trace is open.");
            return false;
        }
        var h = t.get().trace().header();
        if (!h.interventions().isEmpty()) {
            status.set("A what-if trace (with interventions) cannot be explored; explore the run it was forked from.");
            return false;
        }
        try {
            use(
                    Scenario.fromParameters(h.scenarioName(), h.parameters()),
                    h.seed(),
                    h.attempt(),
                    h.patch(),
                    "Open trace: ");
            return true;
        } catch (org.fabricscope.sim.scenario.ScenarioException e) {
            status.set("Cannot explore the open trace: " + e.getMessage());
            return false;
        }
    }

    /** Explores the scenario in {@code file} (read when the exploration starts, off the FX thread). */
    public void useScenarioFile(Path file) {
        forgetResult();
        scenario = null;
        scenarioFile = Objects.requireNonNull(file);
        source.set("Scenario file: " + file.getFileName());
        status.set("Set the seed and attempt of the run to explore (a shrunk reproducer keeps its own).");
    }

    private void use(Scenario s, long seedValue, int attemptValue, PatchSwitches patch, String prefix) {
        forgetResult();
        scenario = s;
        scenarioFile = null;
        seed.set(Long.toString(seedValue));
        attempt.set(Integer.toString(attemptValue));
        reorder.set(patch.reorder());
        barrier.set(patch.barrier());
        backoff.set(patch.backoff());
        source.set(prefix + s.name());
    }

    /** A result (or a search under way) is about the previous source: it must not stay on show. */
    private void forgetResult() {
        cancel();
        result.set(null);
    }

    // ---- commands

    /** Explores in the background; null (with a status saying why) when an input is invalid. */
    public Task<Outcome> explore() {
        ExploreBounds bounds;
        long seedValue;
        int attemptValue;
        try {
            seedValue = Long.parseLong(seed.get().trim());
            attemptValue = Integer.parseInt(attempt.get().trim());
            if (attemptValue < 1) {
                throw new IllegalArgumentException("the attempt must be at least 1");
            }
            String b = bound.get().trim();
            bounds = new ExploreBounds(
                    Integer.parseInt(jitterLevels.get().trim()),
                    b.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(b),
                    Long.parseLong(maxSchedules.get().trim()),
                    ties.get());
        } catch (NumberFormatException e) {
            status.set("Seed, attempt, levels, bound and schedule limit must be whole numbers.");
            return null;
        } catch (IllegalArgumentException e) {
            status.set("Cannot explore: " + e.getMessage() + ".");
            return null;
        }
        if (scenario == null && scenarioFile == null) {
            status.set("Nothing to explore: choose a scenario.");
            return null;
        }
        PatchSwitches patch = patch();
        boolean naive = measureNaive.get();
        boolean perSwitch = ablation.get();
        Scenario known = scenario;
        Path file = scenarioFile;
        cancel();
        result.set(null);
        String title = "Exploring " + source.get().replaceFirst("^[^:]*: ", "") + " ("
                + (patch.equals(PatchSwitches.NONE) ? "legacy" : "patch " + patch) + ")…";
        Live live = new Live();
        Task<Outcome> task = BackgroundWork.task(title, p -> {
            Scenario s = known != null ? known : Scenario.load(file);
            String what = s.name() + ", seed " + seedValue + ", attempt " + attemptValue;
            Explored main = run(s, seedValue, attemptValue, patch, bounds, naive, "", p, live);
            List<Ablation> rows = new ArrayList<>();
            if (perSwitch) {
                for (String sw : SWITCHES) {
                    rows.add(new Ablation(
                            sw,
                            run(
                                    s,
                                    seedValue,
                                    attemptValue,
                                    PatchSwitches.parse(sw),
                                    bounds,
                                    false,
                                    sw + " alone: ",
                                    p,
                                    live)));
                }
            }
            return new Outcome(what, main, rows);
        });
        current = task;
        running.set(true);
        progress.set("Starting…");
        status.set(title);
        task.setOnSucceeded(e -> {
            if (finish(task)) {
                Outcome o = task.getValue();
                result.set(o);
                status.set(headline(o.main().result()));
            }
        });
        task.setOnFailed(e -> {
            if (finish(task)) {
                Throwable t = task.getException();
                status.set("Exploration failed: "
                        + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
            }
        });
        task.setOnCancelled(e -> {
            if (finish(task)) {
                status.set("Exploration cancelled: nothing is proved by a search stopped part-way.");
            }
        });
        executor.execute(task);
        return task;
    }

    /** Stops the running exploration (or opening); the search stops within one simulator run. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** Opens the main result's shortest counterexample in the main timeline, on its FPRE004. */
    public Task<LoadedTrace> openCounterexample() {
        Outcome o = result.get();
        if (o == null) {
            return null;
        }
        PatchSwitches patch = o.main().result().patch();
        return openCounterexample(o.main(), patch.equals(PatchSwitches.NONE) ? "legacy" : "patch " + patch);
    }

    /** Opens the ablation row's counterexample ({@code switchName} alone). */
    public Task<LoadedTrace> openCounterexample(String switchName) {
        Outcome o = result.get();
        if (o == null) {
            return null;
        }
        for (Ablation a : o.ablation()) {
            if (a.switchName().equals(switchName)) {
                return openCounterexample(a.explored(), switchName + " alone");
            }
        }
        return null;
    }

    private Task<LoadedTrace> openCounterexample(Explored e, String label) {
        Schedule cx = e.result().shortest();
        if (cx == null) {
            status.set("No counterexample to open: no FPRE004 in any schedule within these bounds.");
            return null;
        }
        String description =
                "the shortest counterexample (" + label + "): " + cx.eventsToFpre004() + " events to FPRE004";
        return background(
                "Re-running the counterexample…",
                p -> indexed(e.explorer().replay(cx.choices()).trace(), p),
                loaded -> {
                    window.open(loaded, cx.firstFpre004Seq(), description);
                    status.set("Opened " + description + ".");
                });
    }

    /** Opens the counterexample as A and the nearest passing schedule as B in compare mode. */
    public Task<LoadedTrace> compareWithNearestPassing() {
        Outcome o = result.get();
        if (o == null || o.main().result().shortest() == null) {
            status.set("No counterexample to compare.");
            return null;
        }
        Explored e = o.main();
        Schedule cx = e.result().shortest();
        Schedule pass = e.result().nearestPassing();
        if (pass == null) {
            status.set("No passing schedule was found one choice away from the counterexample.");
            return null;
        }
        AtomicReference<Trace> b = new AtomicReference<>();
        return background(
                "Re-running the counterexample and the nearest passing schedule…",
                p -> {
                    b.set(e.explorer().replay(pass.choices()).trace());
                    return indexed(e.explorer().replay(cx.choices()).trace(), p);
                },
                loaded -> {
                    window.compare(loaded, cx.firstFpre004Seq(), b.get(), "nearest passing schedule");
                    status.set("Comparing the counterexample (A) with the nearest passing schedule (B), which differs"
                            + " at choice point " + (differingChoice(cx, pass) + 1) + ".");
                });
    }

    /** The first choice point where the two schedules differ (0-based). */
    static int differingChoice(Schedule a, Schedule b) {
        int n = Math.min(a.choices().length, b.choices().length);
        for (int i = 0; i < n; i++) {
            if (a.choices()[i] != b.choices()[i]) {
                return i;
            }
        }
        return n;
    }

    // ---- state

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty attemptProperty() {
        return attempt;
    }

    public BooleanProperty reorderProperty() {
        return reorder;
    }

    public BooleanProperty barrierProperty() {
        return barrier;
    }

    public BooleanProperty backoffProperty() {
        return backoff;
    }

    public StringProperty jitterLevelsProperty() {
        return jitterLevels;
    }

    /** The first N choice points are explored; blank: every one. */
    public StringProperty boundProperty() {
        return bound;
    }

    public StringProperty maxSchedulesProperty() {
        return maxSchedules;
    }

    public BooleanProperty tiesProperty() {
        return ties;
    }

    /** Also enumerate naively (no state hashing) on the same bounds, to measure the reduction. */
    public BooleanProperty measureNaiveProperty() {
        return measureNaive;
    }

    /** Also explore each switch alone (reorder, barrier, backoff) within the same bounds. */
    public BooleanProperty ablationProperty() {
        return ablation;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Live figures while exploring: schedules, schedules/s, distinct states, failing. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last completed exploration, or null (none yet, running, cancelled or failed). */
    public ReadOnlyObjectProperty<Outcome> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The patch switches ticked. */
    public PatchSwitches patch() {
        return new PatchSwitches(reorder.get(), barrier.get(), backoff.get());
    }

    // ---- text

    /** The verdict in words: "no FPRE004 in any of N schedules…" or the shortest counterexample. */
    public static String headline(ExploreResult r) {
        if (r.shortest() != null && !r.complete()) {
            return String.format(
                    Locale.ROOT,
                    "FPRE004 reachable: a counterexample of %,d events (%,d of %,d schedules fail); the search"
                            + " stopped at the schedule limit, so a shorter one may exist.",
                    r.shortest().eventsToFpre004(),
                    r.failing(),
                    r.runs());
        }
        if (r.shortest() != null) {
            return String.format(
                    Locale.ROOT,
                    "FPRE004 reachable: shortest counterexample %,d events to FPRE004 (%,d of %,d schedules fail).",
                    r.shortest().eventsToFpre004(),
                    r.failing(),
                    r.runs());
        }
        if (!r.complete()) {
            return String.format(
                    Locale.ROOT,
                    "No FPRE004 in the %,d schedules explored before the schedule limit: INCOMPLETE, nothing proved.",
                    r.runs());
        }
        return String.format(Locale.ROOT, "No FPRE004 in any of %,d schedules within these bounds.", r.runs());
    }

    /** The result's figures, one per line: bounds, schedules, states, time, reduction, invariants. */
    public static String figures(Explored e) {
        ExploreResult r = e.result();
        StringBuilder sb = new StringBuilder();
        sb.append("Bounds: ").append(r.bounds().describe()).append('.').append('\n');
        sb.append(
                String.format(Locale.ROOT, "Schedules explored: %,d (%,d cut by the state hash)%n", r.runs(), r.cut()));
        sb.append(String.format(Locale.ROOT, "Distinct states: %,d%n", r.distinctStates()));
        sb.append(String.format(
                Locale.ROOT,
                "Time: %.1f s (%,.0f schedules/s)%n",
                e.seconds(),
                r.runs() / Math.max(e.seconds(), 1e-9)));
        if (e.naiveSchedules() == CUT_SHORT) {
            sb.append("Reduction vs naive: not measured: a search stopped at the schedule limit (raise it)\n");
        } else if (e.naiveSchedules() < 0) {
            sb.append("Reduction vs naive: not measured (tick \"Measure reduction\")\n");
        } else {
            sb.append(String.format(
                    Locale.ROOT,
                    "Reduction vs naive: %,d naive schedules / %,d = %.1f×%n",
                    e.naiveSchedules(),
                    r.runs(),
                    e.reduction()));
        }
        sb.append(
                r.violations().isEmpty()
                        ? "Invariants held in every explored schedule."
                        : "INVARIANT VIOLATED: " + r.violations().get(0));
        return sb.toString();
    }

    // ---- work

    private Explored run(
            Scenario s,
            long seedValue,
            int attemptValue,
            PatchSwitches patch,
            ExploreBounds bounds,
            boolean naive,
            String label,
            Progress p,
            Live live) {
        Explorer explorer = new Explorer(s, seedValue, attemptValue, patch, bounds, true);
        long start = nanoTime.getAsLong();
        ExploreResult r = explorer.explore(live.progress(p, label, start));
        double seconds = (nanoTime.getAsLong() - start) / 1e9;
        long naiveRuns = -1;
        if (naive) {
            ExploreResult n = new Explorer(s, seedValue, attemptValue, patch, bounds, false)
                    .explore(live.progress(p, label + "naive (for the reduction): ", nanoTime.getAsLong()));
            // Two searches cut at the same limit compare nothing: no ratio then.
            naiveRuns = n.complete() && r.complete() ? n.runs() : CUT_SHORT;
        }
        return new Explored(explorer, r, seconds, naiveRuns);
    }

    /** Live figures from the exploring thread to {@link #progress}, at most one pending update. */
    private final class Live {
        private final AtomicReference<String> latest = new AtomicReference<>();
        private final AtomicBoolean posted = new AtomicBoolean();

        ExploreProgress progress(Progress task, String label, long start) {
            return new ExploreProgress() {
                @Override
                public void update(long done, long total) {
                    task.update(done, total);
                }

                @Override
                public boolean isCancelled() {
                    return task.isCancelled();
                }

                @Override
                public void explored(long schedules, long distinctStates, long failing) {
                    double seconds = (nanoTime.getAsLong() - start) / 1e9;
                    show(String.format(
                            Locale.ROOT,
                            "%s%,d schedules · %,.0f schedules/s · %,d distinct states · %,d failing",
                            label,
                            schedules,
                            schedules / Math.max(seconds, 1e-9),
                            distinctStates,
                            failing));
                }
            };
        }

        private void show(String text) {
            latest.set(text);
            if (posted.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    posted.set(false);
                    if (running.get()) {
                        progress.set(latest.get());
                    }
                });
            }
        }
    }

    private static LoadedTrace indexed(Trace trace, Progress p) {
        return new LoadedTrace(null, trace, TraceIndex.build(trace, p));
    }

    private <T> Task<T> background(String title, BackgroundWork.Job<T> job, java.util.function.Consumer<T> onSuccess) {
        cancel();
        Task<T> task = BackgroundWork.task(title, job);
        current = task;
        running.set(true);
        progress.set("");
        status.set(title);
        task.setOnSucceeded(e -> {
            if (finish(task)) {
                onSuccess.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (finish(task)) {
                Throwable t = task.getException();
                status.set("Failed: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
            }
        });
        task.setOnCancelled(e -> {
            if (finish(task)) {
                status.set("Cancelled.");
            }
        });
        executor.execute(task);
        return task;
    }

    /** True if {@code task} is still the current one (then it no longer is). */
    private boolean finish(Task<?> task) {
        if (current != task) {
            return false;
        }
        current = null;
        running.set(false);
        progress.set("");
        return true;
    }
}
