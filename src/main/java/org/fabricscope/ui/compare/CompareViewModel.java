package org.fabricscope.ui.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fabricscope.diff.DiffClass;
import org.fabricscope.diff.IncomparableTracesException;
import org.fabricscope.diff.TraceDiff;
import org.fabricscope.diff.TraceDiff.Divergence;
import org.fabricscope.replay.BlockState;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.replay.explain.EventText;
import org.fabricscope.sim.WhatIf;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.EventIdentity;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Intervention;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.support.BackgroundWork;

/**
 * Compare mode's state and commands, without a Stage: the diff of the open trace (A) with a second
 * one (B), B's own session, the differences in time order with the one at the cursor, the
 * synchronised cursor (moving in A moves B to the same event, or to the gap where B has none, and
 * back), the differences-only filter of the event log, and the selected block's state in A and B.
 */
public final class CompareViewModel {
    /** A difference as the Compare tab's list shows it. */
    public record Row(int index, DiffClass diffClass, int seqA, int seqB, String text) {}

    /** One field of the inspected block: its value in A and in B at the cursors. */
    public record FieldRow(Field field, String valueA, String valueB, boolean differs) {}

    /** At most this many rows in the differences list (the count says how many there are). */
    static final int MAX_ROWS = 10_000;

    private final TraceSession sessionA;
    private final TraceSession sessionB = new TraceSession();
    private final ObjectProperty<TraceDiff> diff = new SimpleObjectProperty<>(this, "diff");
    private final ReadOnlyStringWrapper nameB = new ReadOnlyStringWrapper(this, "nameB", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper firstDivergenceText =
            new ReadOnlyStringWrapper(this, "firstDivergenceText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final IntegerProperty currentDifference = new SimpleIntegerProperty(this, "currentDifference", -1);
    private final BooleanProperty differencesOnly = new SimpleBooleanProperty(this, "differencesOnly");
    private final IntegerProperty inspectedBlock = new SimpleIntegerProperty(this, "inspectedBlock", -1);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<FieldRow> fieldRows = FXCollections.observableArrayList();
    /** The event filter A had before "differences only" replaced it, restored after. */
    private IntPredicate filterBefore;

    private boolean filtering;
    private boolean syncing;

    public CompareViewModel(TraceSession sessionA) {
        this.sessionA = sessionA;
        sessionA.currentStepProperty().addListener((o, was, now) -> followA(now.intValue()));
        sessionB.currentStepProperty().addListener((o, was, now) -> followB(now.intValue()));
        sessionA.selectedBlockProperty().addListener((o, was, now) -> inspect());
        // Another trace opened in A ends the comparison: B was compared with the old one.
        sessionA.traceProperty().addListener((o, was, now) -> {
            if (diff.get() != null && (now == null || now.trace() != diff.get().a())) {
                close();
            }
        });
        differencesOnly.addListener((o, was, now) -> applyFilter());
    }

    /** Starts comparing the open trace with {@code b}; {@code d} is their diff (made in the background). */
    public void open(LoadedTrace b, TraceDiff d, String name) {
        if (sessionA.getTrace() == null || d.a() != sessionA.getTrace().trace() || d.b() != b.trace()) {
            throw new IllegalArgumentException("the diff is not of the open trace and B");
        }
        nameB.set(name);
        sessionB.open(b);
        diff.set(d);
        currentDifference.set(-1);
        List<Row> list = new ArrayList<>();
        for (int k = 0; k < Math.min(MAX_ROWS, d.differenceCount()); k++) {
            list.add(row(d, k));
        }
        rows.setAll(list);
        summary.set(summaryOf(d));
        Divergence f = d.firstDivergence();
        firstDivergenceText.set(
                f == null
                        ? "No difference: the runs behave the same."
                        : "First divergence (" + words(f.diffClass()) + ") at " + EventText.millis(f.timeMicros())
                                + ": the runs agree up to here.\n  A: "
                                + (f.seqA() >= 0 ? EventText.oneLine(d.a(), f.seqA()) : "none")
                                + "\n  B: " + (f.seqB() >= 0 ? EventText.oneLine(d.b(), f.seqB()) : "none"));
        applyFilter();
        followA(sessionA.getCurrentStep());
        inspect();
        message.set("Comparing with " + name + ": "
                + (d.behavesTheSame()
                        ? "no difference"
                        : String.format(
                                Locale.ROOT,
                                "%,d differences, first at %s",
                                d.differenceCount(),
                                EventText.millis(f.timeMicros())))
                + ".");
    }

    /** Runs work in the window's one background slot (MainViewModel::background). */
    @FunctionalInterface
    public interface Background {
        <T> Object run(
                String title,
                BackgroundWork.Job<T> job,
                Consumer<T> onSuccess,
                Consumer<Throwable> onFailure,
                String cancelled);
    }

    /** B and its diff with A, made in the background. */
    record Made(LoadedTrace b, TraceDiff diff, String name) {}

    private Background background;
    private java.util.function.BiConsumer<String, String> errors = (title, text) -> message.set(title + ": " + text);

    /** Where background work runs and errors are shown (the window sets both). */
    public void setServices(Background background, java.util.function.BiConsumer<String, String> errors) {
        this.background = background;
        this.errors = errors;
    }

    /** File ▸ Compare with…: reads {@code file}, aligns it with the open trace, and compares. */
    public void compareWith(Path file) {
        LoadedTrace a = sessionA.getTrace();
        if (a == null) {
            message.set("Open a trace first: Compare with… compares another trace with the open one.");
            return;
        }
        compareWithFile(a, file, null, null);
    }

    /**
     * Reads B from {@code file} and compares it with {@code a} in the background; then {@code
     * after} (may be null). A failure goes to {@code failed}, or to the error dialog when null.
     */
    private void compareWithFile(LoadedTrace a, Path file, Consumer<Made> after, Consumer<String> failed) {
        String name = String.valueOf(file.getFileName());
        make(
                "Comparing with " + name + "…",
                p -> {
                    p.phase("Reading " + name + "…");
                    Trace b = TraceReader.read(file, p.part(0, 0.6));
                    return made(a, b, file, name, p.part(0.6, 1));
                },
                "Could not compare with " + name,
                after,
                failed);
    }

    /**
     * A saved session's comparison: compares the open trace with {@code file} in the background
     * (as {@link #compareWith(Path)}), then selects difference {@code difference} (if it exists),
     * puts A's cursor back on {@code stepA} if the session's cursor was elsewhere, shows the
     * differences only if asked and inspects {@code block}. If B cannot be read or compared, {@code
     * failed} gets a one-line reason and A stays as it is.
     */
    public void restore(
            Path file, int difference, boolean onlyDifferences, int stepA, int block, Consumer<String> failed) {
        LoadedTrace a = sessionA.getTrace();
        if (a == null) {
            return;
        }
        compareWithFile(
                a,
                file,
                m -> {
                    TraceDiff d = diff.get();
                    if (difference >= 0 && difference < d.differenceCount()) {
                        goToDifference(difference);
                    }
                    if (stepA >= 0 && stepA < d.a().size() && sessionA.getCurrentStep() != stepA) {
                        sessionA.goToEvent(stepA);
                    }
                    if (block >= 0 && block < d.a().header().topology().blockCount()) {
                        sessionA.selectedBlockProperty().set(block);
                    }
                    differencesOnly.set(onlyDifferences);
                    if (difference >= 0 && difference < d.differenceCount()) {
                        currentDifference.set(difference);
                    }
                },
                failed);
    }

    /** B's file when B was read from one (not a fork or a re-run), else null; null outside compare mode. */
    public Path fileB() {
        LoadedTrace b = sessionB.getTrace();
        return diff.get() == null || b == null ? null : b.source();
    }

    /** Compares the open trace with {@code b} (a re-run, a fork), named {@code name}. */
    public void compareWith(Trace b, String name) {
        LoadedTrace a = sessionA.getTrace();
        if (a == null) {
            return;
        }
        make(
                "Comparing with " + name + "…",
                p -> made(a, b, null, name, p),
                "Could not compare with " + name,
                null,
                null);
    }

    /**
     * What-if at the cursor: re-simulates A's scenario, seed, attempt and switches with
     * {@code intervention} on A's event at the cursor, and compares the fork with A.
     */
    public void fork(Intervention intervention, String what) {
        LoadedTrace a = sessionA.getTrace();
        if (a == null) {
            return;
        }
        if (intervention == null) {
            errors.accept("Cannot make that fork", what);
            return;
        }
        if (!a.trace().header().interventions().isEmpty()) {
            errors.accept(
                    "Cannot fork a fork",
                    "This trace is already a what-if fork; open the original run and fork"
                            + " from there (interventions name events of the run without interventions).");
            return;
        }
        if (a.trace().header().schedule() != null) {
            errors.accept(
                    "Cannot fork an explored schedule",
                    "This trace is one schedule of an exploration: its choices fit only this run, and a fork is"
                            + " re-run from the seeded run. Explore again with other bounds instead.");
            return;
        }
        make(
                "Simulating the fork: " + what + "…",
                p -> {
                    TraceHeader h = a.trace().header();
                    Scenario scenario = Scenario.fromParameters(h.scenarioName(), h.parameters());
                    Trace b = WhatIf.fork(
                                    scenario, h.seed(), h.attempt(), h.patch(), List.of(intervention), p.part(0, 0.7))
                            .trace();
                    return made(a, b, null, "fork: " + what, p.part(0.7, 1));
                },
                "Cannot make that fork",
                null,
                null);
    }

    /**
     * What-if on A's event {@code seq}: {@code delay} or {@code advance} it by {@code duration}
     * ({@code 400us}, {@code 0.4ms}, …), or {@code drop} it; a bad duration is said in the error.
     */
    public void whatIf(int seq, String action, String duration) {
        LoadedTrace a = sessionA.getTrace();
        if (a == null || seq < 0 || seq >= a.trace().size()) {
            return;
        }
        String event = EventText.origin(a.trace(), seq);
        if (action.equals("drop")) {
            fork(Intervention.drop(keyOfA(seq)), "drop " + event);
            return;
        }
        long micros;
        try {
            micros = Intervention.parseDurationMicros(duration);
        } catch (IllegalArgumentException e) {
            errors.accept("Cannot make that fork", e.getMessage());
            return;
        }
        if (micros <= 0) {
            errors.accept(
                    "Cannot make that fork",
                    "Give a duration above 0, e.g. 400us; " + (action.equals("delay") ? "Advance" : "Delay")
                            + " moves the other way.");
            return;
        }
        long delta = action.equals("advance") ? -micros : micros;
        fork(Intervention.shift(keyOfA(seq), delta), action + " " + event + " by " + micros + " µs");
    }

    /**
     * What-if reorder on A's event {@code seq}: its step runs right after the step of the event
     * {@code other} names ({@code #STEP} of A, a bare step number, or a 16-hex-digit key). The
     * simulator refuses a reorder across a causal dependency; its reason is said in the error.
     */
    public void whatIfRunAfter(int seq, String other) {
        LoadedTrace a = sessionA.getTrace();
        if (a == null || seq < 0 || seq >= a.trace().size()) {
            return;
        }
        String t = other == null ? "" : other.trim();
        long afterKey;
        String afterText;
        try {
            if (t.matches("#?\\d{1,9}") && !t.matches("[0-9a-fA-F]{16}")) {
                int step = Integer.parseInt(t.startsWith("#") ? t.substring(1) : t);
                if (step >= a.trace().size()) {
                    errors.accept(
                            "Cannot make that fork",
                            "There is no step #" + step + " in this run (it has "
                                    + a.trace().size() + " events).");
                    return;
                }
                afterKey = keyOfA(step);
                afterText = EventText.origin(a.trace(), step);
            } else {
                afterKey = EventIdentity.parse(t);
                afterText = EventIdentity.text(afterKey);
            }
        } catch (IllegalArgumentException e) {
            errors.accept("Cannot make that fork", "'" + t + "' names no event; give #STEP (e.g. #1277) or a key.");
            return;
        }
        if (afterKey == keyOfA(seq)) {
            errors.accept("Cannot make that fork", "An event cannot run after itself.");
            return;
        }
        fork(
                Intervention.runAfter(keyOfA(seq), afterKey),
                "run " + EventText.origin(a.trace(), seq) + " after " + afterText);
    }

    /**
     * A likely partner for "Run after event…" on {@code seq}: the next write ACK on the same block
     * (the ACK a prefetch READY raced), else the next event there from another actor, else the next
     * event.
     */
    public int suggestedRunAfter(int seq) {
        LoadedTrace a = sessionA.getTrace();
        if (a == null || seq < 0) {
            return 0;
        }
        Trace t = a.trace();
        int other = -1;
        for (int s = seq + 1; s < t.size() && s < seq + 100_000; s++) {
            if (t.block(s) == t.block(seq)) {
                if (t.kind(s) == org.fabricscope.trace.EventKind.WRITE_ACK) {
                    return s;
                }
                if (other < 0 && !t.actor(s).equals(t.actor(seq))) {
                    other = s;
                }
            }
        }
        if (other >= 0) {
            return other;
        }
        return Math.min(seq + 1, t.size() - 1);
    }

    /**
     * How A's event log colours the row of A's event {@code seq} in compare mode: {@code
     * diff-only-a} (no partner in B), {@code diff-changed} (other values in B), or null (same or
     * retimed; also outside compare mode). B's only-in-B events have rows of their own ({@link
     * #logRun}).
     */
    public String logRowClass(int seqA) {
        TraceDiff d = diff.get();
        if (d == null || seqA < 0 || seqA >= d.a().size()) {
            return null;
        }
        DiffClass c = d.classOfA(seqA);
        if (c == DiffClass.ONLY_IN_A) {
            return "diff-only-a";
        }
        return c == DiffClass.CHANGED ? "diff-changed" : null;
    }

    /**
     * B as A's event log merges it in compare mode (null outside it): a row per only-in-B event,
     * placed right after the A partner of its nearest earlier B event that has one (at the top if
     * none), i.e. where it happened relative to the events both runs have; picking one moves B's
     * cursor to it and A's to the gap.
     */
    public org.fabricscope.ui.eventlog.OtherRun logRun() {
        TraceDiff d = diff.get();
        if (d == null) {
            return null;
        }
        // Only-in-B events and their places, and A's differences: one pass each, kept with the run.
        int nb = (int) d.count(DiffClass.ONLY_IN_B);
        int[] only = new int[nb];
        int[] place = new int[nb];
        int k = 0;
        int lastPartner = -1;
        for (int j = 0; j < d.b().size(); j++) {
            int p = d.partnerOfB(j);
            if (p >= 0) {
                lastPartner = p;
            } else {
                only[k] = j;
                place[k++] = lastPartner + 1;
            }
        }
        int[] diffsA = new int[d.differenceCount() - nb];
        int m = 0;
        for (int i = 0; i < d.differenceCount(); i++) {
            int seqA = d.difference(i).seqA();
            if (seqA >= 0) {
                diffsA[m++] = seqA;
            }
        }
        java.util.Arrays.sort(diffsA, 0, m);
        int[] differencesA = m == diffsA.length ? diffsA : java.util.Arrays.copyOf(diffsA, m);
        return new org.fabricscope.ui.eventlog.OtherRun() {
            @Override
            public Trace trace() {
                return d.b();
            }

            @Override
            public Trace base() {
                return d.a();
            }

            @Override
            public int[] onlyHere() {
                return only;
            }

            @Override
            public int placeInA(int seqB) {
                int i = java.util.Arrays.binarySearch(only, seqB);
                return i >= 0 ? place[i] : Math.max(0, d.partnerOfB(seqB));
            }

            @Override
            public int[] differencesInA() {
                return differencesA;
            }

            @Override
            public int cursorOnOnlyHere() {
                int j = sessionB.getCurrentStep();
                if (diff.get() != d || j < 0 || j >= d.b().size() || d.partnerOfB(j) >= 0) {
                    return -1;
                }
                return sessionA.getCurrentStep() == gap(d.a(), d.b().timeMicros(j)) ? j : -1;
            }

            @Override
            public javafx.beans.Observable cursorChanges() {
                return sessionB.currentStepProperty();
            }

            @Override
            public void select(int seqB) {
                if (diff.get() != d || seqB < 0 || seqB >= d.b().size()) {
                    return;
                }
                sessionB.goToEvent(seqB);
                followB(seqB); // also when B's cursor was already there
            }

            @Override
            public String rowClassOfA(int seqA) {
                return logRowClass(seqA);
            }
        };
    }

    /** The identity of A's event {@code seq} (what an intervention names). */
    public long keyOfA(int seq) {
        LoadedTrace a = sessionA.getTrace();
        if (keysA == null || keysFor != a.trace()) {
            keysA = EventIdentity.of(a.trace());
            keysFor = a.trace();
        }
        return keysA[seq];
    }

    private long[] keysA;
    private Trace keysFor;

    /** {@code file}: B's file, or null for a trace made here (a fork, a re-run). */
    private static Made made(LoadedTrace a, Trace b, Path file, String name, Progress p)
            throws IncomparableTracesException {
        p.phase(String.format(Locale.ROOT, "Indexing %,d events…", b.size()));
        TraceIndex index = TraceIndex.build(b, p.part(0, 0.5));
        p.phase("Aligning the runs…");
        TraceDiff d = TraceDiff.compare(a.trace(), b, p.part(0.5, 1));
        return new Made(new LoadedTrace(file, b, index), d, name);
    }

    /**
     * Makes B and the diff in the background and opens them; then {@code after} (may be null). A
     * failure goes to {@code failed} as one line when given, else to the error dialog.
     */
    private void make(
            String title,
            BackgroundWork.Job<Made> job,
            String failTitle,
            Consumer<Made> after,
            Consumer<String> failed) {
        LoadedTrace a = sessionA.getTrace();
        Consumer<Made> ok = m -> {
            if (sessionA.getTrace() == a) {
                open(m.b(), m.diff(), m.name());
                if (after != null) {
                    after.accept(m);
                }
            }
        };
        Consumer<Throwable> fail = failed != null
                ? e -> failed.accept(failTitle + ": " + describe(e))
                : e -> errors.accept(failTitle, describe(e));
        if (background == null) {
            // Tests without a window: run here.
            try {
                ok.accept(job.run(Progress.NONE));
            } catch (Exception e) {
                fail.accept(e);
            }
            return;
        }
        background.run(title, job, ok, fail, "Cancelled; nothing was compared.");
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException || t.getClass() == RuntimeException.class)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Leaves compare mode; A stays open as it was. */
    public void close() {
        boolean was = diff.get() != null;
        diff.set(null);
        differencesOnly.set(false);
        applyFilter();
        rows.clear();
        fieldRows.clear();
        summary.set("");
        firstDivergenceText.set("");
        currentDifference.set(-1);
        sessionB.open(null);
        if (was) {
            message.set("Left compare mode.");
        }
    }

    public boolean isActive() {
        return diff.get() != null;
    }

    /** The difference after the cursor (or after the current one); false if none. */
    public boolean nextDifference() {
        TraceDiff d = diff.get();
        if (d == null || d.differenceCount() == 0) {
            return false;
        }
        int k = currentDifference.get() >= 0 && atCurrentDifference()
                ? currentDifference.get() + 1
                : d.firstDifferenceAtOrAfter(cursorTimeA() + 1);
        if (k >= d.differenceCount()) {
            message.set("No difference after the cursor.");
            return false;
        }
        goToDifference(k);
        return true;
    }

    /** The difference before the cursor (or before the current one); false if none. */
    public boolean previousDifference() {
        TraceDiff d = diff.get();
        if (d == null || d.differenceCount() == 0) {
            return false;
        }
        int k = currentDifference.get() >= 0 && atCurrentDifference()
                ? currentDifference.get() - 1
                : d.firstDifferenceAtOrAfter(cursorTimeA()) - 1;
        if (k < 0) {
            message.set("No difference before the cursor.");
            return false;
        }
        goToDifference(k);
        return true;
    }

    /** Moves both cursors to the first divergence; false if the runs do not diverge. */
    public boolean goToFirstDivergence() {
        TraceDiff d = diff.get();
        if (d == null || d.firstDivergence() == null) {
            return false;
        }
        Divergence f = d.firstDivergence();
        for (int k = 0; k < d.differenceCount(); k++) {
            Divergence x = d.difference(k);
            if (x.seqA() == f.seqA() && x.seqB() == f.seqB()) {
                goToDifference(k);
                return true;
            }
        }
        return false;
    }

    /** Moves both cursors to difference {@code k}: its event, and in the run without it, the gap. */
    public void goToDifference(int k) {
        TraceDiff d = diff.get();
        Divergence x = d.difference(k);
        syncing = true;
        try {
            if (x.seqA() >= 0) {
                sessionA.goToEvent(x.seqA());
                sessionA.selectedBlockProperty().set(d.a().block(x.seqA()));
            } else {
                sessionA.currentStepProperty().set(gap(d.a(), d.b().timeMicros(x.seqB())));
                sessionA.selectedEventProperty().set(-1);
                sessionA.selectedBlockProperty().set(d.b().block(x.seqB()));
            }
            if (x.seqB() >= 0) {
                sessionB.goToEvent(x.seqB());
            } else {
                sessionB.currentStepProperty().set(gap(d.b(), d.a().timeMicros(x.seqA())));
                sessionB.selectedEventProperty().set(-1);
            }
            sessionB.selectedBlockProperty()
                    .set(sessionA.selectedBlockProperty().get());
        } finally {
            syncing = false;
        }
        currentDifference.set(k);
        inspect();
        message.set("Difference " + (k + 1) + " of " + d.differenceCount() + ": " + rowText(d, x));
    }

    private boolean atCurrentDifference() {
        TraceDiff d = diff.get();
        int k = currentDifference.get();
        if (d == null || k < 0 || k >= d.differenceCount()) {
            return false;
        }
        Divergence x = d.difference(k);
        return x.seqA() >= 0 ? sessionA.getCurrentStep() == x.seqA() : sessionB.getCurrentStep() == x.seqB();
    }

    private long cursorTimeA() {
        TraceDiff d = diff.get();
        int s = sessionA.getCurrentStep();
        return s < 0 ? Long.MIN_VALUE / 2 : d.a().timeMicros(s);
    }

    /** The last event of {@code t} before {@code timeMicros} (-1 if none): where a missing event would be. */
    static int gap(Trace t, long timeMicros) {
        return t.firstAtOrAfter(timeMicros) - 1;
    }

    private void followA(int stepA) {
        TraceDiff d = diff.get();
        if (d == null || syncing || stepA < 0 || stepA >= d.a().size()) {
            return;
        }
        syncing = true;
        try {
            int p = d.partnerOfA(stepA);
            sessionB.currentStepProperty().set(p >= 0 ? p : gap(d.b(), d.a().timeMicros(stepA)));
            sessionB.selectedEventProperty().set(p);
            sessionB.selectedBlockProperty()
                    .set(sessionA.selectedBlockProperty().get());
        } finally {
            syncing = false;
        }
        inspect();
    }

    private void followB(int stepB) {
        TraceDiff d = diff.get();
        if (d == null || syncing || stepB < 0 || stepB >= d.b().size()) {
            return;
        }
        syncing = true;
        try {
            int p = d.partnerOfB(stepB);
            sessionA.currentStepProperty().set(p >= 0 ? p : gap(d.a(), d.b().timeMicros(stepB)));
            sessionA.selectedEventProperty().set(p);
            if (d.b().block(stepB) >= 0) {
                sessionA.selectedBlockProperty().set(d.b().block(stepB));
            }
        } finally {
            syncing = false;
        }
        inspect();
    }

    private void applyFilter() {
        TraceDiff d = diff.get();
        if (differencesOnly.get() && d != null) {
            if (!filtering) {
                filterBefore = sessionA.eventFilterProperty().get();
                filtering = true;
            }
            sessionA.eventFilterProperty().set(seq -> d.classOfA(seq).isDifference());
        } else if (filtering) {
            sessionA.eventFilterProperty().set(filterBefore);
            filterBefore = null;
            filtering = false;
        }
    }

    /** The block the inspector compares: the selected one, else the block of A's cursor event. */
    private void inspect() {
        TraceDiff d = diff.get();
        if (d == null) {
            fieldRows.clear();
            inspectedBlock.set(-1);
            return;
        }
        int block = sessionA.selectedBlockProperty().get();
        int stepA = sessionA.getCurrentStep();
        if (block < 0 && stepA >= 0) {
            block = d.a().block(stepA);
        }
        inspectedBlock.set(block);
        if (block < 0 || sessionA.getTrace() == null || sessionB.getTrace() == null) {
            fieldRows.clear();
            return;
        }
        BlockState sa = sessionA.getTrace().index().stateAt(block, Math.max(-1, stepA));
        BlockState sb = sessionB.getTrace().index().stateAt(block, Math.max(-1, sessionB.getCurrentStep()));
        List<FieldRow> list = new ArrayList<>();
        for (Field f : Field.values()) {
            list.add(new FieldRow(f, sa.format(f), sb.format(f), sa.get(f) != sb.get(f)));
        }
        fieldRows.setAll(list);
    }

    private static Row row(TraceDiff d, int k) {
        Divergence x = d.difference(k);
        return new Row(k, x.diffClass(), x.seqA(), x.seqB(), rowText(d, x));
    }

    private static String rowText(TraceDiff d, Divergence x) {
        String a = x.seqA() >= 0 ? EventText.oneLine(d.a(), x.seqA()) : "";
        String b = x.seqB() >= 0 ? EventText.oneLine(d.b(), x.seqB()) : "";
        return switch (x.diffClass()) {
            case ONLY_IN_A -> "only in A: " + a;
            case ONLY_IN_B -> "only in B: " + b;
            default ->
                "changed: A " + a + "  |  B " + EventText.values(d.b(), x.seqB())
                        + (d.a().arg(x.seqA()) != d.b().arg(x.seqB()) ? " arg " + d.b().arg(x.seqB()) : "")
                        + " at " + EventText.millis(d.b().timeMicros(x.seqB()));
        };
    }

    static String words(DiffClass c) {
        return switch (c) {
            case SAME -> "same";
            case RETIMED -> "retimed";
            case CHANGED -> "changed";
            case ONLY_IN_A -> "only in A";
            case ONLY_IN_B -> "only in B";
        };
    }

    private static String summaryOf(TraceDiff d) {
        return String.format(
                Locale.ROOT,
                "same %,d · retimed %,d · changed %,d · only in A %,d · only in B %,d%n"
                        + "FPRE004: %d in A, %d in B · reads whose result differs: %d · blocks whose transitions differ: %d",
                d.count(DiffClass.SAME),
                d.count(DiffClass.RETIMED),
                d.count(DiffClass.CHANGED),
                d.count(DiffClass.ONLY_IN_A),
                d.count(DiffClass.ONLY_IN_B),
                TraceDiff.fpre004Count(d.a()),
                TraceDiff.fpre004Count(d.b()),
                d.readDifferences().size(),
                d.blockDifferences().size());
    }

    // ---- properties

    public TraceSession sessionA() {
        return sessionA;
    }

    /** B's session: its cursor follows A's. */
    public TraceSession sessionB() {
        return sessionB;
    }

    public ReadOnlyObjectProperty<TraceDiff> diffProperty() {
        return diff;
    }

    public TraceDiff getDiff() {
        return diff.get();
    }

    public ReadOnlyStringProperty nameBProperty() {
        return nameB.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty firstDivergenceTextProperty() {
        return firstDivergenceText.getReadOnlyProperty();
    }

    /** What the last command did, for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Index of the difference the cursors were last moved to, or -1. */
    public IntegerProperty currentDifferenceProperty() {
        return currentDifference;
    }

    /**
     * When true, the event log shows only the rows that differ (A's changed and only-in-A events,
     * B's only-in-B events) and A's timeline only A's differences.
     */
    public BooleanProperty differencesOnlyProperty() {
        return differencesOnly;
    }

    public IntegerProperty inspectedBlockProperty() {
        return inspectedBlock;
    }

    /** Per block, the transitions that differ (cached per diff). */
    public List<TraceDiff.BlockDifference> blockDifferences() {
        TraceDiff d = diff.get();
        if (d == null) {
            return List.of();
        }
        if (blockDiffsFor != d) {
            blockDiffs = d.blockDifferences();
            blockDiffsFor = d;
        }
        return blockDiffs;
    }

    private List<TraceDiff.BlockDifference> blockDiffs = List.of();
    private TraceDiff blockDiffsFor;

    /** The differences in time order (at most {@link #MAX_ROWS}). */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** The inspected block's fields in A and B. */
    public ObservableList<FieldRow> fieldRows() {
        return fieldRows;
    }
}
