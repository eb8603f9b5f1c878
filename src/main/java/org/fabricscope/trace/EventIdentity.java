package org.fabricscope.trace;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The stable identity of an event: which event of run B is "the same" as an event of run A.
 *
 * <p>Sequence numbers cannot pair events (one extra event shifts every later one), and neither can
 * times (a retimed event is still the same event). An event's identity is its place under the
 * client operation it descends from, found through its {@code cause} chain:
 *
 * <pre>
 *   anchor(e)   = 0                        if e has no cause
 *               = identity(c)              if its cause c is a client event or has no cause itself
 *               = anchor(c)                otherwise (c is an intermediate step: skip it)
 *   op(e)       = arg(e)                   if e has no cause and its kind is READ_ISSUE, READ_OK,
 *                                          READ_FAIL or WRITE_ISSUE (the transaction or write id)
 *               = none                     otherwise
 *   group(e)    = H(anchor(e), op(e), actor name, kind, block, field)
 *   identity(e) = H(group(e), ordinal)     where ordinal = how many earlier events share group(e)
 * </pre>
 *
 * <p>So a verifier check is "the 1st read of {@code cacheVersion} of block 179 by {@code
 * verifier@n2} under read transaction 7 of {@code client-1}" and a write's ACK is "the {@code
 * WRITE_ACK} by {@code ack@n2} under write 3 of {@code client-2}". The ordinal only orders events
 * that nothing else tells apart: the same actor doing the same kind of thing to the same field of
 * the same block for the same client operation. Two such events of <em>different</em> operations
 * that swap order between the runs (two reads' prefetches or checks of one block, two writes' ACKs)
 * keep their identities, because their anchors differ. Steps of one operation done in another order
 * (the patched verifier reads the fields in another order: each check's cause is the previous check)
 * are still the same events, because intermediate causes are skipped. Values ({@code old}, {@code
 * new}, {@code arg} other than a root's transaction id, {@code node}) and times are not part of the
 * identity: they are what a pair is compared on.
 *
 * <p>It uses only the required columns, {@code cause} and a root client event's {@code arg}, by name
 * (actor names, not interned ids), so it works for traces another tool wrote: without causes, every
 * event is a root and its identity is the ordinal of (actor, kind, block, field), with client
 * transactions told apart by their id. Documented in TRACE_FORMAT.md.
 *
 * <p>H is a fixed 64-bit mix (no {@code hashCode} of the JVM), so identities are the same in every
 * run, JVM and platform, and can be written down (interventions name events by them).
 */
public final class EventIdentity {
    private EventIdentity() {}

    /** By kind ordinal: done by a client (a client operation's start, result or burst). */
    private static final boolean[] CLIENT_KINDS = clientKinds();

    /** The identity of every event of {@code trace}, indexed by sequence number. */
    public static long[] of(Trace trace) {
        int n = trace.size();
        long[] actorHash = new long[trace.actorCount()];
        for (int a = 0; a < actorHash.length; a++) {
            actorHash[a] = hashName(trace.actorName(a));
        }
        long[] ids = new long[n];
        // inherited[i]: the anchor i's effects get (its own identity when i is a client event or a
        // root, else its own anchor). One long per event, dropped on return.
        long[] inherited = new long[n];
        LongIntMap ordinals = new LongIntMap(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            int cause = trace.cause(i);
            int kind = trace.kindOrdinal(i);
            long anchor = cause >= 0 ? inherited[cause] : opAnchor(kind, trace.arg(i));
            long group = group(anchor, actorHash[trace.actorId(i)], kind, trace.block(i), trace.fieldOrdinal(i));
            long id = identity(group, ordinals.getAndIncrement(group));
            ids[i] = id;
            inherited[i] = cause < 0 || isClient(kind) ? id : anchor;
        }
        return ids;
    }

    private static boolean[] clientKinds() {
        boolean[] out = new boolean[EventKind.count()];
        for (EventKind k : EventKind.values()) {
            out[k.ordinal()] = k.actorKind() == ActorKind.CLIENT;
        }
        return out;
    }

    private static boolean isClient(int kind) {
        return CLIENT_KINDS[kind];
    }

    /** A root's stand-in for an anchor: its transaction or write id if it is a client transaction. */
    private static long opAnchor(int kind, int arg) {
        if (kind == EventKind.READ_ISSUE.ordinal()
                || kind == EventKind.READ_OK.ordinal()
                || kind == EventKind.READ_FAIL.ordinal()
                || kind == EventKind.WRITE_ISSUE.ordinal()) {
            return mix(0x3C6E_F372_FE94_F82BL + arg);
        }
        return 0L;
    }

    /**
     * The same identities computed as events are emitted, for a simulator that must recognise an
     * event (an intervention's target) while it runs. {@link #peek} gives the identity the next
     * event would get without counting it; {@link #add} records it. Memory: two longs per event.
     */
    public static final class Tracker {
        private long[] ids = new long[1 << 12];
        private long[] inherited = new long[1 << 12];
        private int size;
        private final LongIntMap ordinals = new LongIntMap(1 << 12);
        private final Map<String, Long> actorHashes = new HashMap<>();

        private long group(String actor, EventKind kind, int block, Field field, int cause, int arg) {
            long actorHash = actorHashes.computeIfAbsent(actor, EventIdentity::hashName);
            return EventIdentity.group(
                    cause >= 0 ? inherited[cause] : opAnchor(kind.ordinal(), arg),
                    actorHash,
                    kind.ordinal(),
                    block,
                    field == null ? -1 : field.ordinal());
        }

        /** The identity the next event would have, if it were emitted now. */
        public long peek(String actor, EventKind kind, int block, Field field, int cause, int arg) {
            long g = group(actor, kind, block, field, cause, arg);
            return identity(g, ordinals.get(g, 0));
        }

        /** Records the next event (sequence number {@link #size()}) and returns its identity. */
        public long add(String actor, EventKind kind, int block, Field field, int cause, int arg) {
            long g = group(actor, kind, block, field, cause, arg);
            long id = identity(g, ordinals.getAndIncrement(g));
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, size * 2);
                inherited = java.util.Arrays.copyOf(inherited, size * 2);
            }
            ids[size] = id;
            inherited[size] = cause < 0 || kind.actorKind() == ActorKind.CLIENT ? id : inherited[cause];
            size++;
            return id;
        }

        /** Events recorded. */
        public int size() {
            return size;
        }

        /** The identity of recorded event {@code seq}. */
        public long identityOf(int seq) {
            return ids[seq];
        }
    }

    static long group(long parent, long actorHash, int kind, int block, int field) {
        long h = mix(parent ^ 0x6A09_E667_F3BC_C909L);
        h = mix(h ^ actorHash);
        return mix(h + (((long) kind << 40) | ((long) (field + 1) << 32) | ((block + 1) & 0xFFFF_FFFFL)));
    }

    static long identity(long group, int ordinal) {
        return mix(group + 0x9E37_79B9_7F4A_7C15L * (ordinal + 1L));
    }

    /** FNV-1a over the UTF-8 bytes, then mixed. */
    static long hashName(String name) {
        long h = 0xCBF2_9CE4_8422_2325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100_0000_01B3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** The printable form of an identity, 16 lower-case hex digits (how interventions name events). */
    public static String text(long identity) {
        String hex = Long.toHexString(identity);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /**
     * Parses {@link #text}.
     *
     * @throws IllegalArgumentException if it is not 1 to 16 hex digits
     */
    public static long parse(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 16 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("'" + NumberText.quote(text) + "' is not an event key (16 hex digits)");
        }
        return Long.parseUnsignedLong(t, 16);
    }
}
