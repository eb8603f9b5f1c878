package org.fabricscope.ui.timeline;

import javafx.scene.layout.Region;
import org.fabricscope.ui.session.TraceSession;

/**
 * API CONTRACT STUB: the timeline helper replaces this with the Canvas-based timeline. It follows
 * the session's trace, cursor, selection and filter, and writes the selection when clicked.
 */
public class TimelineControl extends Region {
    private final TraceSession session;

    public TimelineControl(TraceSession session) {
        this.session = session;
        getStyleClass().add("timeline");
    }

    public TraceSession session() {
        return session;
    }

    /** Fits the whole trace into the viewport. */
    public void fitAll() {}

    /** Zooms in (factor &gt; 1) or out around the viewport's centre. */
    public void zoom(double factor) {}

    /** Scrolls horizontally so that the current step is visible. */
    public void revealCurrentStep() {}
}
