package org.fabricscope.replay.explain;

import java.util.Locale;
import org.fabricscope.trace.ActorKind;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Trace;

/**
 * How events and simulated times are worded everywhere in the panels, so that the inspector, the
 * event log and the explainer say the same thing the same way.
 */
public final class EventText {
    private EventText() {}

    /** Simulated time in milliseconds with microsecond precision, e.g. {@code 12.300 ms}. */
    public static String millis(long micros) {
        return millisNumber(micros) + " ms";
    }

    /** The number part of {@link #millis(long)}, e.g. {@code 12.300}. */
    public static String millisNumber(long micros) {
        // Integer arithmetic, not %f: exact for every long and independent of the default locale.
        String sign = micros < 0 ? "-" : "";
        long abs = Math.abs(micros);
        return String.format(Locale.ROOT, "%s%d.%03d", sign, abs / 1000, abs % 1000);
    }

    /** The change an event made, e.g. {@code cacheState FILLING → READY}; {@code ""} if none. */
    public static String change(Trace trace, int seq) {
        Field f = trace.field(seq);
        if (f == null) {
            return "";
        }
        if (trace.kind(seq) == EventKind.VERIFY_CHECK || trace.kind(seq) == EventKind.FPRE004) {
            return f.jsonName() + " = " + f.format(trace.newValue(seq));
        }
        return f.jsonName() + " " + f.format(trace.oldValue(seq)) + " → " + f.format(trace.newValue(seq));
    }

    /** Just the values of {@link #change}, e.g. {@code FILLING → READY}; {@code ""} if no field. */
    public static String values(Trace trace, int seq) {
        Field f = trace.field(seq);
        if (f == null) {
            return "";
        }
        if (trace.kind(seq) == EventKind.VERIFY_CHECK || trace.kind(seq) == EventKind.FPRE004) {
            return f.format(trace.newValue(seq));
        }
        return f.format(trace.oldValue(seq)) + " → " + f.format(trace.newValue(seq));
    }

    /**
     * The meaning of the event's {@code arg}, following {@link EventKind}'s conventions: the ACK's
     * injected jitter, a client's transaction or write id; {@code ""} when there is none.
     */
    public static String arg(Trace trace, int seq) {
        int arg = trace.arg(seq);
        EventKind kind = trace.kind(seq);
        if (kind == EventKind.WRITE_ACK) {
            return "jitter " + millis(arg);
        }
        if (arg == 0) {
            return "";
        }
        if (kind == EventKind.WRITE_ISSUE) {
            return "write " + arg;
        }
        if (kind.actorKind() == ActorKind.CLIENT) {
            return "txn " + arg;
        }
        return "arg " + arg;
    }

    /** One line: {@code #123 12.300 ms PREFETCH_READY prefetch@n1 block 2 cacheState FILLING → READY}. */
    public static String oneLine(Trace trace, int seq) {
        StringBuilder sb = new StringBuilder();
        sb.append('#').append(seq).append("  ").append(millis(trace.timeMicros(seq)));
        sb.append("  ").append(trace.kind(seq)).append("  ").append(trace.actor(seq));
        if (trace.block(seq) >= 0) {
            sb.append("  block ").append(trace.block(seq));
        }
        String change = change(trace, seq);
        if (!change.isEmpty()) {
            sb.append("  ").append(change);
        }
        return sb.toString();
    }

    /** Short form for "who last changed this": {@code #123 · 12.300 ms · PREFETCH_READY · prefetch@n1}. */
    public static String origin(Trace trace, int seq) {
        return "#" + seq + " · " + millis(trace.timeMicros(seq)) + " · " + trace.kind(seq) + " · " + trace.actor(seq);
    }
}
