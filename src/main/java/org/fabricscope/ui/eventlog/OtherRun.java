package org.fabricscope.ui.eventlog;

import javafx.beans.Observable;
import org.fabricscope.trace.Trace;

/**
 * A second run merged into the event log (compare mode): the log then shows the open run's (A's)
 * events plus one row for each event only the other run (B) has, at its place in A's order, and
 * can keep only the rows that differ. The log knows nothing of how runs are aligned: whoever
 * compares them (the compare feature) answers these questions.
 */
public interface OtherRun {
    /** Run B. */
    Trace trace();

    /** Run A, the open trace it was aligned with (the log ignores a run aligned with another). */
    Trace base();

    /** B's events that A does not have, ascending. */
    int[] onlyHere();

    /**
     * Where B's only-in-B event {@code seqB} goes among A's events: before A's event with this
     * sequence number ({@code A.size()} for the end). Not necessarily ascending in {@code seqB}.
     */
    int placeInA(int seqB);

    /** A's events that differ from B (changed, only in A), ascending. */
    int[] differencesInA();

    /**
     * The only-in-B event the cursors stand on (B's cursor on it, A's at the gap where it would
     * be), or -1: its row is then the selected one.
     */
    int cursorOnOnlyHere();

    /** Changes when {@link #cursorOnOnlyHere} may have changed (B's cursor moved). */
    Observable cursorChanges();

    /** A user picked B's row of {@code seqB}: move B's cursor to it and A's to the gap. */
    void select(int seqB);

    /** The style class of A's row of {@code seqA} ({@code diff-changed}, {@code diff-only-a}) or null. */
    String rowClassOfA(int seqA);
}
