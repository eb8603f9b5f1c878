package org.fabricscope.ui.timeline;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;

/**
 * The timeline's state beyond the shared selection, and its commands: focus on one FPRE004 (and
 * back), and lanes pinned to the top. Knows nothing of the control; tested without a Stage. The
 * {@link TimelineControl} follows it: a new focus or pin rearranges the lanes ({@link
 * LaneArrangement}) once, off the per-frame path.
 *
 * <p>Other views (the Explainer's "focus" button) call {@link #focusOnFpre004(int)}.
 */
public final class TimelineViewModel {
    private final TraceSession session;
    private final ReadOnlyObjectWrapper<FocusSet> focus = new ReadOnlyObjectWrapper<>(this, "focus");
    private final ObservableList<LaneLayout.Lane> pinned = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public TimelineViewModel(TraceSession session) {
        this.session = session;
        session.traceProperty().addListener((obs, old, now) -> {
            focus.set(null);
            pinned.clear();
            say("");
        });
    }

    public TraceSession session() {
        return session;
    }

    /** The FPRE004 the timeline is focused on, or {@code null} for the full view. */
    public ReadOnlyObjectProperty<FocusSet> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    public FocusSet getFocus() {
        return focus.get();
    }

    public boolean isFocused() {
        return focus.get() != null;
    }

    /** Lanes pinned to the top, in pinning order. */
    public ObservableList<LaneLayout.Lane> pinnedLanes() {
        return pinned;
    }

    /** What the last command did, or why it could not (for the status bar). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Shows only the lanes of FPRE004 {@code fpreSeq}'s story, over its time range, and moves the
     * cursor to it. Returns false (with a message) when there is no such FPRE004.
     */
    public boolean focusOnFpre004(int fpreSeq) {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null) {
            say("No trace open: nothing to focus on.");
            return false;
        }
        Trace trace = loaded.trace();
        if (fpreSeq < 0 || fpreSeq >= trace.size() || trace.kind(fpreSeq) != EventKind.FPRE004) {
            say("Event #" + fpreSeq + " is not an FPRE004: nothing to focus on.");
            return false;
        }
        FocusSet f = FocusSet.of(trace, loaded.index(), fpreSeq);
        focus.set(f);
        if (trace.block(fpreSeq) >= 0) {
            session.selectedBlockProperty().set(trace.block(fpreSeq));
        }
        session.selectedEventProperty().set(fpreSeq);
        session.currentStepProperty().set(fpreSeq);
        say(String.format(
                Locale.ROOT,
                "Focus on FPRE004 #%d, block %d: %d block lane(s), %d actor lane(s) (Z: back to the full view)",
                fpreSeq,
                f.block(),
                f.blocks().size(),
                f.actorLanes().size()));
        return true;
    }

    /** Sets the message, firing even when it repeats (the status bar shows it again). */
    private void say(String text) {
        message.set("");
        message.set(text);
    }

    /** Back to the full view (the lanes and pins as they were). */
    public void exitFocus() {
        if (focus.get() != null) {
            focus.set(null);
            say("Full view");
        }
    }

    /**
     * The Z key: in focus mode, back to the full view; otherwise focus on the FPRE004 at the cursor,
     * else the last one before it, else the next one after it.
     */
    public boolean toggleFocus() {
        if (isFocused()) {
            exitFocus();
            return true;
        }
        LoadedTrace loaded = session.getTrace();
        if (loaded == null) {
            say("No trace open: nothing to focus on.");
            return false;
        }
        int seq = fpre004NearCursor(loaded.index(), session.getCurrentStep());
        if (seq < 0) {
            say("This trace has no FPRE004 to focus on.");
            return false;
        }
        return focusOnFpre004(seq);
    }

    /** The FPRE004 at or before {@code step}, else the first after it; -1 when the trace has none. */
    static int fpre004NearCursor(TraceIndex index, int step) {
        Trace trace = index.trace();
        if (step >= 0 && step < trace.size() && trace.kind(step) == EventKind.FPRE004) {
            return step;
        }
        int before = index.prevOfKind(EventKind.FPRE004, Math.min(step + 1, trace.size()));
        return before >= 0 ? before : index.nextOfKind(EventKind.FPRE004, step);
    }

    public boolean isPinned(LaneLayout.Lane lane) {
        return LaneArrangement.isPinned(pinned, lane);
    }

    /** Pins {@code lane} to the top (moving it into the "Pinned" group). */
    public void pin(LaneLayout.Lane lane) {
        if (!isPinned(lane)) {
            pinned.add(lane);
            say("Pinned " + lane.label() + " to the top");
        }
    }

    /** Returns {@code lane} to its group. */
    public void unpin(LaneLayout.Lane lane) {
        if (pinned.removeIf(p -> p.kind() == lane.kind() && p.id() == lane.id())) {
            say("Unpinned " + lane.label());
        }
    }
}
