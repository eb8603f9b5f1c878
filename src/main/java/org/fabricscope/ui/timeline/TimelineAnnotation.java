package org.fabricscope.ui.timeline;

import java.util.Objects;

/**
 * Something the user attached to the timeline: a bookmark or note on one moment (a flag), or a
 * note on a time range (a bracket). The timeline draws it over the lanes and shows {@code text}
 * when the mouse points at it.
 *
 * @param startMicros the moment, or the range's start
 * @param endMicros the range's end; equal to the start for a moment
 * @param text what the tooltip says
 * @param bookmark true for a bookmark (blue), false for a note (amber)
 */
public record TimelineAnnotation(long startMicros, long endMicros, String text, boolean bookmark) {
    public TimelineAnnotation {
        Objects.requireNonNull(text, "text");
        if (endMicros < startMicros) {
            throw new IllegalArgumentException("an annotation's range runs forward");
        }
    }

    /** True for a note on a time range (a bracket rather than a flag). */
    public boolean isRange() {
        return endMicros > startMicros;
    }
}
