package org.fabricscope.sim.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fabricscope.trace.EventIdentity;
import org.fabricscope.trace.EventKind;

/**
 * What the engine does about interventions in one run: either it <em>probes</em> (an unchanged run
 * that notes, for each targeted event identity, which timer emitted it and when that timer was set)
 * or it <em>forks</em> (timers whose number is shifted fire earlier or later; events whose identity
 * is dropped are not emitted by the actors that ask {@link Engine#dropped}). Timers are numbered in
 * scheduling order, which is the same in both runs up to the first intervention, since the runs are
 * the same up to there. A reorder <em>holds</em> a timer instead of queueing it, and releases it
 * right after the step that emits the named later event. Lookups only: nothing here is iterated in
 * hash order.
 */
public final class InterventionPlan {
    /** What the probe saw of one targeted event. */
    public record Sighting(
            int seq,
            EventKind kind,
            String actor,
            int block,
            long timeMicros,
            long timer,
            long timerSetMicros,
            int firstSeqOfFiring,
            long firstIdOfFiring,
            EventKind firstKindOfFiring) {}

    private final Set<Long> probeTargets;
    private final Map<Long, Sighting> sightings = new HashMap<>();
    private final Map<Long, Long> shiftByTimer;
    private final Set<Long> drops;
    private final Set<Long> dropsApplied = new HashSet<>();
    /** For each shifted or held timer: identity of the first event it emitted in the fork. */
    private final Map<Long, Long> shiftedTimerFirstId = new HashMap<>();
    /** Reorders: held timer number to the identity of the event after whose step it runs. */
    private final Map<Long, Long> afterIdByHeldTimer;
    /** Reorders: identity of the later event to the held timer it releases. */
    private final Map<Long, Long> heldTimerByAfterId = new HashMap<>();
    /** Held timers' actions, once scheduled, until released. */
    private final Map<Long, Action> heldActions = new HashMap<>();
    /** Held timers whose releasing event has been emitted; they fire once the current step ends. */
    private final List<Action> released = new ArrayList<>();

    private final Set<Long> releasedTimers = new HashSet<>();
    /** Probe only: for each timer (by number), the timer whose step scheduled it (-1: the initial state). */
    private long[] setterOfTimer = new long[0];

    private InterventionPlan(
            Set<Long> probeTargets, Map<Long, Long> shiftByTimer, Set<Long> drops, Map<Long, Long> afterIdByHeldTimer) {
        this.probeTargets = probeTargets;
        this.shiftByTimer = shiftByTimer;
        this.drops = drops;
        this.afterIdByHeldTimer = afterIdByHeldTimer;
        afterIdByHeldTimer.forEach((timer, after) -> heldTimerByAfterId.put(after, timer));
    }

    /** A probe for these event identities. */
    public static InterventionPlan probe(List<Long> targets) {
        InterventionPlan p = new InterventionPlan(new HashSet<>(targets), Map.of(), Set.of(), new HashMap<>());
        p.setterOfTimer = new long[1024];
        return p;
    }

    /** A fork: timer number to shift (µs, negative earlier), and identities to drop. */
    public static InterventionPlan fork(Map<Long, Long> shiftByTimer, Set<Long> drops) {
        return fork(shiftByTimer, drops, Map.of());
    }

    /**
     * A fork that also reorders: each held timer (by number) fires right after the step that emits
     * the event whose identity it maps to.
     */
    public static InterventionPlan fork(
            Map<Long, Long> shiftByTimer, Set<Long> drops, Map<Long, Long> afterIdByHeldTimer) {
        return new InterventionPlan(
                Set.of(), new HashMap<>(shiftByTimer), new HashSet<>(drops), new HashMap<>(afterIdByHeldTimer));
    }

    boolean isHeld(long timer) {
        return afterIdByHeldTimer.containsKey(timer) && !releasedTimers.contains(timer);
    }

    void hold(long timer, Action action) {
        heldActions.put(timer, action);
    }

    /** The next held step to run now (its releasing step has ended), or null. */
    Action takeReleased() {
        return released.isEmpty() ? null : released.remove(0);
    }

    /** True if the held timer was released by its event and ran. */
    public boolean releasedHeld(long timer) {
        return releasedTimers.contains(timer);
    }

    void noteScheduled(long timer, long setter) {
        if (setterOfTimer.length == 0) {
            return;
        }
        if (timer >= setterOfTimer.length) {
            setterOfTimer =
                    java.util.Arrays.copyOf(setterOfTimer, (int) Math.max(timer + 1, 2L * setterOfTimer.length));
        }
        setterOfTimer[(int) timer] = setter;
    }

    /**
     * Probe only: true if the step of timer {@code later} was set in motion, directly or through a
     * chain of steps, by the step of timer {@code earlier}. A timer's setter always has a smaller
     * number, so the walk stops as soon as it passes below {@code earlier}.
     */
    public boolean followsFrom(long later, long earlier) {
        long t = later;
        while (t > earlier) {
            t = setterOfTimer[(int) t];
        }
        return t == earlier;
    }

    boolean isProbe() {
        return !probeTargets.isEmpty();
    }

    long shiftOf(long timer) {
        Long d = shiftByTimer.get(timer);
        return d == null ? 0 : d;
    }

    boolean isShifted(long timer) {
        return shiftByTimer.containsKey(timer);
    }

    void noteEmitted(
            long id,
            int seq,
            EventKind kind,
            String actor,
            int block,
            long now,
            long timer,
            long timerSet,
            int firstSeq,
            long firstId,
            EventKind firstKind) {
        if (probeTargets.contains(id) && !sightings.containsKey(id)) {
            sightings.put(
                    id, new Sighting(seq, kind, actor, block, now, timer, timerSet, firstSeq, firstId, firstKind));
        }
        if (seq == firstSeq && (shiftByTimer.containsKey(timer) || afterIdByHeldTimer.containsKey(timer))) {
            shiftedTimerFirstId.putIfAbsent(timer, id);
        }
        Long held = heldTimerByAfterId.get(id);
        if (held != null && !releasedTimers.contains(held) && heldActions.containsKey(held)) {
            releasedTimers.add(held);
            released.add(heldActions.remove(held));
        }
    }

    boolean drops(long id) {
        if (drops.contains(id)) {
            dropsApplied.add(id);
            return true;
        }
        return false;
    }

    /** What the probe saw of {@code id}, or null if no event had it. */
    public Sighting sighting(long id) {
        return sightings.get(id);
    }

    /** True if the fork dropped an event with this identity. */
    public boolean dropApplied(long id) {
        return dropsApplied.contains(id);
    }

    /**
     * The identity of the first event the shifted (or held) timer emitted in the fork, or null if it
     * never fired.
     */
    public Long firstIdOfShiftedTimer(long timer) {
        return shiftedTimerFirstId.get(timer);
    }

    /** For messages. */
    public static String key(long id) {
        return EventIdentity.text(id);
    }

    /** The shifted timers (for checks after the fork); a copy in no particular order. */
    public List<Long> shiftedTimers() {
        return new ArrayList<>(shiftByTimer.keySet());
    }
}
