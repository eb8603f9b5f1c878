package org.fabricscope.ui.eventlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.fabricscope.replay.explain.EventText;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;

/**
 * The event log's rows, filters and cursor sync. Rows are sequence numbers ({@link #rows()}); the
 * cell texts come from {@link #text(Column, int)}, read from the trace's columns when a cell is
 * shown. Filtering a trace above {@link #DEFAULT_ASYNC_THRESHOLD} events runs in a background
 * {@link Task}; a newer filter supersedes (cancels) an older one.
 */
public final class EventLogViewModel {
    /** Traces with more events than this are filtered off the FX thread. */
    public static final int DEFAULT_ASYNC_THRESHOLD = 200_000;

    /** The table's columns. */
    public enum Column {
        SEQ("Seq"),
        TIME("Time (ms)"),
        BLOCK("Block"),
        NODE("Node"),
        ACTOR("Actor"),
        KIND("Kind"),
        FIELD("Field"),
        CHANGE("Old → new"),
        CAUSE("Cause");

        private final String title;

        Column(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private static final ExecutorService FILTER_THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "event-log-filter");
        t.setDaemon(true);
        return t;
    });

    private final TraceSession session;
    private final SeqList rows = new SeqList();
    private final ObservableList<Integer> blockChoices = FXCollections.observableArrayList();
    private final ObservableList<String> actorChoices = FXCollections.observableArrayList();
    private final ObservableList<EventKind> kindChoices = FXCollections.observableArrayList(EventKind.values());
    private final ObservableList<Integer> chosenBlocks = FXCollections.observableArrayList();
    private final ObservableList<String> chosenActors = FXCollections.observableArrayList();
    private final ObservableList<EventKind> chosenKinds = FXCollections.observableArrayList();
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final BooleanProperty hideOnTimeline = new SimpleBooleanProperty(this, "hideOnTimeline");
    private final BooleanProperty hideOtherLanes = new SimpleBooleanProperty(this, "hideOtherLanes");
    private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper(this, "filtering");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No trace open.");
    private final ReadOnlyIntegerWrapper selectedRow = new ReadOnlyIntegerWrapper(this, "selectedRow", -1);

    private final BooleanProperty differencesOnly = new SimpleBooleanProperty(this, "differencesOnly");
    private final javafx.beans.InvalidationListener otherCursorMoved = o -> syncSelectedRow();
    /** Compare mode: B, merged into the rows; null otherwise. */
    private OtherRun other;

    private int asyncThreshold = DEFAULT_ASYNC_THRESHOLD;
    private EventFilter filter;
    private Task<int[]> pending;
    private boolean resetting; // while a new trace clears the filters: filter once, not per list

    public EventLogViewModel(TraceSession session) {
        this.session = session;
        session.traceProperty().addListener((obs, old, now) -> onTraceChanged());
        session.currentStepProperty().addListener((obs, old, now) -> syncSelectedRow());
        ListChangeListener<Object> refilter = c -> {
            if (!resetting) {
                refilter();
            }
        };
        chosenBlocks.addListener(refilter);
        chosenActors.addListener(refilter);
        chosenKinds.addListener(refilter);
        textFilter.addListener((obs, old, now) -> {
            if (!resetting) {
                refilter();
            }
        });
        differencesOnly.addListener((obs, old, now) -> refilter());
        hideOnTimeline.addListener((obs, old, now) -> publishTimelineFilter());
        hideOtherLanes.addListener((obs, old, now) -> publishLaneFilter());
        chosenBlocks.addListener((ListChangeListener<Integer>) c -> publishLaneFilter());
        onTraceChanged();
    }

    /**
     * Compare mode: merges B's only-in-B events into the rows and colours rows by difference
     * ({@code null} ends it). Outside compare mode the log shows A's events alone, as always.
     */
    public void setOtherRun(OtherRun run) {
        if (other != null) {
            other.cursorChanges().removeListener(otherCursorMoved);
        }
        other = run;
        if (run != null) {
            run.cursorChanges().addListener(otherCursorMoved);
        } else {
            differencesOnly.set(false);
        }
        refilter();
    }

    /** The merged run, if it was aligned with the open trace; else null. */
    private OtherRun other() {
        LoadedTrace loaded = session.getTrace();
        return other != null && loaded != null && other.base() == loaded.trace() ? other : null;
    }

    /**
     * The style class of a row's entry ({@link #seqAt}): {@code diff-only-b} for a row of B, A's
     * class in the diff ({@code diff-changed}, {@code diff-only-a}) or null; always null outside
     * compare mode.
     */
    public String rowClass(int entry) {
        OtherRun o = other();
        if (o == null) {
            return null;
        }
        return entry < 0 ? "diff-only-b" : o.rowClassOfA(entry);
    }

    /** True if the row's entry is an event of B (written {@code ~seqB}). */
    public static boolean isOtherRow(int entry) {
        return entry < 0;
    }

    /** Rows of B (only-in-B events) among the rows. */
    public int otherRowCount() {
        return rows.otherCount();
    }

    /** A user picked row {@code row}: it becomes the cursor, the selected event and block. */
    public void selectRow(int row) {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null || row < 0 || row >= rows.size()) {
            return;
        }
        int seq = rows.seqAt(row);
        if (seq < 0) {
            OtherRun o = other();
            if (o != null) {
                o.select(~seq);
                syncSelectedRow();
            }
            return;
        }
        int block = loaded.trace().block(seq);
        if (block >= 0) {
            session.selectedBlockProperty().set(block);
        }
        session.selectedEventProperty().set(seq);
        session.currentStepProperty().set(seq);
    }

    /** The text of {@code column} for event {@code seq}. */
    public String text(Column column, int entry) {
        boolean inB = entry < 0 && other() != null;
        Trace t = inB ? other().trace() : session.getTrace().trace();
        int seq = inB ? ~entry : entry;
        if (seq < 0) {
            return "";
        }
        switch (column) {
            case SEQ:
                // The "B" marks a row of the other run: its seq, time and values are B's.
                return inB ? "B " + seq : Integer.toString(seq);
            case TIME:
                return EventText.millisNumber(t.timeMicros(seq));
            case BLOCK:
                return t.block(seq) < 0 ? "" : Integer.toString(t.block(seq));
            case NODE:
                return t.node(seq) < 0 ? "" : Integer.toString(t.node(seq));
            case ACTOR:
                return t.actor(seq);
            case KIND:
                return t.kind(seq).name();
            case FIELD:
                Field f = t.field(seq);
                return f == null ? "" : f.jsonName();
            case CHANGE:
                return EventText.values(t, seq);
            case CAUSE:
                return t.cause(seq) < 0 ? "" : (inB ? "B #" : "#") + t.cause(seq);
            default:
                throw new AssertionError(column);
        }
    }

    /** The kind of event {@code seq} (for row styling). */
    public EventKind kind(int seq) {
        if (seq < 0) {
            OtherRun o = other();
            return o == null ? null : o.trace().kind(~seq);
        }
        return session.getTrace().trace().kind(seq);
    }

    private void onTraceChanged() {
        cancelPending();
        LoadedTrace loaded = session.getTrace();
        resetting = true;
        try {
            chosenBlocks.clear();
            chosenActors.clear();
            chosenKinds.clear();
            textFilter.set("");
        } finally {
            resetting = false;
        }
        if (loaded == null) {
            blockChoices.clear();
            actorChoices.clear();
            filter = null;
            rows.showAll(0);
            status.set("No trace open.");
            syncSelectedRow();
            publishTimelineFilter();
            return;
        }
        Trace t = loaded.trace();
        List<Integer> blocks = new ArrayList<>();
        for (int b = 0; b < t.header().topology().blockCount(); b++) {
            blocks.add(b);
        }
        blockChoices.setAll(blocks);
        List<String> actors = new ArrayList<>();
        for (int i = 0; i < t.actorCount(); i++) {
            actors.add(t.actorName(i));
        }
        actors.sort(null);
        actorChoices.setAll(actors);
        refilter();
    }

    private void refilter() {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null) {
            return;
        }
        cancelPending();
        Trace t = loaded.trace();
        EventFilter next = EventFilter.of(t, chosenBlocks, chosenActors, chosenKinds, textFilter.get());
        filter = next;
        publishTimelineFilter();
        OtherRun o = other();
        if (o != null && differencesOnly.get()) {
            // Few rows: A's differences that pass the filter, found here.
            int[] diffs = o.differencesInA();
            int[] kept = new int[diffs.length];
            int n = 0;
            for (int s : diffs) {
                if (next.test(s)) {
                    kept[n++] = s;
                }
            }
            show(t, java.util.Arrays.copyOf(kept, n));
            return;
        }
        if (next.isEmpty()) {
            show(t, null);
            return;
        }
        if (t.size() <= asyncThreshold) {
            show(t, next.apply(Progress.NONE));
            return;
        }
        Task<int[]> task = new Task<>() {
            @Override
            protected int[] call() {
                Task<int[]> self = this;
                return next.apply(new Progress() {
                    @Override
                    public void update(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
        task.setOnSucceeded(e -> {
            if (pending == task) {
                pending = null;
                filtering.set(false);
                show(t, task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (pending == task) {
                pending = null;
                filtering.set(false);
                status.set("Filtering failed: " + task.getException().getMessage());
            }
        });
        pending = task;
        filtering.set(true);
        status.set("Filtering " + String.format("%,d", t.size()) + " events…");
        FILTER_THREAD.execute(task);
    }

    private void show(Trace t, int[] kept) {
        OtherRun o = other();
        if (o != null) {
            showMerged(t, kept, o);
        } else if (kept == null) {
            rows.showAll(t.size());
            status.set(String.format("%,d events", t.size()));
        } else {
            rows.show(kept, kept.length);
            status.set(String.format("%,d of %,d events", kept.length, t.size()));
        }
        syncSelectedRow();
    }

    /**
     * A's rows with a row for each only-in-B event that passes the same filter (judged on B's own
     * columns), placed before the A row of its {@link OtherRun#placeInA} (or the next one kept);
     * B rows at one place stay in B's order.
     */
    private void showMerged(Trace t, int[] kept, OtherRun o) {
        Trace b = o.trace();
        EventFilter fb = EventFilter.of(b, chosenBlocks, chosenActors, chosenKinds, textFilter.get());
        int[] only = o.onlyHere();
        long[] placed = new long[only.length];
        int n = 0;
        int aRows = kept == null ? t.size() : kept.length;
        for (int seqB : only) {
            if (fb.test(seqB)) {
                int before = o.placeInA(seqB);
                int pos = kept == null ? before : insertionPoint(kept, before);
                placed[n++] = ((long) Math.min(pos, aRows) << 32) | seqB;
            }
        }
        java.util.Arrays.sort(placed, 0, n);
        int[] seqsB = new int[n];
        int[] posB = new int[n];
        for (int k = 0; k < n; k++) {
            seqsB[k] = (int) placed[k];
            posB[k] = (int) (placed[k] >>> 32);
        }
        rows.merge(kept, aRows, seqsB, posB, n);
        status.set(String.format("%,d of %,d events of A, %,d only in B", aRows, t.size(), n));
    }

    /** The index of the first element of {@code ascending} that is {@code >= value}. */
    private static int insertionPoint(int[] ascending, int value) {
        int i = java.util.Arrays.binarySearch(ascending, value);
        return i >= 0 ? i : -i - 1;
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
            filtering.set(false);
        }
    }

    private void syncSelectedRow() {
        OtherRun o = other();
        if (o != null) {
            int onB = o.cursorOnOnlyHere();
            int row = onB >= 0 ? rows.rowOfOther(onB) : -1;
            if (row >= 0) {
                selectedRow.set(row);
                return;
            }
        }
        int row = session.getTrace() == null ? -1 : rows.rowOf(session.getCurrentStep());
        selectedRow.set(row >= 0 ? row : -1);
    }

    /** The row of the cursor's event, or if it is filtered out the row after it (-1 if no rows). */
    public int rowNearCursor() {
        if (rows.isEmpty() || session.getTrace() == null) {
            return -1;
        }
        int selected = selectedRow.get();
        if (selected >= 0) {
            return selected;
        }
        int i = rows.rowOf(session.getCurrentStep());
        return i >= 0 ? i : Math.min(-i - 1, rows.size() - 1);
    }

    private void publishTimelineFilter() {
        EventFilter f = filter;
        session.eventFilterProperty().set(hideOnTimeline.get() && f != null && !f.isEmpty() ? f : null);
    }

    /** The timeline shows only the chosen blocks' lanes while "hide other lanes" is on and blocks are chosen. */
    private void publishLaneFilter() {
        boolean hide = hideOtherLanes.get() && !chosenBlocks.isEmpty() && session.getTrace() != null;
        session.visibleBlocksProperty().set(hide ? Set.copyOf(chosenBlocks) : null);
    }

    /** Sets the size above which filtering runs in the background (tests use a small one). */
    void setAsyncThreshold(int events) {
        this.asyncThreshold = events;
    }

    /**
     * Compare mode: keep only the rows that differ (A's changed and only-in-A events, B's
     * only-in-B events). Has no effect outside compare mode.
     */
    public BooleanProperty differencesOnlyProperty() {
        return differencesOnly;
    }

    /**
     * The rows: sequence numbers of the events shown, ascending; in compare mode with rows of B
     * merged in, written {@code ~seqB} (negative).
     */
    public ObservableList<Integer> rows() {
        return rows;
    }

    /** The sequence number in row {@code row}. */
    public int seqAt(int row) {
        return rows.seqAt(row);
    }

    /** The row showing the cursor's event, or -1 when it is filtered out or there is none. */
    public ReadOnlyIntegerProperty selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    public ObservableList<Integer> blockChoices() {
        return blockChoices;
    }

    public ObservableList<String> actorChoices() {
        return actorChoices;
    }

    public ObservableList<EventKind> kindChoices() {
        return kindChoices;
    }

    /** Blocks to show; empty shows all. */
    public ObservableList<Integer> chosenBlocks() {
        return chosenBlocks;
    }

    /** Actors to show; empty shows all. */
    public ObservableList<String> chosenActors() {
        return chosenActors;
    }

    /** Kinds to show; empty shows all. */
    public ObservableList<EventKind> chosenKinds() {
        return chosenKinds;
    }

    /** Free text, see {@link EventFilter}. */
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /** When set, the session's event filter is this log's filter, so the timeline hides the rest. */
    public BooleanProperty hideOnTimelineProperty() {
        return hideOnTimeline;
    }

    /**
     * When set (and blocks are chosen), the timeline hides the lanes of the other blocks, not only
     * their markers; the actor lanes stay.
     */
    public BooleanProperty hideOtherLanesProperty() {
        return hideOtherLanes;
    }

    /** True while a background filter runs. */
    public ReadOnlyBooleanProperty filteringProperty() {
        return filtering.getReadOnlyProperty();
    }

    /** E.g. {@code 1,234 of 56,789 events}. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
