package org.fabricscope.ui.workspace;

import java.util.Objects;

/**
 * One row of the bookmarks panel: a bookmark (a named step), a note on a step, or a note on a time
 * range.
 *
 * @param kind bookmark or note
 * @param text the bookmark's name or the note's text
 * @param step the step, or -1 for a note on a range
 * @param startMicros the step's time, or the range's start
 * @param endMicros the step's time, or the range's end
 */
public record Mark(Kind kind, String text, int step, long startMicros, long endMicros) {
    public enum Kind {
        BOOKMARK,
        NOTE
    }

    public Mark {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (kind == Kind.BOOKMARK && step < 0) {
            throw new IllegalArgumentException("a bookmark is on a step");
        }
        if (endMicros < startMicros) {
            throw new IllegalArgumentException("a range runs forward");
        }
    }

    public boolean isRange() {
        return step < 0;
    }

    public Mark withText(String newText) {
        return new Mark(kind, newText, step, startMicros, endMicros);
    }
}
