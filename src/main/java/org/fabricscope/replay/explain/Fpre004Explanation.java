package org.fabricscope.replay.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.fabricscope.replay.BlockState;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.ActorKind;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Trace;

/**
 * Why one FPRE004 happened, reconstructed from the trace: the verifier's checks in the order it
 * made them, the events of other actors on the same block that slipped in between its {@link
 * EventKind#VERIFY_BEGIN} and the failure, the pair of fields it saw in an inconsistent state, and
 * what the patched check order ({@code lastWritePending} and the lock first) would have read at the
 * same moments. Immutable; build one with {@link #explain(TraceIndex, int)}.
 */
public final class Fpre004Explanation {

    /** One read the verifier made: which field, when, and the value it saw. */
    public record CheckRead(int seq, long timeMicros, Field field, int value) {
        /** E.g. {@code cacheState=READY (read at 12.300 ms)}. */
        public String describe() {
            return field.jsonName() + "=" + field.format(value) + " (read at " + EventText.millis(timeMicros) + ")";
        }
    }

    /** An event of another actor on the same block between VERIFY_BEGIN and the FPRE004. */
    public record SlippedEvent(
            int seq, long timeMicros, String actor, EventKind kind, Field field, int oldValue, int newValue) {
        /** E.g. {@code compaction IDLE → COPYING}, or {@code ""} for an event that changes nothing. */
        public String change() {
            return field == null ? "" : field.jsonName() + " " + field.format(oldValue) + " → " + field.format(newValue);
        }
    }

    /** What the patched verifier would have read at the moment of one of the legacy checks. */
    public record PatchedRead(long timeMicros, Field field, int value) {
        public String describe() {
            return field.jsonName() + "=" + field.format(value) + " (at " + EventText.millis(timeMicros) + ")";
        }
    }

    private final int fpreSeq;
    private final int block;
    private final long timeMicros;
    private final int verifyBeginSeq;
    private final int transactionId;
    private final String verifierActor;
    private final List<CheckRead> checks;
    private final List<SlippedEvent> slipped;
    private final CheckRead firstOfPair;
    private final CheckRead secondOfPair;
    private final List<Integer> pairOrigins;
    private final List<PatchedRead> patchedReads;
    private final boolean patchedWouldWait;
    private final int lockHolderAtFirstCheck;
    private final String inconsistency;
    private final String patchedVerdict;
    private final String summary;

    private Fpre004Explanation(Builder b) {
        this.fpreSeq = b.fpreSeq;
        this.block = b.block;
        this.timeMicros = b.timeMicros;
        this.verifyBeginSeq = b.verifyBeginSeq;
        this.transactionId = b.transactionId;
        this.verifierActor = b.verifierActor;
        this.checks = Collections.unmodifiableList(b.checks);
        this.slipped = Collections.unmodifiableList(b.slipped);
        this.firstOfPair = b.firstOfPair;
        this.secondOfPair = b.secondOfPair;
        this.pairOrigins = Collections.unmodifiableList(b.pairOrigins);
        this.patchedReads = Collections.unmodifiableList(b.patchedReads);
        this.patchedWouldWait = b.patchedWouldWait;
        this.lockHolderAtFirstCheck = b.lockHolderAtFirstCheck;
        this.inconsistency = b.inconsistency;
        this.patchedVerdict = b.patchedVerdict;
        this.summary = b.summary;
    }

    /**
     * Explains the FPRE004 at {@code fpreSeq}.
     *
     * @throws IllegalArgumentException if that event is not an FPRE004
     */
    public static Fpre004Explanation explain(TraceIndex index, int fpreSeq) {
        Objects.requireNonNull(index, "index");
        Trace trace = index.trace();
        if (fpreSeq < 0 || fpreSeq >= trace.size() || trace.kind(fpreSeq) != EventKind.FPRE004) {
            throw new IllegalArgumentException("event " + fpreSeq + " is not an FPRE004");
        }
        Builder b = new Builder();
        b.fpreSeq = fpreSeq;
        b.block = trace.block(fpreSeq);
        b.timeMicros = trace.timeMicros(fpreSeq);
        b.verifierActor = trace.actor(fpreSeq);
        walkCauseChain(index, b);
        b.transactionId = transactionId(trace, fpreSeq, b.verifyBeginSeq);
        collectSlipped(index, b);
        findPair(trace, b);
        findPairOrigins(index, b);
        predictPatched(index, b);
        b.summary = summarize(trace, b);
        return new Fpre004Explanation(b);
    }

    /**
     * Follows causes from the FPRE004 back to VERIFY_BEGIN, collecting the checks. If the chain is
     * broken (a trace from an older simulator), falls back to the verifier's own events on the
     * block, scanning back to its VERIFY_BEGIN.
     */
    private static void walkCauseChain(TraceIndex index, Builder b) {
        Trace trace = index.trace();
        List<CheckRead> reversed = new ArrayList<>();
        int seq = trace.cause(b.fpreSeq);
        while (seq >= 0) {
            EventKind kind = trace.kind(seq);
            if (kind == EventKind.VERIFY_BEGIN) {
                b.verifyBeginSeq = seq;
                break;
            }
            if (kind == EventKind.VERIFY_CHECK && trace.field(seq) != null) {
                reversed.add(read(trace, seq));
            } else if (kind.actorKind() != ActorKind.VERIFIER) {
                break; // left the verifier's own chain without finding its beginning
            }
            seq = trace.cause(seq);
        }
        if (b.verifyBeginSeq < 0 && b.block >= 0) {
            reversed.clear();
            int actorId = trace.actorId(b.fpreSeq);
            for (int s = index.prevOfBlock(b.block, b.fpreSeq); s >= 0; s = index.prevOfBlock(b.block, s)) {
                if (trace.actorId(s) != actorId) {
                    continue;
                }
                if (trace.kind(s) == EventKind.VERIFY_BEGIN) {
                    b.verifyBeginSeq = s;
                    break;
                }
                if (trace.kind(s) == EventKind.VERIFY_CHECK && trace.field(s) != null) {
                    reversed.add(read(trace, s));
                }
            }
        }
        Collections.reverse(reversed);
        b.checks.addAll(reversed);
    }

    private static CheckRead read(Trace trace, int seq) {
        return new CheckRead(seq, trace.timeMicros(seq), trace.field(seq), trace.newValue(seq));
    }

    /** The client transaction behind the failing read: from the FPRE004, its VERIFY_BEGIN or their causes. */
    private static int transactionId(Trace trace, int fpreSeq, int beginSeq) {
        int[] candidates = {fpreSeq, beginSeq, beginSeq >= 0 ? trace.cause(beginSeq) : -1};
        for (int seq : candidates) {
            if (seq >= 0 && trace.arg(seq) != 0 && trace.kind(seq) != EventKind.WRITE_ACK) {
                return trace.arg(seq);
            }
        }
        return 0;
    }

    private static void collectSlipped(TraceIndex index, Builder b) {
        if (b.verifyBeginSeq < 0 || b.block < 0) {
            return;
        }
        Trace trace = index.trace();
        int verifierId = trace.actorId(b.fpreSeq);
        for (int s = index.nextOfBlock(b.block, b.verifyBeginSeq); s >= 0 && s < b.fpreSeq; s = index.nextOfBlock(b.block, s)) {
            if (trace.actorId(s) == verifierId) {
                continue;
            }
            b.slipped.add(new SlippedEvent(
                    s, trace.timeMicros(s), trace.actor(s), trace.kind(s), trace.field(s), trace.oldValue(s), trace.newValue(s)));
        }
    }

    /**
     * The field that exposed the failure (the FPRE004's field) and the field it contradicts. The
     * partner follows the fabric's invariants: a buffer may be READY only when no write is pending
     * or holds the lock, and the cached version must be the committed one.
     */
    private static void findPair(Trace trace, Builder b) {
        Field exposing = trace.field(b.fpreSeq);
        CheckRead exposed = null;
        for (CheckRead c : b.checks) {
            if (c.field() == exposing) {
                exposed = c; // the last read of that field: the one that observed the inconsistency
            }
        }
        if (exposed == null && exposing != null) {
            exposed = new CheckRead(b.fpreSeq, b.timeMicros, exposing, trace.newValue(b.fpreSeq));
        }
        CheckRead partner = null;
        if (exposed != null) {
            for (Field candidate : partnersOf(exposed.field())) {
                partner = firstCheckOf(b.checks, candidate);
                if (partner != null) {
                    break;
                }
            }
            if (partner == null) {
                for (CheckRead c : b.checks) {
                    if (c.field() != exposed.field()) {
                        partner = c;
                        break;
                    }
                }
            }
        }
        if (exposed == null) {
            b.inconsistency = "The FPRE004 names no field; the verifier's reads are listed above.";
            return;
        }
        if (partner == null) {
            b.firstOfPair = exposed;
            b.inconsistency = exposed.describe() + " did not match what the verifier expected.";
            return;
        }
        boolean partnerFirst = partner.timeMicros() < exposed.timeMicros()
                || (partner.timeMicros() == exposed.timeMicros() && partner.seq() < exposed.seq());
        b.firstOfPair = partnerFirst ? partner : exposed;
        b.secondOfPair = partnerFirst ? exposed : partner;
        b.inconsistency = b.firstOfPair.describe() + " with " + b.secondOfPair.describe();
    }

    private static List<Field> partnersOf(Field f) {
        switch (f) {
            case LAST_WRITE_PENDING:
            case LOCK_HOLDER:
                return List.of(Field.CACHE_STATE, Field.CACHE_VERSION);
            case CACHE_STATE:
                return List.of(Field.LAST_WRITE_PENDING, Field.LOCK_HOLDER, Field.CACHE_VERSION);
            case CACHE_VERSION:
                return List.of(Field.VERSION, Field.CACHE_STATE);
            case VERSION:
                return List.of(Field.CACHE_VERSION);
            case CHECKSUM:
                return List.of(Field.CACHE_VERSION, Field.VERSION);
            default:
                return List.of();
        }
    }

    private static CheckRead firstCheckOf(List<CheckRead> checks, Field f) {
        for (CheckRead c : checks) {
            if (c.field() == f) {
                return c;
            }
        }
        return null;
    }

    /** Who put each field of the pair into the value the verifier saw. */
    private static void findPairOrigins(TraceIndex index, Builder b) {
        for (CheckRead c : new CheckRead[] {b.firstOfPair, b.secondOfPair}) {
            if (c != null && b.block >= 0) {
                int origin = index.lastChange(b.block, c.field(), c.seq());
                if (origin >= 0) {
                    b.pairOrigins.add(origin);
                }
            }
        }
    }

    /**
     * The patched verifier reads {@code lastWritePending} and the lock before anything else. Its
     * i-th read is placed at the moment of the legacy i-th check and sees the state the trace had
     * then, so the prediction uses only what really happened on the block.
     */
    private static void predictPatched(TraceIndex index, Builder b) {
        if (b.checks.isEmpty() || b.block < 0) {
            b.patchedVerdict = "No checks were recorded, so the patched order cannot be replayed.";
            return;
        }
        List<Field> order = new ArrayList<>();
        order.add(Field.LAST_WRITE_PENDING);
        for (CheckRead c : b.checks) {
            if (c.field() == Field.LOCK_HOLDER && !order.contains(Field.LOCK_HOLDER)) {
                order.add(Field.LOCK_HOLDER);
            }
        }
        for (CheckRead c : b.checks) {
            if (!order.contains(c.field())) {
                order.add(c.field());
            }
        }
        BlockState atFirst = index.stateAt(b.block, b.checks.get(0).seq());
        b.lockHolderAtFirstCheck = atFirst.get(Field.LOCK_HOLDER);
        PatchedRead pendingRead = null;
        for (int i = 0; i < order.size(); i++) {
            CheckRead slot = b.checks.get(Math.min(i, b.checks.size() - 1));
            BlockState state = i == 0 ? atFirst : index.stateAt(b.block, slot.seq());
            Field f = order.get(i);
            PatchedRead r = new PatchedRead(slot.timeMicros(), f, state.get(f));
            b.patchedReads.add(r);
            boolean pending = (f == Field.LAST_WRITE_PENDING && r.value() != 0) || (f == Field.LOCK_HOLDER && r.value() != 0);
            if (pending) {
                pendingRead = r;
                break; // the patched verifier stops here and waits; it never trusts the cache
            }
        }
        b.patchedWouldWait = pendingRead != null;
        if (pendingRead != null) {
            String lock = b.lockHolderAtFirstCheck != 0 ? " (the lock was held by write " + b.lockHolderAtFirstCheck + ")" : "";
            b.patchedVerdict = "The patched order reads " + pendingRead.field().jsonName() + " first: at "
                    + EventText.millis(pendingRead.timeMicros()) + " it would have seen " + pendingRead.field().jsonName()
                    + "=" + pendingRead.field().format(pendingRead.value()) + lock
                    + ", so it would have waited for the write to complete and read from the media instead of"
                    + " trusting the cache.";
        } else {
            b.patchedVerdict = "The patched order reads lastWritePending first: at "
                    + EventText.millis(b.patchedReads.get(0).timeMicros())
                    + " it would have seen false, so no write was pending when it looked and it would have"
                    + " read a consistent block; the pending write in this trace arrived after that read.";
        }
    }

    private static String summarize(Trace trace, Builder b) {
        StringBuilder sb = new StringBuilder();
        sb.append("The read of block ").append(b.block);
        if (b.transactionId != 0) {
            sb.append(" (txn ").append(b.transactionId).append(')');
        }
        sb.append(" failed with FPRE004 at ").append(EventText.millis(b.timeMicros)).append(". ");
        if (b.secondOfPair != null) {
            CheckRead first = b.firstOfPair;
            CheckRead second = b.secondOfPair;
            sb.append("The verifier read ").append(first.field().jsonName()).append('=').append(first.field().format(first.value()))
                    .append(" first and only ").append(EventText.millis(second.timeMicros() - first.timeMicros()))
                    .append(" later read ").append(second.field().jsonName()).append('=')
                    .append(second.field().format(second.value())).append(": ");
            sb.append(pairMeaning(first, second)).append(". ");
        } else if (b.firstOfPair != null) {
            sb.append("The verifier found ").append(b.firstOfPair.describe()).append(". ");
        }
        if (!b.pairOrigins.isEmpty()) {
            List<String> origins = new ArrayList<>();
            for (int origin : b.pairOrigins) {
                Field f = trace.field(origin);
                origins.add(f.jsonName() + " became " + f.format(trace.newValue(origin)) + " by " + trace.actor(origin)
                        + " (" + trace.kind(origin) + " at " + EventText.millis(trace.timeMicros(origin)) + ")");
            }
            sb.append("Before that, ").append(String.join(" and ", origins)).append(". ");
        }
        if (!b.slipped.isEmpty()) {
            List<String> actors = new ArrayList<>();
            for (SlippedEvent e : b.slipped) {
                if (!actors.contains(e.actor())) {
                    actors.add(e.actor());
                }
            }
            sb.append(b.slipped.size()).append(b.slipped.size() == 1 ? " event" : " events")
                    .append(" from ").append(String.join(", ", actors))
                    .append(" slipped in between the verifier's checks. ");
        }
        sb.append(b.patchedWouldWait
                ? "Checked in the patched order, the pending write would have been seen first and the cache not trusted."
                : "Checked in the patched order, the verifier would not have seen the write pending at its first read.");
        return sb.toString();
    }

    private static String pairMeaning(CheckRead first, CheckRead second) {
        CheckRead cache = first.field() == Field.CACHE_STATE ? first : second.field() == Field.CACHE_STATE ? second : null;
        CheckRead pending = isPendingField(first.field()) ? first : isPendingField(second.field()) ? second : null;
        if (cache != null && pending != null && cache.value() == CacheState.READY.ordinal() && pending.value() != 0) {
            return "the cache was marked ready while a write was still pending";
        }
        return "the two values cannot both be true of one block";
    }

    private static boolean isPendingField(Field f) {
        return f == Field.LAST_WRITE_PENDING || f == Field.LOCK_HOLDER;
    }

    /** The FPRE004 event explained. */
    public int fpreSeq() {
        return fpreSeq;
    }

    public int block() {
        return block;
    }

    public long timeMicros() {
        return timeMicros;
    }

    /** The VERIFY_BEGIN of the failing verification, or -1 if the trace does not show it. */
    public int verifyBeginSeq() {
        return verifyBeginSeq;
    }

    /** The client transaction id of the failing read, or 0 if the trace does not carry one. */
    public int transactionId() {
        return transactionId;
    }

    /** The verifier actor, e.g. {@code verifier@n1}. */
    public String verifierActor() {
        return verifierActor;
    }

    /** The verifier's reads in the order it made them. */
    public List<CheckRead> checks() {
        return checks;
    }

    /** Events of other actors on the block between VERIFY_BEGIN and the FPRE004, in order. */
    public List<SlippedEvent> slipped() {
        return slipped;
    }

    /** The earlier-read field of the inconsistent pair, or {@code null} if none could be named. */
    public CheckRead firstOfPair() {
        return firstOfPair;
    }

    /** The later-read field of the inconsistent pair, or {@code null} if only one field is known. */
    public CheckRead secondOfPair() {
        return secondOfPair;
    }

    /** For each field of the pair, the event that gave it the value the verifier saw. */
    public List<Integer> pairOrigins() {
        return pairOrigins;
    }

    /**
     * The inconsistent pair in words, e.g. {@code cacheState=READY (read at 12.300 ms) with
     * lastWritePending=true (read at 12.450 ms)}.
     */
    public String inconsistency() {
        return inconsistency;
    }

    /** What the patched order would have read, up to and including the read that makes it wait. */
    public List<PatchedRead> patchedReads() {
        return patchedReads;
    }

    /** True if the patched verifier would have seen the write pending and not trusted the cache. */
    public boolean patchedWouldWait() {
        return patchedWouldWait;
    }

    /** The write holding the lock at the first check, or 0. */
    public int lockHolderAtFirstCheck() {
        return lockHolderAtFirstCheck;
    }

    /** What the patched order would have done, in a sentence. */
    public String patchedVerdict() {
        return patchedVerdict;
    }

    /** The whole story in plain words. */
    public String summary() {
        return summary;
    }

    private static final class Builder {
        int fpreSeq;
        int block;
        long timeMicros;
        int verifyBeginSeq = -1;
        int transactionId;
        String verifierActor;
        final List<CheckRead> checks = new ArrayList<>();
        final List<SlippedEvent> slipped = new ArrayList<>();
        CheckRead firstOfPair;
        CheckRead secondOfPair;
        final List<Integer> pairOrigins = new ArrayList<>();
        final List<PatchedRead> patchedReads = new ArrayList<>();
        boolean patchedWouldWait;
        int lockHolderAtFirstCheck;
        String inconsistency = "";
        String patchedVerdict = "";
        String summary = "";
    }
}
