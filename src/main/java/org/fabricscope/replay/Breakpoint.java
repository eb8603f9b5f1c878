package org.fabricscope.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Trace;

/**
 * A condition on an event; every part is optional and the parts that are given must all hold.
 * Immutable; build one with the factories and the {@code with…} methods, e.g. {@code
 * Breakpoint.onKind(EventKind.PREFETCH_READY).withBlock(3)}.
 *
 * <p>Three kinds of condition go beyond the event's own columns:
 *
 * <ul>
 *   <li>{@link Access}: whether a field and value must be <em>written</em> (a state change, e.g.
 *       the write path setting cacheState = INVALID) or <em>read</em> (the verifier's check that
 *       saw cacheState = INVALID), or either;
 *   <li>a {@link StateCondition} on the block's true state after the event, e.g. {@code
 *       cacheState=READY && lastWritePending};
 *   <li>a sequence: the event must follow an {@code after} event on the same block with no {@code
 *       before} event between them ("a WRITE_LOCK on the block, then a PREFETCH_READY on it before
 *       the WRITE_RELEASE" is {@code onKind(PREFETCH_READY).withSequence(WRITE_LOCK,
 *       WRITE_RELEASE)}). It is decided by walking the block's own events back from the candidate
 *       to the nearest {@code after} or {@code before} ({@link TraceIndex#prevOfBlock}); a forward
 *       search remembers, per block, what it has already walked, so it never walks a block's
 *       events twice.
 * </ul>
 *
 * <p>A disabled breakpoint stays in its set but never stops anything. {@link #toSpec()} and {@link
 * #parse} give a one-line text form that round-trips (for saved sessions).
 *
 * @param kind the event's kind, or {@code null} for any
 * @param block the event's block, or -1 for any
 * @param actor the actor's exact name (e.g. {@code prefetch@n1}), or {@code null} for any
 * @param field the field the event changes or reads, or {@code null} for any
 * @param value the field's value after the event ({@code new}; for a check, the value read), or
 *     {@code null} for any; needs a field
 * @param access whether the field must be written, read, or either; {@link Access#ANY} without a
 *     field
 * @param condition the block's state after the event, or {@code null} for any
 * @param after a sequence's first event kind on the same block, or {@code null} for no sequence
 * @param before the kind that ends a sequence before the hit, or {@code null}; needs {@code after}
 * @param enabled whether this breakpoint stops anything
 */
public record Breakpoint(
        EventKind kind,
        int block,
        String actor,
        Field field,
        Integer value,
        Access access,
        StateCondition condition,
        EventKind after,
        EventKind before,
        boolean enabled) {

    /** How an event must touch the breakpoint's field. */
    public enum Access {
        /** Any event naming the field: a state change or an observation. */
        ANY("touches", "touching"),
        /** A state change: the event sets the field of its block (writes, fills, invalidations …). */
        WRITES("sets", "setting"),
        /** An observation: the verifier reading the field (VERIFY_CHECK, and the FPRE004 it raises). */
        READS("reads", "reading");

        private final String specWord;
        private final String describeWord;

        Access(String specWord, String describeWord) {
            this.specWord = specWord;
            this.describeWord = describeWord;
        }

        /** The word of the text form: {@code touches}, {@code sets}, {@code reads}. */
        public String specWord() {
            return specWord;
        }
    }

    public Breakpoint {
        if (block < -1) {
            throw new IllegalArgumentException("block must be -1 (any) or a block id, not " + block);
        }
        if (value != null && field == null) {
            throw new IllegalArgumentException("a breakpoint on a value needs the field it belongs to");
        }
        if (access == null || field == null) {
            access = Access.ANY;
        }
        if (before != null && after == null) {
            throw new IllegalArgumentException("'before " + before + "' ends a sequence; say what starts it (after …)");
        }
        if (after != null && after == before) {
            throw new IllegalArgumentException("a sequence cannot start and end with the same kind (" + after + ")");
        }
        if (after != null && kind == null) {
            throw new IllegalArgumentException(
                    "a sequence after " + after + " needs the kind of event that completes it");
        }
        if (actor != null && actor.isEmpty()) {
            actor = null;
        }
    }

    /** The five-part breakpoint of earlier versions: either access, no condition, no sequence, enabled. */
    public Breakpoint(EventKind kind, int block, String actor, Field field, Integer value) {
        this(kind, block, actor, field, value, Access.ANY, null, null, null, true);
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

    /**
     * Stops where {@code field} of {@code block} is set to {@code value}, e.g. cacheState = READY:
     * by a state change, not by a check that reads the value.
     */
    public static Breakpoint onValue(int block, Field field, int value) {
        return any().withBlock(block).withField(field).withValue(value).withAccess(Access.WRITES);
    }

    public Breakpoint withKind(EventKind k) {
        return new Breakpoint(k, block, actor, field, value, access, condition, after, before, enabled);
    }

    public Breakpoint withBlock(int b) {
        return new Breakpoint(kind, b, actor, field, value, access, condition, after, before, enabled);
    }

    public Breakpoint withActor(String a) {
        return new Breakpoint(kind, block, a, field, value, access, condition, after, before, enabled);
    }

    public Breakpoint withField(Field f) {
        return new Breakpoint(
                kind, block, actor, f, f == null ? null : value, access, condition, after, before, enabled);
    }

    public Breakpoint withValue(Integer v) {
        return new Breakpoint(kind, block, actor, field, v, access, condition, after, before, enabled);
    }

    /** Whether the field must be written, read, or either (ignored without a field). */
    public Breakpoint withAccess(Access a) {
        return new Breakpoint(kind, block, actor, field, value, a, condition, after, before, enabled);
    }

    public Breakpoint withCondition(StateCondition c) {
        return new Breakpoint(kind, block, actor, field, value, access, c, after, before, enabled);
    }

    /** Only after an {@code first} event on the same block with no {@code end} event since ({@code end} may be null). */
    public Breakpoint withSequence(EventKind first, EventKind end) {
        return new Breakpoint(kind, block, actor, field, value, access, condition, first, end, enabled);
    }

    public Breakpoint withEnabled(boolean on) {
        return new Breakpoint(kind, block, actor, field, value, access, condition, after, before, on);
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
                    throw new IllegalArgumentException(
                            field.jsonName() + " is one of " + field.enumNames() + ", not '" + t + "'");
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

    /**
     * True if this breakpoint, when enabled, stops at event {@code seq}: every condition holds,
     * including the block state and the sequence. (Disabled breakpoints are skipped by {@link
     * BreakpointSet}, not here, so an editor can still show where one would stop.)
     */
    public boolean matches(TraceIndex index, int seq) {
        Matcher m = new Matcher(index);
        return m.possible && m.test(seq);
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
            String verb = access == Access.ANY && value != null ? "with" : access.describeWord;
            String what = value == null ? field.jsonName() : field.jsonName() + " = " + field.format(value);
            parts.add(verb + " " + what + (access == Access.ANY && value != null ? " (set or read)" : ""));
        }
        if (after != null) {
            parts.add("after a " + after + " on " + (block >= 0 ? "it" : "its block")
                    + (before == null ? "" : " and before the " + before));
        }
        if (condition != null) {
            parts.add("when " + condition);
        }
        String text = String.join(" ", parts);
        return enabled ? text : text + " (disabled)";
    }

    // ---- text form ---------------------------------------------------------------------------

    /**
     * The one-line text form, which {@link #parse} reads back to an equal breakpoint: parts joined
     * by {@code "; "}, the kind (or {@code any}) first, then any of {@code block N}, {@code by
     * ACTOR}, {@code sets|reads|touches FIELD[ = VALUE]}, {@code after KIND}, {@code before KIND},
     * {@code when CONDITION}, {@code disabled}. E.g. {@code PREFETCH_READY; block 82; after
     * WRITE_LOCK; before WRITE_RELEASE; when cacheState=READY && lastWritePending}.
     */
    public String toSpec() {
        List<String> parts = new ArrayList<>();
        parts.add(kind == null ? "any" : kind.name());
        if (block >= 0) {
            parts.add("block " + block);
        }
        if (actor != null) {
            parts.add("by " + escape(actor));
        }
        if (field != null) {
            parts.add(access.specWord + " " + field.jsonName() + (value == null ? "" : " = " + field.format(value)));
        }
        if (after != null) {
            parts.add("after " + after.name());
        }
        if (before != null) {
            parts.add("before " + before.name());
        }
        if (condition != null) {
            parts.add("when " + condition);
        }
        if (!enabled) {
            parts.add("disabled");
        }
        return String.join("; ", parts);
    }

    /**
     * Reads the text form of {@link #toSpec()}; parts other than the kind may come in any order.
     *
     * @throws IllegalArgumentException saying which part is wrong
     */
    public static Breakpoint parse(String spec) {
        List<String> parts = splitParts(spec == null ? "" : spec);
        if (parts.isEmpty() || parts.get(0).isEmpty()) {
            throw new IllegalArgumentException("A breakpoint starts with an event kind or 'any'.");
        }
        String first = parts.get(0);
        EventKind kind = first.equalsIgnoreCase("any") ? null : kind(first);
        int block = -1;
        String actor = null;
        Field field = null;
        Integer value = null;
        Access access = Access.ANY;
        StateCondition condition = null;
        EventKind after = null;
        EventKind before = null;
        boolean enabled = true;
        for (String part : parts.subList(1, parts.size())) {
            int space = part.indexOf(' ');
            String word = (space < 0 ? part : part.substring(0, space)).toLowerCase(Locale.ROOT);
            String rest = space < 0 ? "" : part.substring(space + 1).trim();
            switch (word) {
                case "block":
                    try {
                        block = Integer.parseInt(rest);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'block' takes a block number, not '" + rest + "'.");
                    }
                    if (block < 0) {
                        throw new IllegalArgumentException("Block numbers start at 0, not " + block + ".");
                    }
                    break;
                case "by":
                    actor = unescape(need(word, rest));
                    break;
                case "sets", "reads", "touches":
                    access = word.equals("sets") ? Access.WRITES : word.equals("reads") ? Access.READS : Access.ANY;
                    int eq = need(word, rest).indexOf('=');
                    String name = (eq < 0 ? rest : rest.substring(0, eq)).trim();
                    field = Field.ofJsonName(name);
                    if (field == null) {
                        throw new IllegalArgumentException("Unknown field '" + name + "' after '" + word + "'.");
                    }
                    value = eq < 0 ? null : parseValue(field, rest.substring(eq + 1));
                    break;
                case "after":
                    after = kind(need(word, rest));
                    break;
                case "before":
                    before = kind(need(word, rest));
                    break;
                case "when":
                    condition = StateCondition.parse(need(word, rest));
                    break;
                case "disabled":
                    enabled = false;
                    break;
                default:
                    throw new IllegalArgumentException("Unknown part '" + part + "'; expected block, by, sets, reads, "
                            + "touches, after, before, when or disabled.");
            }
        }
        return new Breakpoint(kind, block, actor, field, value, access, condition, after, before, enabled);
    }

    private static String need(String word, String rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("'" + word + "' needs something after it.");
        }
        return rest;
    }

    private static EventKind kind(String name) {
        try {
            return EventKind.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown event kind '" + name.trim() + "'.", e);
        }
    }

    /** Actor names come from trace files and may hold anything; ';' and '\' are escaped with '\'. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Splits on ';' not escaped by '\'; escapes stay for {@link #unescape}. Parts are trimmed. */
    private static List<String> splitParts(String spec) {
        List<String> out = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '\\' && i + 1 < spec.length()) {
                part.append(c).append(spec.charAt(++i));
            } else if (c == ';') {
                out.add(part.toString().trim());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        out.add(part.toString().trim());
        if (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    // ---- search ------------------------------------------------------------------------------

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
        Matcher m = new Matcher(index);
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
        Matcher m = new Matcher(index);
        if (!m.possible) {
            return -1;
        }
        // Backwards, what was walked for one candidate says nothing about the next: no memory.
        m.forwardOnly = false;
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

    /**
     * This breakpoint compiled against one trace: the actor name resolved to its id once, and, for
     * a sequence, what the walk so far knows about each block.
     */
    private final class Matcher {
        final TraceIndex index;
        final Trace trace;
        final int actorId;
        final boolean possible;
        final int afterOrdinal;
        final int beforeOrdinal;
        /** Searching forward: each block's last tested candidate and whether its sequence was open after it. */
        boolean forwardOnly = true;

        private Map<Integer, long[]> walked;

        Matcher(TraceIndex index) {
            this.index = index;
            this.trace = index.trace();
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
            this.possible = (actor == null || id >= 0)
                    && block < trace.header().topology().blockCount();
            this.afterOrdinal = after == null ? -1 : after.ordinal();
            this.beforeOrdinal = before == null ? -1 : before.ordinal();
        }

        boolean test(int seq) {
            if (!((kind == null || trace.kindOrdinal(seq) == kind.ordinal())
                    && (block < 0 || trace.block(seq) == block)
                    && (field == null || fieldMatches(seq))
                    && (actor == null || trace.actorId(seq) == actorId))) {
                return false;
            }
            if (condition == null && after == null) {
                return true;
            }
            int b = trace.block(seq);
            if (b < 0) {
                return false;
            }
            // The sequence first: with memory it costs less than a state lookup.
            return (after == null || sequenceOpenBefore(b, seq))
                    && (condition == null || condition.holds(index, b, seq));
        }

        private boolean fieldMatches(int seq) {
            if (trace.fieldOrdinal(seq) != field.ordinal() || (value != null && trace.newValue(seq) != value)) {
                return false;
            }
            switch (access) {
                case WRITES:
                    return index.isStateChange(seq);
                case READS:
                    int k = trace.kindOrdinal(seq);
                    return k == EventKind.VERIFY_CHECK.ordinal() || k == EventKind.FPRE004.ordinal();
                default:
                    return true;
            }
        }

        /** True if an {@code after} event precedes {@code seq} on block {@code b} with no {@code before} between. */
        private boolean sequenceOpenBefore(int b, int seq) {
            long[] known = forwardOnly && walked != null ? walked.get(b) : null;
            long stop = known != null && known[0] < seq ? known[0] : -1;
            Boolean open = null;
            for (int p = index.prevOfBlock(b, seq); p > stop; p = index.prevOfBlock(b, p)) {
                int k = trace.kindOrdinal(p);
                if (k == beforeOrdinal) {
                    open = Boolean.FALSE;
                    break;
                }
                if (k == afterOrdinal) {
                    open = Boolean.TRUE;
                    break;
                }
            }
            boolean result = open != null ? open : stop >= 0 && known[1] != 0;
            if (forwardOnly) {
                int k = trace.kindOrdinal(seq);
                boolean openAfter = k == beforeOrdinal ? false : k == afterOrdinal || result;
                if (walked == null) {
                    walked = new HashMap<>();
                }
                walked.put(b, new long[] {seq, openAfter ? 1 : 0});
            }
            return result;
        }
    }
}
