package org.fabricscope.ui.replay;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fabricscope.replay.Breakpoint;
import org.fabricscope.replay.BreakpointSet;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.replay.explain.EventText;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;

/**
 * Commands that move the session's cursor, and whether each can apply right now. The cursor is
 * {@link TraceSession#currentStepProperty()}; stepping back is exact because every view reads the
 * state at the cursor from {@link TraceIndex#stateAt}, never from an accumulated replay.
 *
 * <p>The "focus block" of the transition commands is the selected block, or, when none is
 * selected, the block of the event under the cursor (the same block the inspector shows).
 *
 * <p>Playback advances at {@link #eventsPerSecondProperty()} from an {@link AnimationTimer} on the
 * FX thread (nothing sleeps): each frame it finds the next stop by scanning the trace's columns and
 * moves the cursor once, so listeners see one change per frame, not one per event. It stops at the
 * end of the trace or on the first event that matches a breakpoint.
 */
public final class ReplayViewModel {
    /** Upper bound on the events one animation frame may advance, so a huge speed cannot stall a frame. */
    static final int MAX_EVENTS_PER_FRAME = 200_000;

    /** The playback speeds offered, events per second. */
    public static final List<Integer> SPEEDS = List.of(1, 2, 5, 10, 20, 50, 100, 500, 1000, 10_000);

    private static final String NO_TRACE = "No trace is open.";

    private final TraceSession session;
    private final ReadOnlyBooleanWrapper hasTrace = new ReadOnlyBooleanWrapper(this, "hasTrace");
    private final ReadOnlyBooleanWrapper canStepForward = new ReadOnlyBooleanWrapper(this, "canStepForward");
    private final ReadOnlyBooleanWrapper canStepBack = new ReadOnlyBooleanWrapper(this, "canStepBack");
    private final ReadOnlyBooleanWrapper canNextTransition = new ReadOnlyBooleanWrapper(this, "canNextTransition");
    private final ReadOnlyBooleanWrapper canPrevTransition = new ReadOnlyBooleanWrapper(this, "canPrevTransition");
    private final ReadOnlyBooleanWrapper canNextCheck = new ReadOnlyBooleanWrapper(this, "canNextCheck");
    private final ReadOnlyBooleanWrapper canPrevCheck = new ReadOnlyBooleanWrapper(this, "canPrevCheck");
    private final ReadOnlyBooleanWrapper canNextFpre004 = new ReadOnlyBooleanWrapper(this, "canNextFpre004");
    private final ReadOnlyBooleanWrapper canPrevFpre004 = new ReadOnlyBooleanWrapper(this, "canPrevFpre004");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final DoubleProperty eventsPerSecond = new SimpleDoubleProperty(this, "eventsPerSecond", 20);
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "No trace");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<Breakpoint> breakpoints = FXCollections.observableArrayList(Breakpoint.fpre004());

    private AnimationTimer timer;
    private long lastFrameNanos;
    private double eventBudget;

    public ReplayViewModel(TraceSession session) {
        this.session = session;
        session.traceProperty().addListener((obs, old, now) -> {
            pause();
            message.set("");
            refresh();
        });
        session.currentStepProperty().addListener((obs, old, now) -> refresh());
        session.selectedBlockProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    public TraceSession session() {
        return session;
    }

    // ---- commands -------------------------------------------------------------------------

    /** → : the next event. */
    public void stepForward() {
        if (canStepForward.get()) {
            moveTo(session.getCurrentStep() + 1, false);
        } else {
            say(hasTrace.get() ? "Already at the last event." : NO_TRACE);
        }
    }

    /** ← : the previous event; the state shown is exactly the state before the step. */
    public void stepBack() {
        if (canStepBack.get()) {
            moveTo(session.getCurrentStep() - 1, false);
        } else {
            say(hasTrace.get() ? "Already at the first event." : NO_TRACE);
        }
    }

    /** The next event that changes a field of the focus block. */
    public void nextTransition() {
        int block = focusBlockOrSay();
        if (block >= 0) {
            int target = index().nextTransitionOfBlock(block, session.getCurrentStep());
            if (target < 0) {
                say("Block " + block + " changes no more after this step.");
            }
            moveTo(target, false);
        }
    }

    /** The previous event that changes a field of the focus block. */
    public void previousTransition() {
        int block = focusBlockOrSay();
        if (block >= 0) {
            int target = index().prevTransitionOfBlock(block, session.getCurrentStep());
            if (target < 0) {
                say("Block " + block + " did not change before this step.");
            }
            moveTo(target, false);
        }
    }

    /** The next verifier check (any block); its block becomes the selected block. */
    public void nextCheck() {
        jumpToKind(EventKind.VERIFY_CHECK, true);
    }

    public void previousCheck() {
        jumpToKind(EventKind.VERIFY_CHECK, false);
    }

    /** "Run to next FPRE004": its block becomes the selected block. */
    public void nextFpre004() {
        jumpToKind(EventKind.FPRE004, true);
    }

    public void previousFpre004() {
        jumpToKind(EventKind.FPRE004, false);
    }

    /** Home: the first event. */
    public void goToStart() {
        if (hasTrace.get()) {
            moveTo(0, false);
        } else {
            say(NO_TRACE);
        }
    }

    /** End: the last event. */
    public void goToEnd() {
        if (hasTrace.get()) {
            moveTo(trace().size() - 1, false);
        } else {
            say(NO_TRACE);
        }
    }

    /**
     * Moves to a step ({@code 1234}) or to the first event at or after a time ({@code 12.5ms});
     * a time past the end goes to the last event.
     *
     * @return {@code null} on success, else the message for the user (also in {@link #messageProperty()})
     */
    public String goTo(String text) {
        if (!hasTrace.get()) {
            return fail(NO_TRACE);
        }
        GoToTarget target;
        try {
            target = GoToTarget.parse(text);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        Trace trace = trace();
        int step;
        String note = null;
        if (target.isTime()) {
            step = trace.firstAtOrAfter(target.value());
            if (step < 0 || step >= trace.size()) {
                step = trace.size() - 1;
                note = EventText.millis(target.value()) + " is after the last event: moved to the last event.";
            }
        } else {
            if (target.value() >= trace.size()) {
                return fail("There is no step " + target.value() + ": the trace has steps 0 to " + (trace.size() - 1)
                        + ".");
            }
            step = (int) target.value();
        }
        moveTo(step, false);
        if (note != null) {
            say(note);
        }
        return null;
    }

    /** Space: starts or stops playback. */
    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** "]": the next faster speed of {@link #SPEEDS}. */
    public void faster() {
        double now = eventsPerSecond.get();
        for (int speed : SPEEDS) {
            if (speed > now) {
                eventsPerSecond.set(speed);
                return;
            }
        }
        say("Already at the fastest speed (" + SPEEDS.get(SPEEDS.size() - 1) + " events/s).");
    }

    /** "[": the next slower speed of {@link #SPEEDS}. */
    public void slower() {
        double now = eventsPerSecond.get();
        for (int i = SPEEDS.size() - 1; i >= 0; i--) {
            if (SPEEDS.get(i) < now) {
                eventsPerSecond.set(SPEEDS.get(i));
                return;
            }
        }
        say("Already at the slowest speed (" + SPEEDS.get(0) + " event/s).");
    }

    /** Starts playback from the cursor, if there is anything left to play. */
    public void play() {
        if (playing.get()) {
            return;
        }
        if (!canStepForward.get()) {
            say(hasTrace.get() ? "At the last event: nothing left to play (Home goes to the start)." : NO_TRACE);
            return;
        }
        message.set("");
        eventBudget = 0;
        lastFrameNanos = 0;
        playing.set(true);
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    onFrame(now);
                }
            };
        }
        timer.start();
    }

    public void pause() {
        if (timer != null) {
            timer.stop();
        }
        playing.set(false);
    }

    /**
     * Continues to the next event that matches a breakpoint (F8), or to the end if none does.
     *
     * @return the step stopped at, or -1 if nothing moved
     */
    public int runToNextBreakpoint() {
        if (!canStepForward.get()) {
            say(hasTrace.get() ? "At the last event: no breakpoint can be hit after it." : NO_TRACE);
            return -1;
        }
        if (enabledBreakpoints() == 0) {
            say(
                    breakpoints.isEmpty()
                            ? "No breakpoints: add one with Ctrl+B."
                            : "Every breakpoint is disabled: enable one with Ctrl+B.");
            return -1;
        }
        int from = session.getCurrentStep();
        int stop = findStop(from, trace().size() - 1);
        settleAt(stop);
        if (breakpointSet().hitAt(index(), stop) == null) {
            say("No breakpoint hit after step " + from + "; moved to the end of the trace.");
        }
        return stop;
    }

    /**
     * Goes back to the previous event that matches a breakpoint (Shift+F8).
     *
     * @return the step moved to, or -1 if there is none
     */
    public int previousBreakpoint() {
        if (!hasTrace.get()) {
            say(NO_TRACE);
            return -1;
        }
        if (enabledBreakpoints() == 0) {
            say(
                    breakpoints.isEmpty()
                            ? "No breakpoints: add one with Ctrl+B."
                            : "Every breakpoint is disabled: enable one with Ctrl+B.");
            return -1;
        }
        int hit = breakpointSet().prevHit(index(), session.getCurrentStep());
        if (hit < 0) {
            say("No breakpoint hit before step " + session.getCurrentStep() + ".");
            return -1;
        }
        pause();
        moveTo(hit, true);
        announceHit(hit);
        return hit;
    }

    /**
     * Advances playback by at most {@code maxEvents} events, stopping early (and pausing) at the
     * end or on an event that matches a breakpoint. Called once per animation frame; public so
     * that playback can be tested without a running pulse.
     *
     * @return the number of events advanced
     */
    public int advancePlayback(int maxEvents) {
        if (!hasTrace.get() || maxEvents <= 0) {
            return 0;
        }
        int from = session.getCurrentStep();
        int last = trace().size() - 1;
        int limit = (int) Math.min((long) from + maxEvents, last);
        if (limit <= from) {
            pause();
            say("End of trace.");
            return 0;
        }
        int stop = findStop(from, limit);
        boolean stoppedEarly = stop < limit || hitsBreakpoint(stop) || stop == last;
        if (stoppedEarly) {
            settleAt(stop);
        } else {
            moveTo(stop, false);
        }
        return stop - from;
    }

    // ---- playback internals -----------------------------------------------------------------

    private void onFrame(long nowNanos) {
        if (lastFrameNanos == 0) {
            lastFrameNanos = nowNanos;
            return;
        }
        double seconds = (nowNanos - lastFrameNanos) / 1e9;
        lastFrameNanos = nowNanos;
        eventBudget = Math.min(eventBudget + Math.max(0.1, eventsPerSecond.get()) * seconds, MAX_EVENTS_PER_FRAME);
        int whole = (int) eventBudget;
        if (whole > 0) {
            eventBudget -= whole;
            advancePlayback(whole);
        }
    }

    /** The first step in (from, limit) that matches a breakpoint, else {@code limit}. */
    private int findStop(int from, int limit) {
        int hit = breakpointSet().nextHit(index(), from, limit);
        return hit >= 0 ? hit : limit;
    }

    private boolean hitsBreakpoint(int seq) {
        return breakpointSet().matches(index(), seq);
    }

    private int enabledBreakpoints() {
        int n = 0;
        for (Breakpoint b : breakpoints) {
            if (b.enabled()) {
                n++;
            }
        }
        return n;
    }

    /** The breakpoints as the replay index's set (cheap: a handful of records). */
    public BreakpointSet breakpointSet() {
        return BreakpointSet.of(breakpoints.toArray(new Breakpoint[0]));
    }

    /** Moves to {@code stop}, pauses, and says why it stopped there. */
    private void settleAt(int stop) {
        pause();
        Breakpoint hit = breakpointSet().hitAt(index(), stop);
        moveTo(stop, hit != null);
        if (hit != null) {
            announceHit(stop);
        } else if (stop == trace().size() - 1) {
            say("End of trace.");
        }
    }

    /** Says which breakpoint stopped the replay at {@code step}, and where: its number, step, time, block, and what it is. */
    private void announceHit(int step) {
        Breakpoint hit = breakpointSet().hitAt(index(), step);
        if (hit == null) {
            return;
        }
        int block = trace().block(step);
        // Where first: a narrow status bar cuts the end of the text, and the description is the longer part.
        say("Stopped at breakpoint " + (breakpoints.indexOf(hit) + 1) + " at #" + step + ", "
                + EventText.millis(trace().timeMicros(step)) + (block >= 0 ? ", block " + block : "") + ": "
                + hit.describe() + ".");
    }

    // ---- shared -------------------------------------------------------------------------------

    private void jumpToKind(EventKind kind, boolean forward) {
        if (!hasTrace.get()) {
            say(NO_TRACE);
            return;
        }
        int step = session.getCurrentStep();
        int target = forward ? index().nextOfKind(kind, step) : index().prevOfKind(kind, step);
        if (target < 0) {
            boolean none = index().countOfKind(kind) == 0;
            say(none ? "This trace has no " + kind + "." : "No " + (forward ? "later " : "earlier ") + kind + ".");
            return;
        }
        moveTo(target, true);
    }

    private void moveTo(int step, boolean selectItsBlock) {
        if (step < 0 || !hasTrace.get()) {
            return;
        }
        if (!playing.get()) {
            message.set("");
        }
        if (selectItsBlock && trace().block(step) >= 0) {
            session.selectedBlockProperty().set(trace().block(step));
        }
        session.selectedEventProperty().set(step);
        session.currentStepProperty().set(step);
    }

    private String fail(String text) {
        say(text);
        return text;
    }

    /**
     * Sets the message so that listeners hear it even when it repeats the last one: pressing F
     * twice at the last FPRE004 must say so twice (the status bar may show something else between).
     */
    private void say(String text) {
        message.set("");
        message.set(text);
    }

    /** The focus block, or -1 after saying that there is none. */
    private int focusBlockOrSay() {
        int block = focusBlock();
        if (block < 0) {
            say(hasTrace.get() ? "This event has no block: select a block on the timeline first." : NO_TRACE);
        }
        return block;
    }

    /** The selected block, or the block of the event under the cursor; -1 if neither. */
    public int focusBlock() {
        if (!hasTrace.get()) {
            return -1;
        }
        int selected = session.selectedBlockProperty().get();
        if (selected >= 0) {
            return selected;
        }
        int step = session.getCurrentStep();
        return step >= 0 && step < trace().size() ? trace().block(step) : -1;
    }

    private void refresh() {
        LoadedTrace loaded = session.getTrace();
        boolean open = loaded != null && loaded.trace().size() > 0;
        hasTrace.set(open);
        if (!open) {
            for (ReadOnlyBooleanWrapper w : new ReadOnlyBooleanWrapper[] {
                canStepForward, canStepBack, canNextTransition, canPrevTransition,
                canNextCheck, canPrevCheck, canNextFpre004, canPrevFpre004
            }) {
                w.set(false);
            }
            position.set("No trace");
            if (playing.get()) {
                pause();
            }
            return;
        }
        TraceIndex index = loaded.index();
        Trace trace = loaded.trace();
        int step = session.getCurrentStep();
        int last = trace.size() - 1;
        canStepForward.set(step < last);
        canStepBack.set(step > 0);
        int block = focusBlock();
        canNextTransition.set(block >= 0 && index.nextTransitionOfBlock(block, step) >= 0);
        canPrevTransition.set(block >= 0 && index.prevTransitionOfBlock(block, step) >= 0);
        canNextCheck.set(index.nextOfKind(EventKind.VERIFY_CHECK, step) >= 0);
        canPrevCheck.set(index.prevOfKind(EventKind.VERIFY_CHECK, step) >= 0);
        canNextFpre004.set(index.nextOfKind(EventKind.FPRE004, step) >= 0);
        canPrevFpre004.set(index.prevOfKind(EventKind.FPRE004, step) >= 0);
        position.set(positionText(trace, step));
    }

    private static String positionText(Trace trace, int step) {
        int last = trace.size() - 1;
        return step < 0
                ? "Before the first event of " + trace.size()
                : "Step " + step + " / " + last + " · " + EventText.millis(trace.timeMicros(step));
    }

    /**
     * The widest the position text gets on the open trace (at its last step, with every digit an
     * 8), so that the view can give it a fixed width and the controls around it do not move while
     * stepping.
     */
    public String widestPosition() {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null || loaded.trace().size() == 0) {
            return position.get();
        }
        String atEnd = positionText(loaded.trace(), loaded.trace().size() - 1);
        String beforeStart = positionText(loaded.trace(), -1);
        return (atEnd.length() >= beforeStart.length() ? atEnd : beforeStart).replaceAll("[0-9]", "8");
    }

    private Trace trace() {
        return session.getTrace().trace();
    }

    private TraceIndex index() {
        return session.getTrace().index();
    }

    // ---- properties ---------------------------------------------------------------------------

    public ReadOnlyBooleanProperty hasTraceProperty() {
        return hasTrace.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStepForwardProperty() {
        return canStepForward.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStepBackProperty() {
        return canStepBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextTransitionProperty() {
        return canNextTransition.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPreviousTransitionProperty() {
        return canPrevTransition.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextCheckProperty() {
        return canNextCheck.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPreviousCheckProperty() {
        return canPrevCheck.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextFpre004Property() {
        return canNextFpre004.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPreviousFpre004Property() {
        return canPrevFpre004.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** Playback speed, events per second. */
    public DoubleProperty eventsPerSecondProperty() {
        return eventsPerSecond;
    }

    /** E.g. {@code Step 12 / 345 · 12.300 ms}. */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** Why playback stopped, or why a command could not apply; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Active breakpoints; FPRE004 is one by default. Playback stops on the first match. */
    public ObservableList<Breakpoint> breakpoints() {
        return breakpoints;
    }
}
