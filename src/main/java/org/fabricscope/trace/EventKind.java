package org.fabricscope.trace;

/**
 * What happened. Each kind belongs to one {@link ActorKind}. In a trace file a kind is written as
 * its constant name (e.g. {@code PREFETCH_READY}).
 *
 * <p>Conventions for the other columns, by kind:
 *
 * <ul>
 *   <li>State changes carry {@code field}, {@code old} and {@code new}.
 *   <li>{@link #VERIFY_CHECK} carries the {@code field} it read and the value it saw in {@code new}
 *       ({@code old} equals {@code new}); its cause is the previous check or the {@link
 *       #VERIFY_BEGIN}.
 *   <li>{@link #FPRE004} carries in {@code field} the field whose value exposed the inconsistency
 *       and its cause is the last check that observed it.
 *   <li>{@link #WRITE_ACK} carries in {@code arg} the jitter injected into its delay, in
 *       microseconds; its cause is the write's {@link #WRITE_ISSUE}.
 *   <li>Client transactions carry their transaction or write id in {@code arg}.
 * </ul>
 */
public enum EventKind {
    BLOCK_INIT(ActorKind.SYSTEM),
    CLOCK_SKEW(ActorKind.SYSTEM),

    READ_BURST(ActorKind.CLIENT),
    READ_ISSUE(ActorKind.CLIENT),
    READ_OK(ActorKind.CLIENT),
    READ_FAIL(ActorKind.CLIENT),
    WRITE_ISSUE(ActorKind.CLIENT),

    WRITE_LOCK(ActorKind.WRITE_PATH),
    WRITE_PENDING(ActorKind.WRITE_PATH),
    WRITE_MEDIA(ActorKind.WRITE_PATH),
    CACHE_INVALIDATE(ActorKind.WRITE_PATH),
    WRITE_RELEASE(ActorKind.WRITE_PATH),

    WRITE_ACK(ActorKind.WRITE_ACK),

    PREFETCH_START(ActorKind.PREFETCH),
    PREFETCH_FILL(ActorKind.PREFETCH),
    PREFETCH_BACKOFF(ActorKind.PREFETCH),
    PREFETCH_BARRIER_HOLD(ActorKind.PREFETCH),
    PREFETCH_READY(ActorKind.PREFETCH),
    PREFETCH_ABORT(ActorKind.PREFETCH),

    COMPACT_COPY(ActorKind.COMPACTION),
    COMPACT_SWITCH(ActorKind.COMPACTION),
    COMPACT_REFRESH(ActorKind.COMPACTION),
    COMPACT_DONE(ActorKind.COMPACTION),

    VERIFY_BEGIN(ActorKind.VERIFIER),
    VERIFY_CHECK(ActorKind.VERIFIER),
    VERIFY_PASS(ActorKind.VERIFIER),
    FPRE004(ActorKind.VERIFIER),

    RETRY(ActorKind.RESPONSE),
    QUARANTINE(ActorKind.RESPONSE),
    REMAP(ActorKind.RESPONSE),
    LATENCY_SPIKE(ActorKind.RESPONSE),

    MEDIA_ERROR(ActorKind.MEDIA);

    private static final EventKind[] VALUES = values();

    private final ActorKind actorKind;

    EventKind(ActorKind actorKind) {
        this.actorKind = actorKind;
    }

    public ActorKind actorKind() {
        return actorKind;
    }

    public static EventKind ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** The kind with this name, or {@code null}. */
    public static EventKind ofName(String name) {
        for (EventKind k : VALUES) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    public static int count() {
        return VALUES.length;
    }
}
