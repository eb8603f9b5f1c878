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

    /**
     * Compare mode: trace B's model and markers, drawn in the lower half of every lane on A's time
     * axis, with B's cursor and selected event; null and -1 outside compare mode.
     */
    TimelineModel modelB;

    MarkerIndex markersB;
    int currentStepB = -1;
    int selectedEventB = -1;

    /** Whether lanes are split: A in the upper half, B in the lower. */
    boolean split() {
        return model != null && modelB != null && markersB != null;
    }
}
