package org.fabricscope.ui.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.fabricscope.replay.Breakpoint;
import org.fabricscope.session.ContentHash;
import org.fabricscope.session.MomentLink;
import org.fabricscope.session.Session;
import org.fabricscope.session.SessionFormatException;
import org.fabricscope.session.SessionReader;
import org.fabricscope.session.SessionWriter;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.ui.eventlog.EventLogViewModel;
import org.fabricscope.ui.main.MainViewModel;
import org.fabricscope.ui.replay.GoToTarget;
import org.fabricscope.ui.replay.ReplayViewModel;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.support.DialogService;

/**
 * Save Session, Open Session, "link to this moment" and {@code --at}. A session is captured from
 * the window's view models on the FX thread; hashing the trace file, writing, reading and checking
 * run in the background through {@link MainViewModel#background}, with its progress and Cancel.
 */
public final class SessionViewModel {
    /** The extension session files get. */
    public static final String EXTENSION = ".session.json";

    private final MainViewModel main;
    private final TraceSession session;
    private final EventLogViewModel eventLog;
    private final ReplayViewModel replay;
    private final BookmarksViewModel bookmarks;
    private final TimelinePort timeline;
    private final DialogService dialogs;
    private final Consumer<String> clipboard;
    private Path lastSession;
    private ComparePort compare = ComparePort.NONE;

    public SessionViewModel(
            MainViewModel main,
            EventLogViewModel eventLog,
            ReplayViewModel replay,
            BookmarksViewModel bookmarks,
            TimelinePort timeline,
            DialogService dialogs,
            Consumer<String> clipboard) {
        this.main = Objects.requireNonNull(main);
        this.session = main.session();
        this.eventLog = Objects.requireNonNull(eventLog);
        this.replay = Objects.requireNonNull(replay);
        this.bookmarks = Objects.requireNonNull(bookmarks);
        this.timeline = Objects.requireNonNull(timeline);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.clipboard = Objects.requireNonNull(clipboard);
    }

    /** The window's compare mode, saved with and restored from sessions. */
    public void setCompare(ComparePort compare) {
        this.compare = Objects.requireNonNull(compare);
    }

    // ---- save

    /** File ▸ Save Session (Ctrl+Shift+S): asks where, then saves. */
    public void saveWithChooser() {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null) {
            main.report("No session to save: open a trace first.");
            return;
        }
        dialogs.chooseSessionToSave(directory(), suggestedName(loaded)).ifPresent(this::save);
    }

    /**
     * Saves the session to {@code target} (".session.json" added when it has no extension): the
     * trace's SHA-256 is computed and the file written atomically in the background. An existing
     * file is replaced only if the user agrees. Returns null when nothing is saved.
     */
    public Task<Path> save(Path target) {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null) {
            main.report("No session to save: open a trace first.");
            return null;
        }
        Path path = target.toAbsolutePath().normalize();
        if (!String.valueOf(path.getFileName()).contains(".")) {
            path = path.resolveSibling(path.getFileName() + EXTENSION);
        }
        if (Files.exists(path)
                && !dialogs.confirm("Replace " + path.getFileName() + "?", path + " already exists. Replace it?")) {
            main.report("Not written: " + path.getFileName() + " was left as it was.");
            return null;
        }
        Path out = path;
        Path traceFile = main.currentFileProperty().get();
        Session atCursor = capture(
                loaded,
                traceFile == null ? simulated(loaded.trace().header()) : new Session.FileTrace(traceFile, null, -1));
        ComparePort.State comparing = compare.state();
        Session captured = atCursor;
        if (comparing != null && comparing.fileB() != null) {
            captured = atCursor.withCompare(new Session.Compare(
                    new Session.FileTrace(comparing.fileB().toAbsolutePath().normalize(), null, -1),
                    comparing.difference(),
                    comparing.differencesOnly(),
                    comparing.inspectedBlock()));
        }
        Session toSave = captured;
        // A fork or re-run has no file to name: the session keeps A alone, and says so.
        String notCompared = comparing != null && comparing.fileB() == null
                ? " Compare mode was not saved: B is a fork or re-run with no file (save it with File ▸ Save As in B first)."
                : "";
        String name = String.valueOf(out.getFileName());
        return main.background(
                "Saving session " + name + "…",
                p -> {
                    Session s = toSave;
                    if (s.trace() instanceof Session.FileTrace f) {
                        p.phase("Hashing " + f.path().getFileName() + "…");
                        String sha = ContentHash.sha256(f.path(), p);
                        s = withTrace(s, new Session.FileTrace(f.path(), sha, Files.size(f.path())));
                    }
                    if (s.compare() != null) {
                        Session.FileTrace b = s.compare().b();
                        p.phase("Hashing " + b.path().getFileName() + "…");
                        String sha = ContentHash.sha256(b.path(), p);
                        Session.Compare c = s.compare();
                        s = s.withCompare(new Session.Compare(
                                new Session.FileTrace(b.path(), sha, Files.size(b.path())),
                                c.difference(),
                                c.differencesOnly(),
                                c.inspectedBlock()));
                    }
                    p.checkCancelled();
                    SessionWriter.write(s, out, true);
                    return out;
                },
                saved -> {
                    lastSession = saved;
                    main.report("Saved session " + name + " (" + describe(toSave) + ")." + notCompared);
                },
                error -> {
                    main.report("Could not save the session " + name + ".");
                    dialogs.showError("Cannot save session", out + ": " + message(error));
                },
                "Cancelled saving the session; nothing was written.");
    }

    /** The session as the window shows it now, on {@code trace}. */
    Session capture(LoadedTrace loaded, Session.TraceRef trace) {
        Session.Filters filters = new Session.Filters(
                List.copyOf(eventLog.chosenBlocks()),
                List.copyOf(eventLog.chosenActors()),
                eventLog.chosenKinds().stream().map(EventKind::name).toList(),
                eventLog.textFilterProperty().get(),
                eventLog.hideOnTimelineProperty().get());
        double start = timeline.visibleStartMicros();
        double end = timeline.visibleEndMicros();
        Session.View view = end > start ? new Session.View(start, end, timeline.laneScrollY()) : null;
        // Lanes are hidden through the event log's block filter ("Hide other lanes"), saved with the filters.
        Session.Lanes lanes = new Session.Lanes(List.of(), timeline.pinnedLanes(), timeline.collapsedGroups());
        return new Session(
                trace,
                session.getCurrentStep(),
                session.selectedBlockProperty().get(),
                view,
                lanes,
                filters,
                List.copyOf(replay.breakpoints()),
                bookmarks.bookmarks(),
                bookmarks.notes());
    }

    private static Session.SimulatedTrace simulated(TraceHeader h) {
        return new Session.SimulatedTrace(
                h.scenarioName(),
                h.parameters(),
                h.seed(),
                h.attempt(),
                h.patch().toString());
    }

    private static Session withTrace(Session s, Session.TraceRef trace) {
        return new Session(
                trace,
                s.cursorStep(),
                s.selectedBlock(),
                s.view(),
                s.lanes(),
                s.filters(),
                s.breakpoints(),
                s.bookmarks(),
                s.notes(),
                s.compare());
    }

    // ---- open

    /**
     * What a session file turned out to point at, checked in the background: the trace (null for
     * a simulation), a warning about it, B's file to compare with (null: none, or it cannot be
     * used) and why B cannot be used (null: it can, or there is none).
     */
    public record Checked(Session session, Path trace, String warning, Path compareB, String compareProblem) {
        public Checked(Session session, Path trace, String warning) {
            this(session, trace, warning, null, null);
        }
    }

    /** File ▸ Open Session: asks for the file, then opens it. */
    public void openWithChooser() {
        dialogs.chooseSessionToOpen(directory()).ifPresent(this::open);
    }

    /**
     * Reads the session in {@code file} and checks its trace in the background, then opens the
     * trace (or simulates it again) and restores cursor, zoom, lanes, filters, breakpoints,
     * bookmarks and notes. A bad session file is reported by file and line and changes nothing;
     * a trace whose content changed is said so, and what still fits is restored.
     */
    public Task<Checked> open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        String name = String.valueOf(path.getFileName());
        return main.background(
                "Opening session " + name + "…",
                p -> {
                    Session s = SessionReader.read(path);
                    Path compareB = null;
                    String compareProblem = null;
                    if (s.compare() != null) {
                        Session.FileTrace b = s.compare().b();
                        compareProblem = checkB(b, path, p);
                        compareB = compareProblem == null ? b.path() : null;
                    }
                    if (!(s.trace() instanceof Session.FileTrace f)) {
                        return new Checked(s, null, null, compareB, compareProblem);
                    }
                    Path trace = f.path();
                    String warning = null;
                    if (!Files.isRegularFile(trace)) {
                        // A folder moved with its session: the trace beside the session file.
                        Path beside = path.resolveSibling(String.valueOf(trace.getFileName()));
                        if (!Files.isRegularFile(beside)) {
                            throw new IOException("its trace " + trace + " no longer exists (nor does " + beside + ")");
                        }
                        warning =
                                "The trace was not at " + trace + "; opened " + beside + " beside the session instead.";
                        trace = beside;
                    }
                    if (f.sha256() != null) {
                        p.phase("Checking " + trace.getFileName() + "…");
                        String now = ContentHash.sha256(trace, p);
                        if (!now.equals(f.sha256())) {
                            String changed =
                                    trace.getFileName() + " has changed since the session was saved (its SHA-256 "
                                            + "differs"
                                            + (f.bytes() >= 0
                                                    ? String.format(
                                                            Locale.ROOT,
                                                            "; %,d bytes then, %,d now",
                                                            f.bytes(),
                                                            Files.size(trace))
                                                    : "")
                                            + "). The session is restored as far as it "
                                            + "fits the trace as it is now.";
                            warning = warning == null ? changed : warning + " " + changed;
                        }
                    }
                    return new Checked(s, trace, warning, compareB, compareProblem);
                },
                checked -> openChecked(path, checked),
                error -> {
                    main.report("Could not open the session " + name + "; nothing changed.");
                    dialogs.showError(
                            "Cannot open session " + name,
                            error instanceof SessionFormatException
                                    ? message(error)
                                            + "\n\nThis is not a valid FabricScope session file; nothing was changed."
                                    : path + ": " + message(error));
                },
                "Cancelled opening the session; nothing changed.");
    }

    /**
     * Why B's file cannot be compared with, in one line (it is gone, or its content changed since
     * the session was saved), or null if it can. Runs in the background (hashing).
     */
    private static String checkB(Session.FileTrace b, Path sessionFile, org.fabricscope.trace.Progress p)
            throws IOException {
        if (!Files.isRegularFile(b.path())) {
            return "Compare mode not restored: B's trace " + b.path() + " no longer exists; showing A alone.";
        }
        if (b.sha256() != null) {
            p.phase("Checking " + b.path().getFileName() + "…");
            if (!ContentHash.sha256(b.path(), p).equals(b.sha256())) {
                return "Compare mode not restored: B's trace " + b.path().getFileName()
                        + " has changed since the session was saved; showing A alone.";
            }
        }
        return null;
    }

    private void openChecked(Path sessionFile, Checked checked) {
        lastSession = sessionFile;
        Session s = checked.session();
        Consumer<LoadedTrace> restore = loaded -> {
            restore(s, loaded, sessionFile, checked.warning());
            restoreCompare(s, checked);
        };
        if (checked.trace() != null) {
            main.open(checked.trace(), restore);
            return;
        }
        Session.SimulatedTrace sim = (Session.SimulatedTrace) s.trace();
        RunRequest request;
        try {
            request = new RunRequest(
                    Scenario.fromParameters(sim.scenario(), sim.parameters()),
                    sim.seed(),
                    sim.attempt(),
                    PatchSwitches.parse(sim.patch()));
        } catch (ScenarioException | IllegalArgumentException e) {
            main.report("Could not open the session " + sessionFile.getFileName() + "; nothing changed.");
            dialogs.showError(
                    "Cannot open session " + sessionFile.getFileName(),
                    sessionFile + ": its simulation cannot be run again: " + e.getMessage());
            return;
        }
        main.run(request, restore);
    }

    /** Puts the session's state on the freshly opened trace; says what could not be restored. */
    void restore(Session s, LoadedTrace loaded, Path sessionFile, String warning) {
        Trace t = loaded.trace();
        List<String> notes = new ArrayList<>();
        int blocks = t.header().topology().blockCount();
        Set<String> actors = new HashSet<>();
        for (int i = 0; i < t.actorCount(); i++) {
            actors.add(t.actorName(i));
        }
        eventLog.chosenBlocks()
                .setAll(s.filters().blocks().stream().filter(b -> b < blocks).toList());
        eventLog.chosenActors()
                .setAll(s.filters().actors().stream().filter(actors::contains).toList());
        eventLog.chosenKinds()
                .setAll(s.filters().kinds().stream().map(EventKind::valueOf).toList());
        eventLog.textFilterProperty().set(s.filters().text());
        eventLog.hideOnTimelineProperty().set(s.filters().hideOnTimeline());
        replay.breakpoints().setAll(s.breakpoints());
        int dropped = bookmarks.restore(s.bookmarks(), s.notes());
        if (dropped > 0) {
            notes.add(dropped + (dropped == 1 ? " bookmark or note is" : " bookmarks or notes are")
                    + " past the trace's end");
        }
        if (s.selectedBlock() >= 0 && s.selectedBlock() < blocks) {
            session.selectedBlockProperty().set(s.selectedBlock());
        }
        if (s.cursorStep() >= t.size()) {
            notes.add("the cursor's step " + s.cursorStep() + " is past the trace's end");
        } else if (s.cursorStep() >= 0) {
            session.goToEvent(s.cursorStep());
        }
        // The viewport last: moving the cursor scrolls to it, and the saved view is what was seen.
        timeline.whenReady(() -> {
            if (s.lanes() != null) {
                timeline.setPinnedLanes(s.lanes().pinned());
                timeline.setCollapsedGroups(s.lanes().collapsedGroups());
            }
            if (s.view() != null) {
                timeline.show(
                        s.view().startMicros(), s.view().endMicros(), s.view().scrollY());
            }
        });
        String status = "Restored session " + sessionFile.getFileName() + " (" + describe(s) + ")"
                + (notes.isEmpty() ? "." : "; " + String.join("; ", notes) + ".");
        if (warning != null) {
            status = "Trace changed: " + status;
            dialogs.showInformation(
                    "The trace has changed",
                    warning + (notes.isEmpty() ? "" : "\n\nNot restored: " + String.join("; ", notes) + "."));
        }
        main.report(main.isPartial() ? status + " The trace is partial (its end is missing)." : status);
    }

    /** After A is restored: compares again with B, or says in one line why not. */
    void restoreCompare(Session s, Checked checked) {
        if (s.compare() == null) {
            return;
        }
        if (checked.compareB() == null) {
            main.report(checked.compareProblem());
            return;
        }
        Session.Compare c = s.compare();
        compare.restore(
                new ComparePort.State(checked.compareB(), c.difference(), c.differencesOnly(), c.inspectedBlock()),
                s.cursorStep(),
                problem -> main.report("Compare mode not restored: " + problem + "; showing A alone."));
    }

    private static String describe(Session s) {
        return String.format(
                        Locale.ROOT,
                        "cursor at step %d, %d breakpoint%s, %d bookmark%s, %d note%s",
                        s.cursorStep(),
                        s.breakpoints().size(),
                        s.breakpoints().size() == 1 ? "" : "s",
                        s.bookmarks().size(),
                        s.bookmarks().size() == 1 ? "" : "s",
                        s.notes().size(),
                        s.notes().size() == 1 ? "" : "s")
                + (s.compare() == null
                        ? ""
                        : ", comparing with " + s.compare().b().path().getFileName());
    }

    // ---- moments

    /**
     * Edit ▸ Copy Link to This Moment: puts {@code java -jar fabricscope.jar 'TRACE' --at STEP} on
     * the clipboard and returns it; null (with the reason in the status bar) when the trace is not
     * a file yet.
     */
    public String copyLinkToMoment() {
        LoadedTrace loaded = session.getTrace();
        Path file = main.currentFileProperty().get();
        if (loaded == null) {
            main.report("No moment to link to: open a trace first.");
            return null;
        }
        if (file == null) {
            main.report(
                    "This trace is not saved in a file yet: save it (File ▸ Save Trace As…) to link to a moment of it.");
            return null;
        }
        int step = Math.max(0, session.getCurrentStep());
        String command = MomentLink.command(jarName(), file, step);
        clipboard.accept(command);
        main.report("Copied: " + command);
        return command;
    }

    /**
     * Moves the cursor to a moment given as {@code --at} ({@code 1234}, {@code 12.5ms}) on the
     * open trace; a step past the end is reported in the status bar.
     */
    public void goToMoment(GoToTarget at) {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null || at == null) {
            return;
        }
        Trace t = loaded.trace();
        int step;
        if (at.isTime()) {
            step = Math.min(t.firstAtOrAfter(at.value()), t.size() - 1);
        } else if (at.value() >= t.size()) {
            main.report(String.format(
                    Locale.ROOT,
                    "--at %d: there is no such step; the trace has steps 0 to %,d.",
                    at.value(),
                    t.size() - 1));
            return;
        } else {
            step = (int) at.value();
        }
        if (step < 0) {
            return;
        }
        if (t.block(step) >= 0) {
            session.selectedBlockProperty().set(t.block(step));
        }
        session.goToEvent(step);
        main.report(
                "At step " + step + " (" + org.fabricscope.replay.explain.EventText.millis(t.timeMicros(step)) + ").");
    }

    /** The jar the application runs from, or "fabricscope.jar" when it does not run from one. */
    static String jarName() {
        try {
            var source = SessionViewModel.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path p = Path.of(source.getLocation().toURI());
                if (p.getFileName() != null && p.getFileName().toString().endsWith(".jar")) {
                    return p.toAbsolutePath().toString();
                }
            }
        } catch (Exception e) {
            // Unusual class loaders: the plain name still tells the reader what to run.
        }
        return "fabricscope.jar";
    }

    private Path directory() {
        if (lastSession != null) {
            return lastSession.getParent();
        }
        Path file = main.currentFileProperty().get();
        return file == null ? null : file.getParent();
    }

    private static String suggestedName(LoadedTrace loaded) {
        if (loaded.source() != null) {
            return String.valueOf(loaded.source().getFileName()).replaceAll("\\.jsonl$", "") + EXTENSION;
        }
        TraceHeader h = loaded.trace().header();
        return h.scenarioName() + "-seed" + h.seed() + "-attempt" + h.attempt() + EXTENSION;
    }

    private static String message(Throwable error) {
        String m = error.getMessage();
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
    }

    /** Breakpoints as the replay holds them (for tests). */
    List<Breakpoint> breakpoints() {
        return List.copyOf(replay.breakpoints());
    }
}
