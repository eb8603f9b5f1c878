package org.fabricscope.sim.explore;

import java.util.List;
import org.fabricscope.trace.PatchSwitches;

/**
 * What an exploration found.
 *
 * @param runs simulator runs made (each a schedule, or a prefix of one cut where it reached an
 *     already explored state)
 * @param cut runs cut short by the state hash (0 without reduction)
 * @param distinctStates distinct states hashed (0 without reduction)
 * @param complete false when stopped by {@code maxSchedules}: then nothing is proved
 * @param failing runs that raised FPRE004
 * @param shortest the failing schedule with the fewest events up to its FPRE004, or null
 * @param nearestPassing a passing schedule that differs from {@code shortest} in one choice, or null
 * @param violation the first schedule whose trace broke an invariant, or null
 * @param violations that schedule's violations
 * @param maxChoicePoints the most choice points seen in one run
 */
public record ExploreResult(
        String scenario,
        PatchSwitches patch,
        ExploreBounds bounds,
        boolean reduction,
        long runs,
        long cut,
        long distinctStates,
        boolean complete,
        long failing,
        Schedule shortest,
        Schedule nearestPassing,
        Schedule violation,
        List<String> violations,
        int maxChoicePoints) {
    public ExploreResult {
        violations = List.copyOf(violations);
    }

    /** The verdict in one line, with the bounds. */
    public String verdict() {
        String within = "within these bounds (" + bounds.describe() + ")";
        if (shortest != null && !complete) {
            return "FPRE004 reachable: a schedule of " + shortest.eventsToFpre004() + " events to FPRE004 (" + failing
                    + " of " + runs + " schedules fail); the search stopped at the schedule limit, so a shorter one"
                    + " may exist " + within;
        }
        if (shortest != null) {
            return "FPRE004 reachable: shortest schedule " + shortest.eventsToFpre004() + " events to FPRE004 ("
                    + failing + " of " + runs + " schedules fail) " + within;
        }
        if (!complete) {
            return "no FPRE004 in the " + runs
                    + " schedules explored before the schedule limit: INCOMPLETE, nothing proved";
        }
        return "no FPRE004 in any of " + runs + " schedules " + within;
    }
}
