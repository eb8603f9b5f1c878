package org.fabricscope.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fabricscope.trace.Trace;

/**
 * The breakpoints the replay stops at: an event is a hit if any breakpoint matches it. Immutable;
 * {@link #with} and {@link #without} return new sets, so a view model can hold one in a property.
 */
public final class BreakpointSet {
    private static final BreakpointSet EMPTY = new BreakpointSet(List.of());

    private final List<Breakpoint> breakpoints;

    private BreakpointSet(List<Breakpoint> breakpoints) {
        this.breakpoints = List.copyOf(breakpoints);
    }

    public static BreakpointSet empty() {
        return EMPTY;
    }

    public static BreakpointSet of(Breakpoint... breakpoints) {
        return new BreakpointSet(List.of(breakpoints));
    }

    /** This set plus {@code b} (unchanged if {@code b} is already in it). */
    public BreakpointSet with(Breakpoint b) {
        Objects.requireNonNull(b, "breakpoint");
        if (breakpoints.contains(b)) {
            return this;
        }
        List<Breakpoint> next = new ArrayList<>(breakpoints);
        next.add(b);
        return new BreakpointSet(next);
    }

    /** This set without {@code b}. */
    public BreakpointSet without(Breakpoint b) {
        List<Breakpoint> next = new ArrayList<>(breakpoints);
        next.remove(b);
        return new BreakpointSet(next);
    }

    /** The breakpoints, in the order they were added. */
    public List<Breakpoint> breakpoints() {
        return breakpoints;
    }

    public boolean isEmpty() {
        return breakpoints.isEmpty();
    }

    /** True if any breakpoint matches event {@code seq}. */
    public boolean matches(Trace trace, int seq) {
        for (Breakpoint b : breakpoints) {
            if (b.matches(trace, seq)) {
                return true;
            }
        }
        return false;
    }

    /** The first hit after {@code fromStep} (strict), or -1. */
    public int nextHit(TraceIndex index, int fromStep) {
        return nextHit(index, fromStep, Integer.MAX_VALUE);
    }

    /**
     * The first hit after {@code fromStep} and before {@code limit} (both strict), or -1; no
     * breakpoint searches past {@code limit}, nor past an earlier hit of another.
     */
    public int nextHit(TraceIndex index, int fromStep, int limit) {
        int best = -1;
        int bound = limit;
        for (Breakpoint b : breakpoints) {
            int hit = b.nextHit(index, fromStep, bound);
            if (hit >= 0) {
                best = hit;
                bound = hit;
            }
        }
        return best;
    }

    /** The last hit before {@code fromStep} (strict), or -1. */
    public int prevHit(TraceIndex index, int fromStep) {
        int best = -1;
        for (Breakpoint b : breakpoints) {
            best = Math.max(best, b.prevHit(index, fromStep));
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BreakpointSet other && other.breakpoints.equals(breakpoints);
    }

    @Override
    public int hashCode() {
        return breakpoints.hashCode();
    }

    @Override
    public String toString() {
        return "BreakpointSet" + breakpoints;
    }
}
