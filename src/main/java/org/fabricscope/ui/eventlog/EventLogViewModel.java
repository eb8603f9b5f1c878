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
        hideOnTimeline.addListener((obs, old, now) -> publishTimelineFilter());
        hideOtherLanes.addListener((obs, old, now) -> publishLaneFilter());
        chosenBlocks.addListener((ListChangeListener<Integer>) c -> publishLaneFilter());
        onTraceChanged();
    }

    /** A user picked row {@code row}: it becomes the cursor, the selected event and block. */
    public void selectRow(int row) {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null || row < 0 || row >= rows.size()) {
            return;
        }
        int seq = rows.seqAt(row);
        int block = loaded.trace().block(seq);
        if (block >= 0) {
            session.selectedBlockProperty().set(block);
        }
        session.selectedEventProperty().set(seq);
        session.currentStepProperty().set(seq);
    }

    /** The text of {@code column} for event {@code seq}. */
    public String text(Column column, int seq) {
        Trace t = session.getTrace().trace();
        switch (column) {
            case SEQ:
                return Integer.toString(seq);
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
                return t.cause(seq) < 0 ? "" : "#" + t.cause(seq);
            default:
                throw new AssertionError(column);
        }
    }

    /** The kind of event {@code seq} (for row styling). */
    public EventKind kind(int seq) {
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
        if (kept == null) {
            rows.showAll(t.size());
            status.set(String.format("%,d events", t.size()));
        } else {
            rows.show(kept, kept.length);
            status.set(String.format("%,d of %,d events", kept.length, t.size()));
        }
        syncSelectedRow();
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
            filtering.set(false);
        }
    }

    private void syncSelectedRow() {
        int row = session.getTrace() == null ? -1 : rows.rowOf(session.getCurrentStep());
        selectedRow.set(row >= 0 ? row : -1);
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

    /** The rows: sequence numbers of the events shown, ascending. */
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
