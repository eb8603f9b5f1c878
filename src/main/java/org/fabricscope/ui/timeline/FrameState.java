package org.fabricscope.ui.timeline;

/**
 * What one frame shows besides the scale and the lanes: the model, the cursor, the selection,
 * and interaction overlays. Mutable, owned by the FX thread.
 */
final class FrameState {
    TimelineModel model;
    MarkerIndex markers;
    int currentStep = -1;
    int selectedEvent = -1;
    int selectedBlock = -1;
    /** Events whose cause is the selected event. */
    int[] effects = new int[0];
    /** A time-range drag in progress, in plot x; NaN when none. */
    double rangeX0 = Double.NaN;

    double rangeX1 = Double.NaN;
    /** Shown instead of the lanes while there is nothing to draw (no trace, building). */
    String message = "No trace open";
    /** Bookmarks and notes, drawn over the lanes. */
    java.util.List<TimelineAnnotation> annotations = java.util.List.of();
}
