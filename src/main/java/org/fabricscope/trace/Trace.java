package org.fabricscope.trace;

/**
 * An immutable, columnar trace: one primitive array per event field, indexed by sequence number.
 * Build one with {@link TraceBuilder}; read one from a file with the trace reader.
 *
 * <p>About 30 bytes per event. The arrays are never exposed: callers read through accessors, so
 * the trace stays immutable. Times are kept as a 64-bit base per chunk of
 * {@code 2^TIME_CHUNK_SHIFT} events plus a 32-bit unsigned offset per event (times never decrease,
 * so a chunk spans little time); a trace with a chunk spanning more than 2^32 µs (71 minutes)
 * keeps plain 64-bit times instead.
 */
public final class Trace {
    private final TraceHeader header;
    private final int size;

    /**
     * Events per time chunk is {@code 1 << TIME_CHUNK_SHIFT}. Public for binary forms of a trace
     * that store the chunked times as they are (see {@link #adopt}).
     */
    public static final int TIME_CHUNK_SHIFT = 12;

    /** Per-event times when they do not fit the chunked form, else null. */
    private final long[] timeWide;
    /** Time of each chunk's first event (chunked form). */
    private final long[] timeBase;
    /** Unsigned offset of each event's time from its chunk's base (chunked form). */
    private final int[] timeOffset;

    private final int[] block;
    private final short[] node;
    private final short[] actor;
    private final byte[] kind;
    private final byte[] field;
    private final int[] oldValue;
    private final int[] newValue;
    private final int[] cause;
    private final int[] arg;
    private final String[] actorNames;

    Trace(
            TraceHeader header,
            int size,
            long[] timeMicros,
            int[] block,
            short[] node,
            short[] actor,
            byte[] kind,
            byte[] field,
            int[] oldValue,
            int[] newValue,
            int[] cause,
            int[] arg,
            String[] actorNames) {
        this.header = header;
        this.size = size;
        long[] base = chunkBases(timeMicros, size);
        if (base == null) {
            this.timeWide = timeMicros;
            this.timeBase = null;
            this.timeOffset = null;
        } else {
            int[] offsets = new int[size];
            for (int i = 0; i < size; i++) {
                offsets[i] = (int) (timeMicros[i] - base[i >>> TIME_CHUNK_SHIFT]);
            }
            this.timeWide = null;
            this.timeBase = base;
            this.timeOffset = offsets;
        }
        this.block = block;
        this.node = node;
        this.actor = actor;
        this.kind = kind;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.cause = cause;
        this.arg = arg;
        this.actorNames = actorNames;
    }

    /** The chunked-time form as it is; {@link #adopt} has checked it. */
    private Trace(
            TraceHeader header,
            int size,
            long[] timeBase,
            int[] timeOffset,
            int[] block,
            short[] node,
            short[] actor,
            byte[] kind,
            byte[] field,
            int[] oldValue,
            int[] newValue,
            int[] cause,
            int[] arg,
            String[] actorNames) {
        this.header = header;
        this.size = size;
        this.timeWide = null;
        this.timeBase = timeBase;
        this.timeOffset = timeOffset;
        this.block = block;
        this.node = node;
        this.actor = actor;
        this.kind = kind;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.cause = cause;
        this.arg = arg;
        this.actorNames = actorNames;
    }

    /**
     * A trace over columns read back from a binary form (the trace cache), without copying them.
     * The trace takes ownership of the arrays: the caller must neither keep nor change them.
     *
     * <p>Times come in one of two forms: chunked ({@code timeBase} holds {@code (size >>>
     * TIME_CHUNK_SHIFT) + 1} chunk bases, {@code timeOffset} one unsigned offset per event, {@code
     * timeWide} is null) or wide ({@code timeWide} holds one time per event, the other two are
     * null). Every rule {@link TraceBuilder} checks is checked again, plus that each id names
     * something that exists, so columns from a damaged file can never make a trace whose
     * accessors fail or whose times go backwards.
     *
     * @param actorNames the interned actor names, by id
     * @throws IllegalArgumentException naming the first broken rule
     */
    public static Trace adopt(
            TraceHeader header,
            String[] actorNames,
            long[] timeBase,
            int[] timeOffset,
            long[] timeWide,
            int[] block,
            short[] node,
            short[] actor,
            byte[] kind,
            byte[] field,
            int[] oldValue,
            int[] newValue,
            int[] cause,
            int[] arg) {
        int size = block.length;
        if (node.length != size
                || actor.length != size
                || kind.length != size
                || field.length != size
                || oldValue.length != size
                || newValue.length != size
                || cause.length != size
                || arg.length != size) {
            throw new IllegalArgumentException("columns of different lengths");
        }
        boolean wide = timeWide != null;
        if (wide
                ? timeBase != null || timeOffset != null || timeWide.length != size
                : timeBase == null
                        || timeOffset == null
                        || timeOffset.length != size
                        || timeBase.length != (size >>> TIME_CHUNK_SHIFT) + 1) {
            throw new IllegalArgumentException("times are in neither the chunked nor the wide form");
        }
        checkEvents(header, actorNames.length, timeBase, timeOffset, timeWide, block, node, actor, kind, field, cause);
        if (wide) {
            return new Trace(
                    header,
                    size,
                    timeWide,
                    block,
                    node,
                    actor,
                    kind,
                    field,
                    oldValue,
                    newValue,
                    cause,
                    arg,
                    actorNames);
        }
        return new Trace(
                header,
                size,
                timeBase,
                timeOffset,
                block,
                node,
                actor,
                kind,
                field,
                oldValue,
                newValue,
                cause,
                arg,
                actorNames);
    }

    private static void checkEvents(
            TraceHeader header,
            int actorCount,
            long[] timeBase,
            int[] timeOffset,
            long[] timeWide,
            int[] block,
            short[] node,
            short[] actor,
            byte[] kind,
            byte[] field,
            int[] cause) {
        int blocks = header.topology().blockCount();
        int nodes = header.topology().nodes();
        int kinds = EventKind.count();
        int fields = Field.count();
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < block.length; i++) {
            long t = timeWide != null ? timeWide[i] : timeBase[i >>> TIME_CHUNK_SHIFT] + (timeOffset[i] & 0xFFFF_FFFFL);
            if (t < previous) {
                throw new IllegalArgumentException("time goes backwards at event " + i);
            }
            previous = t;
            if (block[i] < -1 || block[i] >= blocks || node[i] < -1 || node[i] >= nodes) {
                throw new IllegalArgumentException("event " + i + " names an unknown block or node");
            }
            if (actor[i] < 0
                    || actor[i] >= actorCount
                    || kind[i] < 0
                    || kind[i] >= kinds
                    || field[i] < -1
                    || field[i] >= fields) {
                throw new IllegalArgumentException("event " + i + " names an unknown actor, kind or field");
            }
            if (cause[i] < -1 || cause[i] >= i) {
                throw new IllegalArgumentException("event " + i + " has cause " + cause[i] + ", not an earlier event");
            }
        }
    }

    /** Each chunk's first time, or null if some chunk spans more than an unsigned int of µs. */
    private static long[] chunkBases(long[] times, int size) {
        long[] base = new long[(size >>> TIME_CHUNK_SHIFT) + 1];
        for (int c = 0; c < base.length; c++) {
            int first = c << TIME_CHUNK_SHIFT;
            if (first >= size) {
                break;
            }
            int last = Math.min(size, first + (1 << TIME_CHUNK_SHIFT)) - 1;
            base[c] = times[first];
            long span = times[last] - times[first];
            if (span < 0 || span > 0xFFFF_FFFFL) {
                return null;
            }
        }
        return base;
    }

    public TraceHeader header() {
        return header;
    }

    /** Number of events. */
    public int size() {
        return size;
    }

    public long timeMicros(int seq) {
        if (timeWide != null) {
            return timeWide[seq];
        }
        // timeOffset has exactly size entries, so a seq out of range throws as before.
        return timeBase[seq >>> TIME_CHUNK_SHIFT] + (timeOffset[seq] & 0xFFFF_FFFFL);
    }

    /** The block, or -1. */
    public int block(int seq) {
        return block[seq];
    }

    /** The node, or -1. */
    public int node(int seq) {
        return node[seq];
    }

    /** Interned id of the actor; see {@link #actorName(int)}. */
    public int actorId(int seq) {
        return actor[seq];
    }

    public String actor(int seq) {
        return actorNames[actor[seq]];
    }

    /** Number of distinct actor names. */
    public int actorCount() {
        return actorNames.length;
    }

    public String actorName(int actorId) {
        return actorNames[actorId];
    }

    public EventKind kind(int seq) {
        return EventKind.ofOrdinal(kind[seq]);
    }

    /** Ordinal of the kind, for tight loops. */
    public int kindOrdinal(int seq) {
        return kind[seq];
    }

    /** The field changed or read, or {@code null}. */
    public Field field(int seq) {
        return Field.ofOrdinal(field[seq]);
    }

    /** Ordinal of the field, or -1. */
    public int fieldOrdinal(int seq) {
        return field[seq];
    }

    public int oldValue(int seq) {
        return oldValue[seq];
    }

    public int newValue(int seq) {
        return newValue[seq];
    }

    /** Sequence number of the causing event, or -1. */
    public int cause(int seq) {
        return cause[seq];
    }

    public int arg(int seq) {
        return arg[seq];
    }

    /** Time of the first event, or 0 for an empty trace. */
    public long startMicros() {
        return size == 0 ? 0 : timeMicros(0);
    }

    /** Time of the last event, or 0 for an empty trace. */
    public long endMicros() {
        return size == 0 ? 0 : timeMicros(size - 1);
    }

    /**
     * The first sequence number whose time is at or after {@code t} ({@link #size()} if none).
     * Binary search: times never decrease.
     */
    public int firstAtOrAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timeMicros(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Approximate heap retained by this trace's columns, in bytes. */
    public long retainedBytesEstimate() {
        long perEvent = 4L + 2 + 2 + 1 + 1 + 4 + 4 + 4 + 4;
        long times = timeWide != null ? 8L * timeWide.length : 4L * timeOffset.length + 8L * timeBase.length;
        return perEvent * block.length + times;
    }
}
