package org.fabricscope.ui.eventlog;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/**
 * Which events the event log (and, on request, the timeline) shows: the chosen blocks, actors and
 * kinds (an empty choice means all), and a free text. The text matches, ignoring case, an event
 * whose kind, actor, field name or old/new value contains it, or whose sequence number or block
 * equals it. Everything that does not depend on the event is worked out once, so a test is a few
 * array reads. Immutable and thread-safe, so filtering can run off the FX thread.
 */
public final class EventFilter implements IntPredicate {
    private final Trace trace;
    private final boolean[] blocks; // null: any
    private final boolean[] actors; // by actor id; null: any
    private final boolean[] kinds; // by ordinal; null: any
    private final String text; // lower case; null: none
    private final int textNumber; // text as a whole number, or -1
    private final boolean[] kindText;
    private final boolean[] actorText;
    private final boolean[] fieldText;
    private final boolean[][] valueText; // [field][value] for enum and bool fields

    private EventFilter(Trace trace, boolean[] blocks, boolean[] actors, boolean[] kinds, String text) {
        this.trace = trace;
        this.blocks = blocks;
        this.actors = actors;
        this.kinds = kinds;
        this.text = text;
        int number = -1;
        if (text != null && text.chars().allMatch(Character::isDigit) && text.length() <= 9) {
            number = Integer.parseInt(text);
        }
        this.textNumber = number;
        if (text == null) {
            kindText = actorText = fieldText = null;
            valueText = null;
            return;
        }
        kindText = new boolean[EventKind.count()];
        for (EventKind k : EventKind.values()) {
            kindText[k.ordinal()] = k.name().toLowerCase(Locale.ROOT).contains(text);
        }
        actorText = new boolean[trace.actorCount()];
        for (int i = 0; i < actorText.length; i++) {
            actorText[i] = trace.actorName(i).toLowerCase(Locale.ROOT).contains(text);
        }
        fieldText = new boolean[Field.count()];
        valueText = new boolean[Field.count()][];
        for (Field f : Field.values()) {
            fieldText[f.ordinal()] = f.jsonName().toLowerCase(Locale.ROOT).contains(text);
            if (f.type() != Field.ValueType.INT) {
                int n = f.type() == Field.ValueType.BOOL ? 2 : f.enumNames().size();
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = f.format(i).toLowerCase(Locale.ROOT).contains(text);
                }
                valueText[f.ordinal()] = v;
            }
        }
    }

    /**
     * A filter over {@code trace}.
     *
     * @param blocks blocks to show; empty shows all
     * @param actors actor names to show; empty shows all
     * @param kinds kinds to show; empty shows all
     * @param text free text; blank matches everything
     */
    public static EventFilter of(
            Trace trace,
            Collection<Integer> blocks,
            Collection<String> actors,
            Collection<EventKind> kinds,
            String text) {
        boolean[] b = null;
        if (!blocks.isEmpty()) {
            b = new boolean[trace.header().topology().blockCount()];
            for (int block : blocks) {
                if (block >= 0 && block < b.length) {
                    b[block] = true;
                }
            }
        }
        boolean[] a = null;
        if (!actors.isEmpty()) {
            a = new boolean[trace.actorCount()];
            for (int i = 0; i < a.length; i++) {
                a[i] = actors.contains(trace.actorName(i));
            }
        }
        boolean[] k = null;
        if (!kinds.isEmpty()) {
            k = new boolean[EventKind.count()];
            for (EventKind kind : kinds) {
                k[kind.ordinal()] = true;
            }
        }
        String t = text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
        return new EventFilter(trace, b, a, k, t);
    }

    /** True if this filter lets every event through. */
    public boolean isEmpty() {
        return blocks == null && actors == null && kinds == null && text == null;
    }

    @Override
    public boolean test(int seq) {
        if (kinds != null && !kinds[trace.kindOrdinal(seq)]) {
            return false;
        }
        if (blocks != null) {
            int block = trace.block(seq);
            if (block < 0 || !blocks[block]) {
                return false;
            }
        }
        if (actors != null && !actors[trace.actorId(seq)]) {
            return false;
        }
        return text == null || matchesText(seq);
    }

    private boolean matchesText(int seq) {
        if (kindText[trace.kindOrdinal(seq)] || actorText[trace.actorId(seq)]) {
            return true;
        }
        if (textNumber >= 0 && (seq == textNumber || trace.block(seq) == textNumber)) {
            return true;
        }
        int f = trace.fieldOrdinal(seq);
        if (f < 0) {
            return false;
        }
        if (fieldText[f]) {
            return true;
        }
        boolean[] values = valueText[f];
        if (values != null) {
            return valueMatches(values, trace.oldValue(seq)) || valueMatches(values, trace.newValue(seq));
        }
        return textNumber >= 0
                && (Integer.toString(trace.oldValue(seq)).contains(text)
                        || Integer.toString(trace.newValue(seq)).contains(text));
    }

    private static boolean valueMatches(boolean[] values, int v) {
        return v >= 0 && v < values.length && values[v];
    }

    /**
     * The ascending sequence numbers of the events that pass, in an array of exactly that length.
     * Reports progress and honours cancellation (throws {@link org.fabricscope.trace.CancelledException}).
     */
    public int[] apply(Progress progress) {
        int n = trace.size();
        int[] kept = new int[Math.min(n, 1024)];
        int count = 0;
        for (int s = 0; s < n; s++) {
            if ((s & 0xFFFF) == 0) {
                progress.checkCancelled();
                progress.update(s, n);
            }
            if (test(s)) {
                if (count == kept.length) {
                    kept = Arrays.copyOf(kept, Math.min(n, kept.length * 2));
                }
                kept[count++] = s;
            }
        }
        progress.update(n, n);
        return count == kept.length ? kept : Arrays.copyOf(kept, count);
    }
}
