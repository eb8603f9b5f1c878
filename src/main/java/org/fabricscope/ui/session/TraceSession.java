package org.fabricscope.ui.session;

import java.util.Set;
import java.util.function.IntPredicate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The one shared selection that keeps the timeline, inspector, event log and replay controls in
 * sync: the open trace, the current step (cursor), the selected block and the selected event, and
 * the event filter views may apply. Lives on the FX thread; views bind to it, view models write it.
 */
public final class TraceSession {
    private final ObjectProperty<LoadedTrace> trace = new SimpleObjectProperty<>(this, "trace");
    private final IntegerProperty currentStep = new SimpleIntegerProperty(this, "currentStep", -1);
    private final IntegerProperty selectedBlock = new SimpleIntegerProperty(this, "selectedBlock", -1);
    private final IntegerProperty selectedEvent = new SimpleIntegerProperty(this, "selectedEvent", -1);
    private final ObjectProperty<IntPredicate> eventFilter = new SimpleObjectProperty<>(this, "eventFilter");
    private final ObjectProperty<Set<Integer>> visibleBlocks = new SimpleObjectProperty<>(this, "visibleBlocks");

    /** The open trace, or {@code null}. Setting it resets the cursor to step 0 and clears selection. */
    public ObjectProperty<LoadedTrace> traceProperty() {
        return trace;
    }

    public LoadedTrace getTrace() {
        return trace.get();
    }

    /** Opens {@code loaded}: cursor at step 0, nothing selected. */
    public void open(LoadedTrace loaded) {
        selectedEvent.set(-1);
        selectedBlock.set(-1);
        currentStep.set(-1);
        trace.set(loaded);
        currentStep.set(loaded != null && loaded.trace().size() > 0 ? 0 : -1);
    }

    /**
     * Moves the cursor to event {@code seq} and selects it (a link to an event was followed).
     * Ignored when no trace is open or {@code seq} is not one of its events.
     */
    public void goToEvent(int seq) {
        LoadedTrace loaded = trace.get();
        if (loaded == null || seq < 0 || seq >= loaded.trace().size()) {
            return;
        }
        selectedEvent.set(seq);
        currentStep.set(seq);
    }

    /** The cursor: the event most recently applied (-1 before the first). */
    public IntegerProperty currentStepProperty() {
        return currentStep;
    }

    public int getCurrentStep() {
        return currentStep.get();
    }

    /** The selected block, or -1. */
    public IntegerProperty selectedBlockProperty() {
        return selectedBlock;
    }

    /** The selected event, or -1. */
    public IntegerProperty selectedEventProperty() {
        return selectedEvent;
    }

    /**
     * Which events the views show: {@code null} shows all; otherwise events whose sequence number
     * fails the predicate are hidden where a view supports hiding.
     */
    public ObjectProperty<IntPredicate> eventFilterProperty() {
        return eventFilter;
    }

    /**
     * The blocks whose lanes the timeline shows: {@code null} shows every lane (the event log's
     * "hide other lanes" sets it to the blocks its filter picks). An unmodifiable set.
     */
    public ObjectProperty<Set<Integer>> visibleBlocksProperty() {
        return visibleBlocks;
    }
}
