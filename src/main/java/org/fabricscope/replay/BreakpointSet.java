package org.fabricscope.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The breakpoints the replay stops at: an event is a hit if any enabled breakpoint matches it.
 * Immutable; {@link #with} and {@link #without} return new sets, so a view model can hold one in a
 * property. {@link #toSpec()} and {@link #parse} give a text form, one breakpoint per line, that
 * round-trips (for saved sessions).
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

    /** True if any enabled breakpoint matches event {@code seq}. */
    public boolean matches(TraceIndex index, int seq) {
        return hitAt(index, seq) != null;
    }

    /** The first enabled breakpoint (in the set's order) that matches event {@code seq}, or {@code null}. */
    public Breakpoint hitAt(TraceIndex index, int seq) {
        for (Breakpoint b : breakpoints) {
            if (b.enabled() && b.matches(index, seq)) {
                return b;
            }
        }
        return null;
    }

    /** The text form: each breakpoint's {@link Breakpoint#toSpec()} on its own line. */
    public String toSpec() {
        StringBuilder sb = new StringBuilder();
        for (Breakpoint b : breakpoints) {
            sb.append(b.toSpec()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Reads the text form of {@link #toSpec()}: one breakpoint per line; blank lines and lines
     * starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException starting with the line number of the first bad line
     */
    public static BreakpointSet parse(String spec) {
        List<Breakpoint> out = new ArrayList<>();
        String[] lines = (spec == null ? "" : spec).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                Breakpoint b = Breakpoint.parse(line);
                if (!out.contains(b)) {
                    out.add(b);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new BreakpointSet(out);
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
            if (!b.enabled()) {
                continue;
            }
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
            if (b.enabled()) {
                best = Math.max(best, b.prevHit(index, fromStep));
            }
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
