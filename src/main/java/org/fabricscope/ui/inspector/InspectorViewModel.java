package org.fabricscope.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fabricscope.replay.BlockState;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.replay.explain.EventText;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;

/**
 * What the inspector shows: the focus block (the selected block, or the block of the event under
 * the cursor) at the current step, one {@link FieldRow} per {@link Field}, and the current event's
 * details. Recomputed from {@link TraceIndex} whenever the cursor, selection or trace changes, so
 * a step back shows exactly the earlier state.
 */
public final class InspectorViewModel {

    /**
     * One field of the focus block at the cursor.
     *
     * @param field the field
     * @param value its value, formatted ({@code READY}, {@code true}, {@code 17})
     * @param changedHere true if the event under the cursor changed it
     * @param previousValue when {@code changedHere}, the value before; else {@code ""}
     * @param lastChangeSeq the last event at or before the cursor that changed it, or -1
     * @param lastChangeText that event, e.g. {@code #12 · 10.000 ms · WRITE_PENDING · write@n1}
     */
    public record FieldRow(
            Field field,
            String value,
            boolean changedHere,
            String previousValue,
            int lastChangeSeq,
            String lastChangeText) {}

    /**
     * The event under the cursor, worded.
     *
     * @param seq its sequence number
     * @param time its time, e.g. {@code 12.300 ms}
     * @param kind its kind
     * @param actor its actor
     * @param block {@code block 2 (node 1, drive 0, file-x)} or {@code —}
     * @param change {@code cacheState FILLING → READY}, or {@code —}
     * @param causeSeq the causing event, or -1
     * @param cause the causing event in one line, or {@code —}
     * @param arg the argument in words (jitter, txn id), or {@code —}
     */
    public record EventDetails(
            int seq,
            String time,
            String kind,
            String actor,
            String block,
            String change,
            int causeSeq,
            String cause,
            String arg) {}

    private final TraceSession session;
    private final ReadOnlyIntegerWrapper block = new ReadOnlyIntegerWrapper(this, "block", -1);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ObservableList<FieldRow> rows = FXCollections.observableArrayList();
    private final ObservableList<FieldRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<EventDetails> currentEvent = new ReadOnlyObjectWrapper<>(this, "currentEvent");

    public InspectorViewModel(TraceSession session) {
        this.session = session;
        session.traceProperty().addListener((obs, old, now) -> refresh());
        session.currentStepProperty().addListener((obs, old, now) -> refresh());
        session.selectedBlockProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** Moves the cursor to {@code seq} (a "last changed by" or cause link). */
    public void goToEvent(int seq) {
        session.goToEvent(seq);
    }

    private void refresh() {
        LoadedTrace loaded = session.getTrace();
        int step = session.getCurrentStep();
        if (loaded == null || loaded.trace().size() == 0) {
            block.set(-1);
            heading.set("No trace open.");
            rows.clear();
            currentEvent.set(null);
            return;
        }
        Trace trace = loaded.trace();
        TraceIndex index = loaded.index();
        currentEvent.set(step >= 0 && step < trace.size() ? details(trace, step) : null);
        int selected = session.selectedBlockProperty().get();
        int focus = selected >= 0 ? selected : step >= 0 && step < trace.size() ? trace.block(step) : -1;
        block.set(focus);
        if (focus < 0 || focus >= trace.header().topology().blockCount()) {
            heading.set("No block: select one on the timeline or step to an event that has one.");
            rows.clear();
            return;
        }
        heading.set(blockName(trace, focus)
                + (selected >= 0 ? "" : " (block of the current event)")
                + (step >= 0
                        ? " at step " + step + ", " + EventText.millis(trace.timeMicros(step))
                        : " before the first event"));
        BlockState state = index.stateAt(focus, step);
        List<FieldRow> next = new ArrayList<>(Field.count());
        for (Field f : Field.values()) {
            int last = step >= 0 ? index.lastChange(focus, f, step) : -1;
            boolean changedHere = last >= 0 && last == step;
            next.add(new FieldRow(
                    f,
                    state.format(f),
                    changedHere,
                    changedHere ? f.format(trace.oldValue(step)) : "",
                    last,
                    last >= 0 ? EventText.origin(trace, last) : "initial value"));
        }
        rows.setAll(next);
    }

    private static String blockName(Trace trace, int block) {
        Topology.BlockInfo info = trace.header().topology().block(block);
        return "Block " + block + " (node " + info.node() + ", drive " + info.drive() + ", " + info.file() + ")";
    }

    private static EventDetails details(Trace trace, int seq) {
        int cause = trace.cause(seq);
        String change = EventText.change(trace, seq);
        String arg = EventText.arg(trace, seq);
        return new EventDetails(
                seq,
                EventText.millis(trace.timeMicros(seq)),
                trace.kind(seq).name(),
                trace.actor(seq),
                trace.block(seq) >= 0 ? blockName(trace, trace.block(seq)) : "—",
                change.isEmpty() ? "—" : change,
                cause,
                cause >= 0 ? EventText.oneLine(trace, cause) : "—",
                arg.isEmpty() ? "—" : arg);
    }

    /** The block shown, or -1. */
    public ReadOnlyIntegerProperty blockProperty() {
        return block.getReadOnlyProperty();
    }

    /** E.g. {@code Block 2 (node 1, drive 0, file-x) at step 23, 12.450 ms}. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** One row per {@link Field}, in field order; empty when there is no block to show. */
    public ObservableList<FieldRow> rows() {
        return readOnlyRows;
    }

    /** The event under the cursor, or {@code null}. */
    public ReadOnlyObjectProperty<EventDetails> currentEventProperty() {
        return currentEvent.getReadOnlyProperty();
    }

    /** The row of {@code field}, or {@code null} when no block is shown. */
    public FieldRow row(Field field) {
        return rows.isEmpty() ? null : rows.get(field.ordinal());
    }
}
