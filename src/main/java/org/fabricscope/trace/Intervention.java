package org.fabricscope.trace;

import java.util.Objects;

/**
 * One change to a run, part of its definition (a what-if fork): an event of the original run,
 * named by its {@link EventIdentity}, happens {@code deltaMicros} later (earlier when negative), not
 * at all, or (a reorder) right after another event's step. Stored in the trace header's {@code
 * interventions}, so a forked trace re-runs byte-identically.
 *
 * @param event the event's identity in the run without interventions
 * @param drop true: the event, and what would have followed from it, does not happen
 * @param deltaMicros for a shift: how much later (negative: earlier); 0 for a drop or a reorder
 * @param runAfter true: a reorder, the event's step runs right after the step of {@code afterEvent}
 * @param afterEvent for a reorder: the identity of the event whose step it follows; 0 otherwise
 */
public record Intervention(long event, boolean drop, long deltaMicros, boolean runAfter, long afterEvent) {
    public Intervention {
        if (runAfter && (drop || deltaMicros != 0)) {
            throw new IllegalArgumentException("a reorder neither drops nor shifts");
        }
        if (runAfter && afterEvent == event) {
            throw new IllegalArgumentException("an event cannot run after itself");
        }
        if (!runAfter && afterEvent != 0) {
            throw new IllegalArgumentException("only a reorder names a second event");
        }
        if (drop && deltaMicros != 0) {
            throw new IllegalArgumentException("a drop has no time shift");
        }
        if (!drop && !runAfter && deltaMicros == 0) {
            throw new IllegalArgumentException("a shift of 0 µs changes nothing");
        }
    }

    /** A shift or a drop (no reorder). */
    public Intervention(long event, boolean drop, long deltaMicros) {
        this(event, drop, deltaMicros, false, 0);
    }

    /** The step of {@code event} runs right after the step of {@code afterEvent} (a reorder). */
    public static Intervention runAfter(long event, long afterEvent) {
        return new Intervention(event, false, 0, true, afterEvent);
    }

    /** The other event's key as written, for a reorder. */
    public String afterEventKey() {
        return EventIdentity.text(afterEvent);
    }

    public static Intervention shift(long event, long deltaMicros) {
        return new Intervention(event, false, deltaMicros);
    }

    public static Intervention drop(long event) {
        return new Intervention(event, true, 0);
    }

    /** The event key as written: 16 hex digits. */
    public String eventKey() {
        return EventIdentity.text(event);
    }

    /**
     * For messages: {@code delay 0123… by 5000 µs}, {@code advance … by …}, {@code drop …}, {@code
     * run … after …}.
     */
    public String describe() {
        if (drop) {
            return "drop " + eventKey();
        }
        if (runAfter) {
            return "run " + eventKey() + " after " + afterEventKey();
        }
        // Long.MIN_VALUE has no positive counterpart: print the magnitude as unsigned.
        return (deltaMicros > 0 ? "delay " : "advance ") + eventKey() + " by "
                + Long.toUnsignedString(deltaMicros > 0 ? deltaMicros : -deltaMicros) + " µs";
    }

    private static final java.util.regex.Pattern DURATION =
            java.util.regex.Pattern.compile("([+-]?)(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s)?");

    /**
     * A signed duration: {@code 400}, {@code 400us}, {@code -0.4ms}, {@code 1.5s} (µs without a
     * unit).
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static long parseDurationMicros(String text) {
        String t = text == null ? "" : text.trim();
        java.util.regex.Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + NumberText.quote(t) + "' is not a duration; use e.g. 400us, -0.4ms, 2ms, 1.5s");
        }
        java.math.BigDecimal number = new java.math.BigDecimal(m.group(2));
        String unit = m.group(3) == null ? "us" : m.group(3);
        java.math.BigDecimal micros =
                unit.equals("s") ? number.movePointRight(6) : unit.equals("ms") ? number.movePointRight(3) : number;
        if (micros.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + NumberText.quote(t) + "' is not a whole number of microseconds");
        }
        try {
            long v = micros.longValueExact();
            return m.group(1).equals("-") ? -v : v;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + NumberText.quote(t) + "' is too long a duration");
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Intervention i
                && i.event == event
                && i.drop == drop
                && i.deltaMicros == deltaMicros
                && i.runAfter == runAfter
                && i.afterEvent == afterEvent;
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, drop, deltaMicros, runAfter, afterEvent);
    }
}
