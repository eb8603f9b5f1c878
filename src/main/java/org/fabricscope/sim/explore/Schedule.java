package org.fabricscope.sim.explore;

import java.util.List;

/**
 * One explored schedule: the index taken at each choice point, which with the scenario, seed,
 * attempt, patch and bounds re-runs it exactly.
 *
 * @param choices the chosen index at each choice point, in run order
 * @param points the choice points themselves (what was chosen, when)
 * @param events events of the run
 * @param firstFpre004Seq sequence number of its first FPRE004, or -1
 */
public record Schedule(int[] choices, List<ChoicePoint> points, int events, int firstFpre004Seq) {
    public Schedule {
        choices = choices.clone();
        points = List.copyOf(points);
    }

    /** Events up to and including the first FPRE004 (the schedule's length as a counterexample). */
    public int eventsToFpre004() {
        return firstFpre004Seq < 0 ? -1 : firstFpre004Seq + 1;
    }

    public boolean fails() {
        return firstFpre004Seq >= 0;
    }
}
