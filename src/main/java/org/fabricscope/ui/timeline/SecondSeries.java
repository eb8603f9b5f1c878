package org.fabricscope.ui.timeline;

import javafx.concurrent.Task;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;

/**
 * Compare mode's trace B on the one timeline: follows B's session, indexes B with the same
 * machinery as A ({@link TimelineModel}'s state series, drawn through {@link SeriesLod}, and a
 * {@link MarkerIndex}; in the background when B is large) into the frame's B fields, and keeps the
 * frame's B cursor and selected event. The control splits its lanes while B's data is there.
 */
final class SecondSeries {
    private final TraceSession session;
    private final FrameState frame;
    /** Called when B's data comes or goes (the lanes change height). */
    private final Runnable onData;
    /** Called when B's cursor or selection moves (a redraw). */
    private final Runnable onView;

    private Trace trace;
    private Task<?> building;
    private int[] nodeLaneIds = new int[0];

    SecondSeries(TraceSession session, FrameState frame, int[] nodeLaneIds, Runnable onData, Runnable onView) {
        this.session = session;
        this.frame = frame;
        this.nodeLaneIds = nodeLaneIds.clone();
        this.onData = onData;
        this.onView = onView;
        session.traceProperty().addListener((o, was, now) -> open(now));
        session.currentStepProperty().addListener((o, was, now) -> {
            frame.currentStepB = now.intValue();
            onView.run();
        });
        session.selectedEventProperty().addListener((o, was, now) -> {
            frame.selectedEventB = now.intValue();
            onView.run();
        });
        frame.currentStepB = session.getCurrentStep();
        frame.selectedEventB = session.selectedEventProperty().get();
        open(session.getTrace());
    }

    TraceSession session() {
        return session;
    }

    /** B's trace (null when not comparing). */
    Trace trace() {
        return trace;
    }

    /** Focus mode's actor-on-a-node lanes: B's markers need them too (re-indexed if missing). */
    void ensureNodeLanes(int[] ids) {
        if (trace != null && frame.markersB != null && !frame.markersB.hasNodeLanes(ids)) {
            nodeLaneIds = ids.clone();
            build(frame.modelB);
        }
    }

    private void open(LoadedTrace loaded) {
        cancel();
        trace = loaded == null ? null : loaded.trace();
        boolean had = frame.modelB != null;
        frame.modelB = null;
        frame.markersB = null;
        if (had) {
            // Unsplit while another B is indexed (in the background, when large).
            onData.run();
        }
        if (trace != null) {
            build(null);
        }
    }

    /** Indexes B (its model only when {@code model} is null), then shows it. */
    private void build(TimelineModel model) {
        cancel();
        Trace t = trace;
        if (t.size() <= TimelineControl.BACKGROUND_BUILD_EVENTS) {
            TimelineModel m = model != null ? model : TimelineModel.build(t, Progress.NONE);
            apply(new TimelineControl.Built(m, MarkerIndex.build(t, null, nodeLaneIds, Progress.NONE)));
            return;
        }
        TimelineControl.IndexTask task = new TimelineControl.IndexTask(t, model, null, nodeLaneIds);
        task.setOnSucceeded(e -> {
            if (building == task && trace == t) {
                building = null;
                apply(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            // B was indexed once already (to diff it), so this does not fail in practice; the
            // lanes then stay unsplit, and the Compare tab still lists the differences.
            if (building == task) {
                building = null;
            }
        });
        building = task;
        Thread worker = new Thread(task, "timeline-index-b");
        worker.setDaemon(true);
        worker.start();
    }

    private void apply(TimelineControl.Built built) {
        frame.modelB = built.model();
        frame.markersB = built.markers();
        onData.run();
    }

    private void cancel() {
        if (building != null) {
            building.cancel();
            building = null;
        }
    }
}
