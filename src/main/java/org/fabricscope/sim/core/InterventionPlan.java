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
 * the same up to there. Lookups only: nothing here is iterated in hash order.
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
    /** For each shifted timer: identity of the first event it emitted in the fork. */
    private final Map<Long, Long> shiftedTimerFirstId = new HashMap<>();

    private InterventionPlan(Set<Long> probeTargets, Map<Long, Long> shiftByTimer, Set<Long> drops) {
        this.probeTargets = probeTargets;
        this.shiftByTimer = shiftByTimer;
        this.drops = drops;
    }

    /** A probe for these event identities. */
    public static InterventionPlan probe(List<Long> targets) {
        return new InterventionPlan(new HashSet<>(targets), Map.of(), Set.of());
    }

    /** A fork: timer number to shift (µs, negative earlier), and identities to drop. */
    public static InterventionPlan fork(Map<Long, Long> shiftByTimer, Set<Long> drops) {
        return new InterventionPlan(Set.of(), new HashMap<>(shiftByTimer), new HashSet<>(drops));
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
        if (seq == firstSeq && shiftByTimer.containsKey(timer)) {
            shiftedTimerFirstId.putIfAbsent(timer, id);
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

    /** The identity of the first event the shifted timer emitted in the fork, or null if it never fired. */
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
