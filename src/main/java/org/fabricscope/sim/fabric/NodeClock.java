package org.fabricscope.sim.fabric;

/**
 * A node's own clock: local = offset + real × (1 + drift). Actors on a node measure their delays
 * on this clock, so a node whose clock runs fast fires its timers early in real (simulated) time.
 *
 * <p>Rules: drift is bounded to ±1000 ppm by the scenario, so a local delay never maps to a
 * non-positive real one, and offsets only shift periodic schedules.
 */
public final class NodeClock {
    private final long offsetMicros;
    private final int driftPpm;

    public NodeClock(long offsetMicros, int driftPpm) {
        this.offsetMicros = offsetMicros;
        this.driftPpm = driftPpm;
    }

    public long offsetMicros() {
        return offsetMicros;
    }

    public int driftPpm() {
        return driftPpm;
    }

    /** Real microseconds that pass while this clock advances {@code localMicros}. */
    public long realDelay(long localMicros) {
        if (driftPpm == 0) {
            return localMicros;
        }
        return Math.max(0, Math.round(localMicros * 1_000_000.0 / (1_000_000.0 + driftPpm)));
    }

    /** Local reading at real time {@code realMicros}. */
    public long localTime(long realMicros) {
        return offsetMicros + realMicros + Math.round(realMicros * (driftPpm / 1_000_000.0));
    }

    /** Real time at which this clock reads {@code localMicros} (not before 0). */
    public long realTimeOf(long localMicros) {
        return Math.max(0, Math.round((localMicros - offsetMicros) * 1_000_000.0 / (1_000_000.0 + driftPpm)));
    }
}
