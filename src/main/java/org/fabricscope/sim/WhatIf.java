package org.fabricscope.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fabricscope.sim.core.InterventionPlan;
import org.fabricscope.sim.core.InterventionPlan.Sighting;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Intervention;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.TraceHeader;

/**
 * What-if forks: the same scenario, seed, attempt and switches with {@link Intervention}s, each
 * naming an event of the run without interventions by its identity.
 *
 * <p><b>How it stays deterministic.</b> A fork is two runs. The first is the original run, which
 * notes for each named event the timer that emitted it (timers are numbered in the order they are
 * set) and when that timer was set. The second is the fork: the same run in which those timers fire
 * {@code deltaMicros} later or earlier, and in which the actors skip a dropped event (a write, an
 * ACK, a prefetch fill) when they come to it. Both runs are the same up to the first intervention,
 * so timer numbers and identities agree there; after the fork, the engine checks that each
 * intervention hit the event it named. The interventions go into the trace header: re-running the
 * header gives the same bytes.
 *
 * <p><b>What can be moved.</b> Any event of a timed step (an ACK, a prefetch fill landing, a
 * verifier's read…). The step moves as a whole: the events of that instant that follow from the same
 * timer (the release after an ACK, the READY after a fill) move with it. It can move earlier only down
 * to the moment its timer was set (its cause: the ACK cannot come before the data reached the
 * media), and no event can move before time 0. Events of the initial state (time 0, before any
 * timer) cannot move. What can be dropped:
 * {@code WRITE_ISSUE} (the write never happens), {@code WRITE_ACK} (a lost ACK: the write keeps
 * the lock) and {@code PREFETCH_START} (the fill never starts).
 *
 * <p><b>What can be reordered.</b> A timed step can be held back until a later event's step has run
 * ("run after"), then runs at that event's time, before anything else. Refused when the later event
 * follows from the held step (its timer was set, directly or through other steps, by it), when it
 * is the same step, or when it already comes first.
 */
public final class WhatIf {
    /** The kinds an intervention may drop, and what dropping each means. */
    public static final List<EventKind> DROPPABLE =
            List.of(EventKind.WRITE_ISSUE, EventKind.WRITE_ACK, EventKind.PREFETCH_START);

    private WhatIf() {}

    /**
     * Runs the fork and returns its recorded result, the header holding the interventions.
     *
     * @throws InterventionException naming the intervention (by position and description) and why
     *     it cannot be applied
     */
    public static SimulationResult fork(
            Scenario scenario,
            long seed,
            int attempt,
            PatchSwitches patch,
            List<Intervention> interventions,
            Progress progress)
            throws InterventionException {
        if (interventions.isEmpty()) {
            return Simulator.run(scenario, seed, attempt, patch, true, progress);
        }
        List<Long> targets = new ArrayList<>();
        for (int i = 0; i < interventions.size(); i++) {
            Intervention iv = interventions.get(i);
            if (targets.contains(iv.event())) {
                throw new InterventionException(label(interventions, i) + ": the event " + iv.eventKey()
                        + " is already changed by an earlier intervention; give one change per event");
            }
            targets.add(iv.event());
        }
        for (Intervention iv : interventions) {
            if (iv.runAfter() && !targets.contains(iv.afterEvent())) {
                targets.add(iv.afterEvent());
            }
        }
        String run = "scenario " + scenario.name() + ", seed " + seed + ", attempt " + attempt + ", patch " + patch;
        InterventionPlan probe = InterventionPlan.probe(targets);
        Simulator.runDetailed(scenario, seed, attempt, patch, false, progress.part(0, 0.5), probe, List.of());

        Map<Long, Long> shifts = new HashMap<>();
        Set<Long> drops = new HashSet<>();
        Map<Long, Long> holds = new HashMap<>();
        List<Long> shiftTimerOf = new ArrayList<>();
        for (int i = 0; i < interventions.size(); i++) {
            Intervention iv = interventions.get(i);
            String label = label(interventions, i);
            Sighting s = probe.sighting(iv.event());
            if (s == null) {
                throw new InterventionException(label + ": no event of the run (" + run + ") has the key "
                        + iv.eventKey() + "; keys are the event identities of the run without interventions"
                        + " (diff --json and the window show them)");
            }
            String what = s.kind() + " #" + s.seq() + " (" + s.actor() + (s.block() >= 0 ? ", block " + s.block() : "")
                    + ", at " + s.timeMicros() + " µs)";
            if (iv.drop()) {
                if (!DROPPABLE.contains(s.kind())) {
                    throw new InterventionException(label + ": cannot drop " + what + "; only WRITE_ISSUE (the write),"
                            + " WRITE_ACK (a lost ACK) and PREFETCH_START (the fill) can be dropped");
                }
                drops.add(iv.event());
                shiftTimerOf.add(null);
                continue;
            }
            if (s.timer() < 0) {
                throw new InterventionException(
                        label + ": cannot move " + what + "; it is part of the run's initial state, not a timed step");
            }
            if (iv.runAfter()) {
                holds.put(s.timer(), checkReorder(probe, label, run, iv, s, what, shifts, holds));
                shiftTimerOf.add(s.timer());
                continue;
            }
            long at;
            try {
                at = Math.addExact(s.timeMicros(), iv.deltaMicros());
            } catch (ArithmeticException e) {
                throw new InterventionException(label + ": cannot move " + what + " by " + iv.deltaMicros()
                        + " µs; that is beyond the simulated clock's range");
            }
            if (at < 0) {
                throw new InterventionException(
                        label + ": cannot move " + what + " to a negative time (" + at + " µs)");
            }
            if (at < s.timerSetMicros()) {
                throw new InterventionException(label + ": cannot advance " + what + " by "
                        + Math.negateExact(iv.deltaMicros())
                        + " µs; it was set in motion at " + s.timerSetMicros() + " µs by the step that causes it,"
                        + " so it can move at most " + (s.timeMicros() - s.timerSetMicros()) + " µs earlier");
            }
            if (shifts.containsKey(s.timer()) || holds.containsKey(s.timer())) {
                throw new InterventionException(label + ": moves the same step as an earlier intervention");
            }
            shifts.put(s.timer(), iv.deltaMicros());
            shiftTimerOf.add(s.timer());
        }

        InterventionPlan fork = InterventionPlan.fork(shifts, drops, holds);
        SimulationResult result = Simulator.runDetailed(
                        scenario, seed, attempt, patch, true, progress.part(0.5, 1), fork, interventions)
                .result();
        for (int i = 0; i < interventions.size(); i++) {
            Intervention iv = interventions.get(i);
            if (iv.runAfter() && !fork.releasedHeld(shiftTimerOf.get(i))) {
                throw new InterventionException(label(interventions, i) + ": once its step is held back, the run"
                        + " no longer reaches " + iv.afterEventKey() + " (that event needs what the held step does),"
                        + " so it cannot run after it");
            }
            boolean hit = iv.drop()
                    ? fork.dropApplied(iv.event())
                    : Long.valueOf(probe.sighting(iv.event()).firstIdOfFiring())
                            .equals(fork.firstIdOfShiftedTimer(shiftTimerOf.get(i)));
            if (!hit) {
                throw new InterventionException(label(interventions, i) + ": once the interventions before it are"
                        + " applied, the run no longer reaches that event as it was; fork one change at a time");
            }
        }
        return result;
    }

    /** Re-runs the fork a trace header describes (its scenario, seed, attempt, switches and interventions). */
    public static SimulationResult rerun(TraceHeader header, Progress progress) throws ScenarioException {
        Scenario scenario = Scenario.fromParameters(header.scenarioName(), header.parameters());
        return fork(scenario, header.seed(), header.attempt(), header.patch(), header.interventions(), progress);
    }

    /**
     * A reorder is possible when both events are timed steps, the moved one comes first in the run,
     * and the later one does not follow from it (its step was not set in motion, directly or through
     * other steps, by the moved step): then the later step happens without the moved one, and the
     * moved one can wait for it. Returns the identity that releases the held step.
     */
    private static long checkReorder(
            InterventionPlan probe,
            String label,
            String run,
            Intervention iv,
            Sighting s,
            String what,
            Map<Long, Long> shifts,
            Map<Long, Long> holds)
            throws InterventionException {
        Sighting after = probe.sighting(iv.afterEvent());
        if (after == null) {
            throw new InterventionException(
                    label + ": no event of the run (" + run + ") has the key " + iv.afterEventKey() + " to run after");
        }
        String afterWhat = after.kind() + " #" + after.seq() + " (" + after.actor()
                + (after.block() >= 0 ? ", block " + after.block() : "") + ", at " + after.timeMicros() + " µs)";
        if (after.seq() < s.seq()) {
            throw new InterventionException(label + ": " + what + " already runs after " + afterWhat);
        }
        if (after.timer() == s.timer()) {
            throw new InterventionException(
                    label + ": " + what + " and " + afterWhat + " are the same step; they cannot be reordered");
        }
        if (probe.followsFrom(after.timer(), s.timer())) {
            throw new InterventionException(label + ": cannot run " + what + " after " + afterWhat
                    + "; that event follows from its step (a causal dependency), so it cannot happen first");
        }
        if (shifts.containsKey(s.timer()) || holds.containsKey(s.timer())) {
            throw new InterventionException(label + ": moves the same step as an earlier intervention");
        }
        if (holds.containsValue(iv.afterEvent())) {
            throw new InterventionException(label + ": another step already runs after " + iv.afterEventKey());
        }
        return iv.afterEvent();
    }

    private static String label(List<Intervention> all, int i) {
        return "intervention " + (i + 1) + " (" + all.get(i).describe() + ")";
    }
}
