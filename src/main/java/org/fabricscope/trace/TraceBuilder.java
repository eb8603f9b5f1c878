package org.fabricscope.trace;

import java.util.Arrays;

/**
 * The write side of a {@link Trace}: appends events, checks the rules every trace obeys, and
 * freezes into an immutable trace. Not thread-safe; one builder per simulation or load.
 *
 * <p>Rules checked on every append (violations are programming errors and throw {@link
 * IllegalStateException}): time never decreases; a cause is -1 or an earlier event; a block is
 * -1 or within the topology.
 */
public final class TraceBuilder implements TraceSink {
    private static final int INITIAL_CAPACITY = 1 << 12;

    private final TraceHeader header;
    private final int blockCount;
    private final StringTable actors = new StringTable();
    private int size;
    private long[] timeMicros;
    private int[] block;
    private short[] node;
    private short[] actor;
    private byte[] kind;
    private byte[] field;
    private int[] oldValue;
    private int[] newValue;
    private int[] cause;
    private int[] arg;
    private boolean built;
    /** Events announced by {@link #expectEvents}, or 0. */
    private int expectedEvents;

    public TraceBuilder(TraceHeader header) {
        this(header, INITIAL_CAPACITY);
    }

    /** A builder with room for {@code expectedEvents} before it must grow. */
    public TraceBuilder(TraceHeader header, int expectedEvents) {
        this.header = header;
        this.blockCount = header.topology().blockCount();
        int cap = Math.max(16, expectedEvents);
        timeMicros = new long[cap];
        block = new int[cap];
        node = new short[cap];
        actor = new short[cap];
        kind = new byte[cap];
        field = new byte[cap];
        oldValue = new int[cap];
        newValue = new int[cap];
        cause = new int[cap];
        arg = new int[cap];
    }

    public TraceHeader header() {
        return header;
    }

    @Override
    public int event(
            long timeMicros,
            int block,
            int node,
            String actor,
            EventKind kind,
            Field field,
            int oldValue,
            int newValue,
            int cause,
            int arg) {
        return append(
                timeMicros,
                block,
                node,
                actors.intern(actor),
                kind.ordinal(),
                field == null ? -1 : field.ordinal(),
                oldValue,
                newValue,
                cause,
                arg);
    }

    /** Interns an actor name for use with the ordinal form of {@link #append}. */
    public int internActor(String name) {
        int id = actors.intern(name);
        // Ids start at 0: id Short.MAX_VALUE would be the 32,768th name, one more than the format allows.
        if (id >= Short.MAX_VALUE) {
            throw new IllegalStateException("more than " + Short.MAX_VALUE + " distinct actors");
        }
        return id;
    }

    /** The ordinal form of {@link #event}, for readers that already hold ids. */
    public int append(
            long timeMicros,
            int block,
            int node,
            int actorId,
            int kindOrdinal,
            int fieldOrdinal,
            int oldValue,
            int newValue,
            int cause,
            int arg) {
        if (built) {
            throw new IllegalStateException("trace already built");
        }
        int seq = size;
        if (seq > 0 && timeMicros < this.timeMicros[seq - 1]) {
            throw new IllegalStateException(
                    "time goes backwards at event " + seq + ": " + timeMicros + " < " + this.timeMicros[seq - 1]);
        }
        if (cause < -1 || cause >= seq) {
            throw new IllegalStateException("event " + seq + " has cause " + cause + ", not an earlier event");
        }
        if (block < -1 || block >= blockCount) {
            throw new IllegalStateException("event " + seq + " names unknown block " + block);
        }
        if (seq == this.timeMicros.length) {
            grow();
        }
        this.timeMicros[seq] = timeMicros;
        this.block[seq] = block;
        this.node[seq] = (short) node;
        this.actor[seq] = (short) actorId;
        this.kind[seq] = (byte) kindOrdinal;
        this.field[seq] = (byte) fieldOrdinal;
        this.oldValue[seq] = oldValue;
        this.newValue[seq] = newValue;
        this.cause[seq] = cause;
        this.arg[seq] = arg;
        size = seq + 1;
        return seq;
    }

    @Override
    public int size() {
        return size;
    }

    /** Time of the last event appended, or {@link Long#MIN_VALUE} if none. */
    public long lastTimeMicros() {
        return size == 0 ? Long.MIN_VALUE : timeMicros[size - 1];
    }

    /**
     * Says how many events are expected in all (a file's own count, say), without reserving room
     * for them: the columns grow to exactly that many once the events appended come within a
     * factor of four of it, so a false claim never costs more memory than the events justify.
     */
    public void expectEvents(int expected) {
        this.expectedEvents = expected;
    }

    private void grow() {
        int cap = timeMicros.length;
        int next = cap < (1 << 26) ? cap * 2 : cap + (cap >> 1);
        if (expectedEvents > cap && expectedEvents <= 4L * cap) {
            next = expectedEvents;
        }
        if (next < 0 || next > Integer.MAX_VALUE - 8) {
            next = Integer.MAX_VALUE - 8;
        }
        timeMicros = Arrays.copyOf(timeMicros, next);
        block = Arrays.copyOf(block, next);
        node = Arrays.copyOf(node, next);
        actor = Arrays.copyOf(actor, next);
        kind = Arrays.copyOf(kind, next);
        field = Arrays.copyOf(field, next);
        oldValue = Arrays.copyOf(oldValue, next);
        newValue = Arrays.copyOf(newValue, next);
        cause = Arrays.copyOf(cause, next);
        arg = Arrays.copyOf(arg, next);
    }

    /** Freezes the events into an immutable trace (trimming the columns). The builder is spent. */
    public Trace build() {
        if (built) {
            throw new IllegalStateException("trace already built");
        }
        built = true;
        String[] names = new String[actors.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = actors.get(i);
        }
        int n = size;
        Trace t = new Trace(
                header,
                n,
                trim(timeMicros, n),
                trim(block, n),
                trim(node, n),
                trim(actor, n),
                trim(kind, n),
                trim(field, n),
                trim(oldValue, n),
                trim(newValue, n),
                trim(cause, n),
                trim(arg, n),
                names);
        timeMicros = null;
        block = null;
        node = null;
        actor = null;
        kind = null;
        field = null;
        oldValue = null;
        newValue = null;
        cause = null;
        arg = null;
        return t;
    }

    private static long[] trim(long[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    private static int[] trim(int[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    private static short[] trim(short[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    private static byte[] trim(byte[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }
}
