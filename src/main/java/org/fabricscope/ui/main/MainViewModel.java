package org.fabricscope.ui.main;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.TruncatedTraceException;
import org.fabricscope.ui.files.RecentFiles;
import org.fabricscope.ui.files.TraceFileService;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.scenario.SimulationService;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.CrashLog;
import org.fabricscope.ui.support.DialogService;

/**
 * The main window's state and commands. Every long command (open, save, run, find a reproducer)
 * runs as one background {@link Task} at a time with progress and cancel; starting a new one
 * cancels the one running. A command that fails or is cancelled leaves the open trace as it was.
 * Lives on the FX thread.
 */
public final class MainViewModel {
    /** The scenario the window opens on launch. */
    public static final String DEFAULT_SCENARIO = Scenario.DEFAULT_NAME;

    /** The base seed of the launch reproducer (the CLI's default too). */
    public static final long DEFAULT_SEED = Scenario.DEFAULT_SEED;

    /** How many attempts a reproducer search tries before giving up. */
    public static final int DEFAULT_MAX_ATTEMPTS = 100;
    /**
     * The share of an open's progress bar given to reading the file; indexing gets the rest
     * (reading takes about nine times as long as indexing, so the bar moves at an even pace).
     */
    static final double READ_SHARE = 0.9;

    private static final String NO_TRACE = "No trace open: File ▸ Open…, or Simulate ▸ Run";

    private final TraceSession session;
    private final TraceFileService files;
    private final SimulationService simulation;
    private final RecentFiles recent;
    private final DialogService dialogs;
    private final CrashLog crashLog;
    private final Executor executor;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", NO_TRACE);
    private final ReadOnlyIntegerWrapper fpre004Count = new ReadOnlyIntegerWrapper(this, "fpre004Count", 0);
    private final ReadOnlyObjectWrapper<Path> currentFile = new ReadOnlyObjectWrapper<>(this, "currentFile");
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper(this, "windowTitle", "FabricScope");
    private final BooleanBinding traceOpen;
    private Task<?> current;
    /** The open trace when it is only the first events of a cut-off file, and what to say about it. */
    private LoadedTrace partialTrace;

    private String partialNote;

    public MainViewModel(
            TraceSession session,
            TraceFileService files,
            SimulationService simulation,
            RecentFiles recent,
            DialogService dialogs,
            CrashLog crashLog,
            Executor executor) {
        this.session = Objects.requireNonNull(session);
        this.files = Objects.requireNonNull(files);
        this.simulation = Objects.requireNonNull(simulation);
        this.recent = Objects.requireNonNull(recent);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.crashLog = Objects.requireNonNull(crashLog);
        this.executor = Objects.requireNonNull(executor);
        traceOpen = session.traceProperty().isNotNull();
        session.traceProperty().addListener((obs, old, now) -> traceChanged(now));
        currentFile.addListener((obs, old, now) -> updateTitle());
        traceChanged(session.getTrace());
    }

    // ---- state

    public TraceSession session() {
        return session;
    }

    /** How this window asks the user things (for the view models composed beside this one). */
    public DialogService dialogs() {
        return dialogs;
    }

    /** Runs background work of the views composed beside this one (the dashboard, sweeps). */
    public Executor executor() {
        return executor;
    }

    /** True while a background command runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the running command is doing, e.g. "Opening trace.jsonl…"; empty when idle. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** The running command's progress, 0 to 1, or -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The outcome of the last command, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * Shows {@code text} in the status bar: the one place where every panel says what happened, or
     * why a command could not do anything (the replay's "No later FPRE004.", a breakpoint hit …).
     */
    public void showStatus(String text) {
        status.set(text);
    }

    /** The open trace's summary (scenario, seed, attempt, patch, events, FPRE004 count). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Number of FPRE004 events in the open trace. */
    public ReadOnlyIntegerProperty fpre004CountProperty() {
        return fpre004Count.getReadOnlyProperty();
    }

    /** The file the open trace was read from or saved to; null for an unsaved simulation. */
    public ReadOnlyObjectProperty<Path> currentFileProperty() {
        return currentFile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    /** True when a trace is open and nothing runs, so it can be saved. */
    public BooleanBinding canSaveProperty() {
        return traceOpen.and(busy.not());
    }

    public ObservableList<Path> recentFiles() {
        return recent.files();
    }

    // ---- commands

    /** Asks for a trace file to compare with the open one (File ▸ Compare With…). */
    public java.util.Optional<Path> chooseTraceToCompare() {
        return dialogs.chooseTraceToOpen(initialDirectory());
    }

    /** Asks for a trace file and opens it. */
    public void openWithChooser() {
        dialogs.chooseTraceToOpen(initialDirectory()).ifPresent(this::open);
    }

    /**
     * Reads {@code file} and builds its index in the background, then opens it with the cursor at
     * step 0. On a malformed file the user sees the file, line and problem, and the previous trace
     * stays open. File ▸ Open, Open Recent, drag and drop and the command line all come here.
     */
    public Task<LoadedTrace> open(Path file) {
        return open(file, null);
    }

    /**
     * Opens {@code file} as {@link #open(Path)} does, then (when it opened) calls {@code then}
     * with it, after the session shows it: how a saved session or a {@code --at} moment is
     * restored on top of the trace. {@code then} may be null.
     */
    public Task<LoadedTrace> open(Path file, Consumer<LoadedTrace> then) {
        Path path = file.toAbsolutePath().normalize();
        String name = String.valueOf(path.getFileName());
        return start(
                "Opening " + name + "…",
                p -> {
                    // One bar for the whole open: reading is most of the work, indexing the rest.
                    p.phase("Reading " + name + "…");
                    Trace trace = files.read(path, p.part(0, READ_SHARE));
                    p.checkCancelled();
                    p.phase(String.format(Locale.ROOT, "Indexing %,d events…", trace.size()));
                    return new LoadedTrace(path, trace, TraceIndex.build(trace, p.part(READ_SHARE, 1)));
                },
                loaded -> {
                    session.open(loaded);
                    currentFile.set(path);
                    recent.add(path);
                    status.set("Opened " + name
                            + String.format(
                                    Locale.ROOT, " (%,d events)", loaded.trace().size()));
                    if (then != null) {
                        then.accept(loaded);
                    }
                },
                error -> openFailed(path, error, then),
                "Cancelled opening " + name + "; the previous trace stays open.");
    }

    /** Asks where to save the open trace, then saves it there. */
    public void saveWithChooser() {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null) {
            return;
        }
        dialogs.chooseTraceToSave(initialDirectory(), suggestedName(loaded)).ifPresent(this::saveAs);
    }

    /**
     * Writes the open trace to {@code target} atomically in the background. An existing file is
     * replaced only if the user confirms. Returns null when nothing is saved.
     */
    public Task<Path> saveAs(Path target) {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null) {
            return null;
        }
        Path path = withTraceExtension(target.toAbsolutePath().normalize());
        if (!mayReplace(path)) {
            return null;
        }
        String name = String.valueOf(path.getFileName());
        Trace trace = loaded.trace();
        return start(
                "Saving " + name + "…",
                p -> {
                    files.write(trace, path, p);
                    return path;
                },
                saved -> {
                    if (session.getTrace() == loaded) {
                        currentFile.set(saved);
                    }
                    recent.add(saved);
                    status.set("Saved " + name);
                },
                error -> failed("Cannot save trace", path + ": " + describe(error), error),
                "Cancelled saving " + name + ".");
    }

    /** Asks where to export the open trace for Perfetto, then exports it there. */
    public void exportWithChooser() {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null) {
            return;
        }
        String name = suggestedName(loaded).replaceAll("\\.jsonl$", ".chrome.json");
        dialogs.chooseExportTarget(initialDirectory(), name).ifPresent(this::exportChromeTrace);
    }

    /**
     * Exports the open trace as Chrome Trace Event JSON to {@code target} in the background; an
     * existing file is replaced only if the user confirms. Returns null when nothing is exported.
     */
    public Task<Path> exportChromeTrace(Path target) {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null) {
            return null;
        }
        Path path = target.toAbsolutePath().normalize();
        if (!String.valueOf(path.getFileName()).contains(".")) {
            path = path.resolveSibling(path.getFileName() + ".json");
        }
        if (!mayReplace(path)) {
            return null;
        }
        Path out = path;
        String name = String.valueOf(path.getFileName());
        Trace trace = loaded.trace();
        return start(
                "Exporting " + name + "…",
                p -> {
                    files.exportChromeTrace(trace, out, p);
                    return out;
                },
                done -> status.set("Exported " + name + " (open it in ui.perfetto.dev)"),
                error -> failed("Cannot export trace", out + ": " + describe(error), error),
                "Cancelled exporting " + name + ".");
    }

    /**
     * Opens the first complete events of a file cut off mid-way ({@link TruncatedTraceException}),
     * saying everywhere (title, summary, status) that its end is missing. Called after the user
     * agreed; then as in {@link #open(Path, Consumer)}.
     */
    public Task<LoadedTrace> openCompletePrefix(Path file, Consumer<LoadedTrace> then) {
        Path path = file.toAbsolutePath().normalize();
        String name = String.valueOf(path.getFileName());
        return start(
                "Opening the complete events of " + name + "…",
                p -> {
                    p.phase("Reading " + name + "…");
                    Trace trace = files.readCompletePrefix(path, p.part(0, READ_SHARE));
                    p.checkCancelled();
                    p.phase(String.format(Locale.ROOT, "Indexing %,d events…", trace.size()));
                    return new LoadedTrace(path, trace, TraceIndex.build(trace, p.part(READ_SHARE, 1)));
                },
                loaded -> {
                    partialTrace = loaded;
                    partialNote = String.format(
                            Locale.ROOT,
                            "partial: first %,d events, end missing",
                            loaded.trace().size());
                    session.open(loaded);
                    currentFile.set(path);
                    status.set(String.format(
                            Locale.ROOT,
                            "Opened the first %,d events of %s; the rest of the file is missing (partial trace).",
                            loaded.trace().size(),
                            name));
                    if (then != null) {
                        then.accept(loaded);
                    }
                },
                error -> openFailed(path, error, null),
                "Cancelled opening " + name + "; the previous trace stays open.");
    }

    /** True when the open trace is only the first events of a cut-off file. */
    public boolean isPartial() {
        return partialTrace != null && session.getTrace() == partialTrace;
    }

    /**
     * Says {@code message} in the status bar: what a command of another view model (a view's
     * command, a session) did, or why it could not. An empty message changes nothing.
     */
    public void report(String message) {
        if (message != null && !message.isEmpty()) {
            status.set(message);
        }
    }

    /**
     * Runs {@code job} as this window's one background command (progress in the status bar,
     * Cancel, one at a time), for commands of other view models such as saving a session.
     */
    public <T> Task<T> background(
            String title,
            BackgroundWork.Job<T> job,
            Consumer<T> onSuccess,
            Consumer<Throwable> onFailure,
            String cancelled) {
        return start(title, job, onSuccess, onFailure, cancelled);
    }

    /** Opens a trace that has no file yet (a simulated or shrunk one): Save asks for a name. */
    public void openSimulated(LoadedTrace loaded) {
        session.open(loaded);
        currentFile.set(null);
    }

    /** Runs one attempt of the request with its trace recorded, then opens that trace. */
    public Task<LoadedTrace> run(RunRequest request) {
        return run(request, null);
    }

    /** As {@link #run(RunRequest)}, then calls {@code then} (may be null) with the opened trace. */
    public Task<LoadedTrace> run(RunRequest request, Consumer<LoadedTrace> then) {
        String what = request.scenario().name() + " seed " + request.seed() + " attempt " + request.attempt()
                + " patch " + request.patch();
        return start(
                "Simulating " + what + "…",
                p -> {
                    SimulationResult result = simulation.run(request, p);
                    p.checkCancelled();
                    return indexed(result.trace(), p);
                },
                loaded -> {
                    session.open(loaded);
                    currentFile.set(null);
                    // The summary beside the status already names the run; say only what is new.
                    TraceSummary s = TraceSummary.of(loaded);
                    status.set(String.format(
                            Locale.ROOT,
                            "Simulated %,d events; FPRE004 %s.",
                            s.events(),
                            s.fpre004() == 0
                                    ? "did not occur"
                                    : "occurred " + s.fpre004() + (s.fpre004() == 1 ? " time" : " times")));
                    if (then != null) {
                        then.accept(loaded);
                    }
                },
                error -> failed("Simulation failed", describe(error), error),
                "Cancelled the simulation; the previous trace stays open.");
    }

    /**
     * Searches attempts of the request's scenario and seed for FPRE004 and opens the attempt that
     * hits it; if none does, says so and leaves the open trace as it was.
     */
    public Task<FoundTrace> findReproducer(RunRequest request, int maxAttempts) {
        String what = request.scenario().name() + " seed " + request.seed() + " patch " + request.patch();
        return start(
                "Searching for FPRE004 in " + what + " (up to " + maxAttempts + " attempts)…",
                p -> {
                    ReproResult result = simulation.find(request, maxAttempts, p);
                    p.checkCancelled();
                    if (!result.found()) {
                        return new FoundTrace(result, null);
                    }
                    return new FoundTrace(result, indexed(result.result().trace(), p));
                },
                found -> {
                    ReproResult r = found.result();
                    if (found.loaded() == null) {
                        String message = "FPRE004 did not occur in " + r.attempts() + " attempts of " + what
                                + ". The open trace was left as it was. Try another seed, more ACK jitter, "
                                + "or fewer patch switches.";
                        status.set("No reproducer found in " + r.attempts() + " attempts.");
                        dialogs.showInformation("No reproducer found", message);
                        return;
                    }
                    session.open(found.loaded());
                    currentFile.set(null);
                    status.set("FPRE004 reproduced on attempt " + r.attempt() + " of seed " + r.seed() + " ("
                            + r.attempts() + (r.attempts() == 1 ? " attempt" : " attempts") + " tried).");
                },
                error -> failed("Reproducer search failed", describe(error), error),
                "Cancelled the reproducer search; the previous trace stays open.");
    }

    /** What the window does on launch: find and open the default scenario's legacy reproducer. */
    public Task<FoundTrace> findDefaultReproducer() {
        Scenario scenario;
        try {
            scenario = Scenario.builtIn(DEFAULT_SCENARIO);
        } catch (ScenarioException e) {
            dialogs.showError("Cannot load the default scenario", e.getMessage());
            return null;
        }
        return findReproducer(new RunRequest(scenario, DEFAULT_SEED, 1, PatchSwitches.NONE), DEFAULT_MAX_ATTEMPTS);
    }

    /** Forgets the recent files. */
    public void clearRecentFiles() {
        recent.clear();
    }

    /** Cancels the running command, if any; the open trace stays as it was. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    // ---- internals

    /** A reproducer search's outcome and, when found, the opened attempt. */
    public record FoundTrace(ReproResult result, LoadedTrace loaded) {}

    private static LoadedTrace indexed(Trace trace, Progress p) {
        if (trace == null) {
            throw new IllegalStateException("the simulator returned no trace although one was asked for");
        }
        return new LoadedTrace(null, trace, TraceIndex.build(trace, p));
    }

    private <T> Task<T> start(
            String title,
            BackgroundWork.Job<T> job,
            Consumer<T> onSuccess,
            Consumer<Throwable> onFailure,
            String cancelledMessage) {
        if (current != null && current.isRunning()) {
            current.cancel();
        }
        Task<T> task = BackgroundWork.task(title, job);
        current = task;
        busy.set(true);
        activity.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            finish(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finish(task);
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> {
            finish(task);
            status.set(cancelledMessage);
        });
        executor.execute(task);
        return task;
    }

    /**
     * True if nothing is at {@code path} or the user agreed to replace it. The platform's chooser
     * usually asks too, but not everywhere, and not for an extension added afterwards.
     */
    private boolean mayReplace(Path path) {
        if (Files.exists(path)
                && !dialogs.confirm("Replace " + path.getFileName() + "?", path + " already exists. Replace it?")) {
            status.set("Not written: " + path.getFileName() + " was left as it was.");
            return false;
        }
        return true;
    }

    private void finish(Task<?> task) {
        if (current != task) {
            return;
        }
        current = null;
        progress.unbind();
        progress.set(0);
        activity.unbind();
        activity.set("");
        busy.set(false);
    }

    private void openFailed(Path path, Throwable error, Consumer<LoadedTrace> then) {
        String name = String.valueOf(path.getFileName());
        if (error instanceof TruncatedTraceException e && e.completeEvents() > 0) {
            String where = e.cutLine() > 0
                    ? String.format(Locale.ROOT, "no end line; line %,d is cut off", e.cutLine())
                    : "no end line";
            String question = String.format(
                    Locale.ROOT,
                    "%s ends after %,d complete events (%s). Open the first %,d events?",
                    name,
                    e.completeEvents(),
                    where,
                    e.completeEvents());
            if (dialogs.confirm(
                    "Open a partial trace?",
                    question + "\n\nThe trace will be marked partial; "
                            + "validate and the other tools still refuse the file.\n\n" + e.getMessage())) {
                openCompletePrefix(path, then);
            } else {
                status.set("Not opened: " + name + " is cut off after "
                        + String.format(Locale.ROOT, "%,d", e.completeEvents()) + " events"
                        + (session.getTrace() == null ? "." : "; the previous trace stays open."));
            }
        } else if (error instanceof TraceFormatException e && e.getCause() instanceof NoSuchFileException) {
            recent.remove(path);
            status.set("Could not open " + name + ": no such file.");
            dialogs.showError("Cannot open " + name, e.getMessage());
        } else if (error instanceof TraceFormatException e && e.line() == 0) {
            status.set("Could not open " + name + ".");
            dialogs.showError("Cannot open " + name, e.getMessage() + keptNote());
        } else if (error instanceof TraceFormatException e) {
            status.set("Could not open " + name + ": not a valid trace.");
            dialogs.showError(
                    "Cannot open " + name,
                    name + " is not a valid FabricScope trace:\n\n" + e.getMessage() + keptNote());
        } else if (error instanceof NoSuchFileException) {
            recent.remove(path);
            status.set("Could not open " + name + ": no such file.");
            dialogs.showError("Cannot open " + name, path + ": no such file.");
        } else if (error instanceof IOException) {
            status.set("Could not open " + name + ".");
            dialogs.showError("Cannot open " + name, path + ": " + describe(error));
        } else {
            failed("Cannot open " + name, path + ": " + describe(error), error);
        }
    }

    private String keptNote() {
        return session.getTrace() == null ? "" : "\n\nThe previously open trace stays open.";
    }

    /** Expected failures (I/O, bad input) get a plain message; anything else a copyable report. */
    private void failed(String title, String message, Throwable error) {
        status.set(title + ".");
        if (org.fabricscope.present.OperatingErrors.isOperating(error)) {
            // An expected error (bad input, a limit the user set, I/O): one clear message, the
            // same mapping as the command line's.
            dialogs.showError(title, message);
        } else {
            crashLog.append(title, error);
            dialogs.showErrorReport(title, message, CrashLog.report(title, error));
        }
    }

    private static String describe(Throwable error) {
        if (error instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (error instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (error instanceof java.nio.file.FileSystemException e && e.getReason() != null) {
            return e.getReason(); // its message repeats the file, which the caller names already
        }
        if (!(error instanceof IOException) && org.fabricscope.present.OperatingErrors.isOperating(error)) {
            return org.fabricscope.present.OperatingErrors.line(error);
        }
        String m = error.getMessage();
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
    }

    private void traceChanged(LoadedTrace loaded) {
        if (loaded == null) {
            summary.set(NO_TRACE);
            fpre004Count.set(0);
            currentFile.set(null);
        } else {
            TraceSummary s = TraceSummary.of(loaded);
            summary.set(isPartial() ? s.text() + " · " + partialNote.toUpperCase(Locale.ROOT) : s.text());
            fpre004Count.set(s.fpre004());
            currentFile.set(loaded.source());
        }
        updateTitle();
    }

    private void updateTitle() {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null) {
            windowTitle.set("FabricScope");
        } else if (currentFile.get() != null && isPartial()) {
            windowTitle.set(currentFile.get().getFileName() + " (" + partialNote + ") — FabricScope");
        } else if (currentFile.get() != null) {
            windowTitle.set(currentFile.get().getFileName() + " — FabricScope");
        } else {
            windowTitle.set(loaded.trace().header().scenarioName() + " (not saved) — FabricScope");
        }
    }

    private Path initialDirectory() {
        Path file = currentFile.get();
        if (file == null && !recent.files().isEmpty()) {
            file = recent.files().get(0);
        }
        return file == null ? null : file.getParent();
    }

    private static String suggestedName(LoadedTrace loaded) {
        var h = loaded.trace().header();
        return h.scenarioName() + "-seed" + h.seed() + "-attempt" + h.attempt() + "-"
                + h.patch().toString().replace(',', '+') + ".jsonl";
    }

    private static Path withTraceExtension(Path p) {
        String name = String.valueOf(p.getFileName());
        return name.contains(".") ? p : p.resolveSibling(name + ".jsonl");
    }
}
