package org.fabricscope.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Trace;

/**
 * A condition on an event; every part is optional and the parts that are given must all hold.
 * Immutable; build one with the factories and the {@code with…} methods, e.g. {@code
 * Breakpoint.onKind(EventKind.PREFETCH_READY).withBlock(3)}.
 *
 * @param kind the event's kind, or {@code null} for any
 * @param block the event's block, or -1 for any
 * @param actor the actor's exact name (e.g. {@code prefetch@n1}), or {@code null} for any
 * @param field the field the event changes or reads, or {@code null} for any
 * @param value the field's value after the event ({@code new}), or {@code null} for any; needs a
 *     field
 */
public record Breakpoint(EventKind kind, int block, String actor, Field field, Integer value) {
    public Breakpoint {
        if (block < -1) {
            throw new IllegalArgumentException("block must be -1 (any) or a block id, not " + block);
        }
        if (value != null && field == null) {
            throw new IllegalArgumentException("a breakpoint on a value needs the field it belongs to");
        }
    }

    /** Stops at every event. */
    public static Breakpoint any() {
        return new Breakpoint(null, -1, null, null, null);
    }

    public static Breakpoint onKind(EventKind kind) {
        return any().withKind(kind);
    }

    /** Stops where the verifier raises FPRE004 (an ECC/checksum mismatch reported to the client). */
    public static Breakpoint fpre004() {
        return onKind(EventKind.FPRE004);
    }

    /** Stops where {@code field} of {@code block} is set to {@code value}, e.g. cacheState = READY. */
    public static Breakpoint onValue(int block, Field field, int value) {
        return any().withBlock(block).withField(field).withValue(value);
    }

    public Breakpoint withKind(EventKind k) {
        return new Breakpoint(k, block, actor, field, value);
    }

    public Breakpoint withBlock(int b) {
        return new Breakpoint(kind, b, actor, field, value);
    }

    public Breakpoint withActor(String a) {
        return new Breakpoint(kind, block, a, field, value);
    }

    public Breakpoint withField(Field f) {
        return new Breakpoint(kind, block, actor, f, f == null ? null : value);
    }

    public Breakpoint withValue(Integer v) {
        return new Breakpoint(kind, block, actor, field, v);
    }

    /**
     * Parses a value of {@code field} as people write it: an enum constant name (any case), {@code
     * true}/{@code false}, or an integer.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static int parseValue(Field field, String text) {
        String t = text.trim();
        switch (field.type()) {
            case BOOL:
                if (t.equalsIgnoreCase("true")) {
                    return 1;
                }
                if (t.equalsIgnoreCase("false")) {
                    return 0;
                }
                throw new IllegalArgumentException(field.jsonName() + " is true or false, not '" + t + "'");
            case ENUM:
                int i = field.enumNames().indexOf(t.toUpperCase(Locale.ROOT));
                if (i < 0) {
                    throw new IllegalArgumentException(field.jsonName() + " is one of " + field.enumNames() + ", not '" + t + "'");
                }
                return i;
            default:
                try {
                    return Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(field.jsonName() + " is an integer, not '" + t + "'", e);
                }
        }
    }

    /** True if event {@code seq} of {@code trace} meets every given condition. */
    public boolean matches(Trace trace, int seq) {
        return (kind == null || trace.kindOrdinal(seq) == kind.ordinal())
                && (block < 0 || trace.block(seq) == block)
                && (field == null || trace.fieldOrdinal(seq) == field.ordinal())
                && (value == null || trace.newValue(seq) == value)
                && (actor == null || trace.actor(seq).equals(actor));
    }

    /** A short description for lists and tooltips, e.g. {@code FPRE004 on block 3}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(kind == null ? "any event" : kind.name());
        if (block >= 0) {
            parts.add("on block " + block);
        }
        if (actor != null) {
            parts.add("by " + actor);
        }
        if (field != null) {
            parts.add(value == null ? "touching " + field.jsonName() : "setting " + field.jsonName() + " = " + field.format(value));
        }
        return String.join(" ", parts);
    }

    /** The next event after {@code from} this breakpoint stops at, or -1. */
    int nextHit(TraceIndex index, int from) {
        return nextHit(index, from, Integer.MAX_VALUE);
    }

    /**
     * The next event after {@code from} and before {@code limit} this breakpoint stops at, or -1:
     * the search looks no further than {@code limit}, so playback, which asks for the next few
     * events each frame, pays for those events and not for the distance to a rare hit.
     */
    int nextHit(TraceIndex index, int from, int limit) {
        Trace trace = index.trace();
        Matcher m = new Matcher(trace);
        if (!m.possible) {
            return -1;
        }
        if (useBlockList(index)) {
            for (int s = index.nextOfBlock(block, from); s >= 0 && s < limit; s = index.nextOfBlock(block, s)) {
                if (m.test(s)) {
                    return s;
                }
            }
            return -1;
        }
        if (kind != null) {
            for (int s = index.nextOfKind(kind, from); s >= 0 && s < limit; s = index.nextOfKind(kind, s)) {
                if (m.test(s)) {
                    return s;
                }
            }
            return -1;
        }
        int end = Math.min(trace.size(), limit);
        for (int s = Math.max(0, from + 1); s < end && from != Integer.MAX_VALUE; s++) {
            if (m.test(s)) {
                return s;
            }
        }
        return -1;
    }

    /** The previous event before {@code from} this breakpoint stops at, or -1. */
    int prevHit(TraceIndex index, int from) {
        Trace trace = index.trace();
        Matcher m = new Matcher(trace);
        if (!m.possible) {
            return -1;
        }
        if (useBlockList(index)) {
            for (int s = index.prevOfBlock(block, from); s >= 0; s = index.prevOfBlock(block, s)) {
                if (m.test(s)) {
                    return s;
                }
            }
            return -1;
        }
        if (kind != null) {
            for (int s = index.prevOfKind(kind, from); s >= 0; s = index.prevOfKind(kind, s)) {
                if (m.test(s)) {
                    return s;
                }
            }
            return -1;
        }
        for (int s = (int) Math.min((long) from - 1, trace.size() - 1L); s >= 0; s--) {
            if (m.test(s)) {
                return s;
            }
        }
        return -1;
    }

    /** Walks the block's own list when it is shorter than the kind's, or when there is no kind. */
    private boolean useBlockList(TraceIndex index) {
        if (block < 0 || block >= index.trace().header().topology().blockCount()) {
            return false;
        }
        return kind == null || index.blockEventCount(block) < index.countOfKind(kind);
    }

    /** This breakpoint compiled against one trace: the actor name resolved to its id once. */
    private final class Matcher {
        final Trace trace;
        final int actorId;
        final boolean possible;

        Matcher(Trace trace) {
            this.trace = trace;
            int id = -1;
            if (actor != null) {
                for (int i = 0; i < trace.actorCount(); i++) {
                    if (trace.actorName(i).equals(actor)) {
                        id = i;
                        break;
                    }
                }
            }
            this.actorId = id;
            this.possible = (actor == null || id >= 0) && block < trace.header().topology().blockCount();
        }

        boolean test(int seq) {
            return (kind == null || trace.kindOrdinal(seq) == kind.ordinal())
                    && (block < 0 || trace.block(seq) == block)
                    && (field == null || trace.fieldOrdinal(seq) == field.ordinal())
                    && (value == null || trace.newValue(seq) == value)
                    && (actor == null || trace.actorId(seq) == actorId);
        }
    }
}
