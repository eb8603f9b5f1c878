package org.fabricscope.ui.workspace;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What sessions need of compare mode: where the comparison stands, to save it, and a way to
 * compare again on restore. The window adapts its compare view model to this, so sessions know no
 * compare class and can be tested with a fake.
 */
public interface ComparePort {
    /**
     * Compare mode's state: B's file, the current difference (-1: none), the differences-only
     * filter and the inspected block (-1: none).
     */
    record State(Path fileB, int difference, boolean differencesOnly, int inspectedBlock) {}

    /**
     * The state to save: null when not comparing. {@code fileB} is null when B has no file (a
     * what-if fork or a re-run), which a session cannot name.
     */
    State state();

    /**
     * Compares the open trace with {@code s.fileB()} in the background and restores the rest of
     * {@code s}; A's cursor ends on {@code stepA} if the difference put it elsewhere. If B cannot be
     * read or compared, {@code failed} gets one line and A stays as it is.
     */
    void restore(State s, int stepA, Consumer<String> failed);

    /** No compare mode (tests of sessions alone). */
    ComparePort NONE = new ComparePort() {
        @Override
        public State state() {
            return null;
        }

        @Override
        public void restore(State s, int stepA, Consumer<String> failed) {
            failed.accept("compare mode is not available here");
        }
    };
}
