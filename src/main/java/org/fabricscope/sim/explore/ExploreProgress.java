package org.fabricscope.sim.explore;

import org.fabricscope.trace.Progress;

/**
 * A {@link Progress} that also hears how far an exploration has got in its own terms, for a live
 * display (the GUI's Explore panel). Called on the exploring thread, every few dozen runs.
 */
public interface ExploreProgress extends Progress {
    /**
     * @param schedules runs so far
     * @param distinctStates states hashed so far (0 without reduction)
     * @param failing runs so far that raised FPRE004
     */
    void explored(long schedules, long distinctStates, long failing);
}
