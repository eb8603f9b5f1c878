package org.fabricscope.ui.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Trace;

/**
 * One breakpoint of the replay controls: an event matches when it agrees with every part that is
 * set. Unset parts ({@code null}, or -1 for the block) match anything; the value is compared with
 * the event's new value (for a check, the value read).
 *
 * @param kind the event kind, or {@code null}
 * @param block the block, or -1
 * @param actor the exact actor name (e.g. {@code prefetch@n1}), or {@code null}
 * @param field the field changed or read, or {@code null}
 * @param value the field's new value, or {@code null}; only meaningful with a field
 */
public record BreakpointEntry(EventKind kind, int block, String actor, Field field, Integer value) {

    /** The default breakpoint: every FPRE004. */
    public static final BreakpointEntry FPRE004 = new BreakpointEntry(EventKind.FPRE004, -1, null, null, null);

    public BreakpointEntry {
        if (value != null && field == null) {
            throw new IllegalArgumentException("a breakpoint on a value needs a field");
        }
        if (actor != null && actor.isBlank()) {
            actor = null;
        }
    }

    /** True if event {@code seq} of {@code trace} matches every part that is set. */
    public boolean matches(Trace trace, int seq) {
        if (kind != null && trace.kindOrdinal(seq) != kind.ordinal()) {
            return false;
        }
        if (block >= 0 && trace.block(seq) != block) {
            return false;
        }
        if (field != null && trace.fieldOrdinal(seq) != field.ordinal()) {
            return false;
        }
        if (value != null && trace.newValue(seq) != value) {
            return false;
        }
        return actor == null || actor.equals(trace.actor(seq));
    }

    /**
     * Parses a value typed for {@code field}: an enum constant name (any case), {@code true}/{@code
     * false}, or an integer.
     *
     * @throws IllegalArgumentException with a message for the user naming what is accepted
     */
    public static int parseValue(Field field, String text) {
        String t = text.trim();
        switch (field.type()) {
            case BOOL:
                if (t.equalsIgnoreCase("true") || t.equals("1")) {
                    return 1;
                }
                if (t.equalsIgnoreCase("false") || t.equals("0")) {
                    return 0;
                }
                throw new IllegalArgumentException(field.jsonName() + " is true or false, not '" + t + "'");
            case ENUM:
                int i = field.enumNames().indexOf(t.toUpperCase(Locale.ROOT));
                if (i < 0) {
                    throw new IllegalArgumentException(
                            field.jsonName() + " is one of " + String.join(", ", field.enumNames()) + ", not '" + t + "'");
                }
                return i;
            default:
                try {
                    return Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(field.jsonName() + " is a whole number, not '" + t + "'");
                }
        }
    }

    /** E.g. {@code FPRE004}, or {@code PREFETCH_READY · block 3 · cacheState=READY}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (kind != null) {
            parts.add(kind.name());
        }
        if (block >= 0) {
            parts.add("block " + block);
        }
        if (actor != null) {
            parts.add(actor);
        }
        if (field != null) {
            parts.add(value == null ? field.jsonName() : field.jsonName() + "=" + field.format(value));
        }
        return parts.isEmpty() ? "every event" : String.join(" · ", parts);
    }
}
