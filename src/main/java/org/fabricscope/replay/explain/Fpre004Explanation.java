package org.fabricscope.replay.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
 * Why one FPRE004 happened, reconstructed from the trace alone: the verifier's checks in the order
 * it made them, the events of other actors on the block that slipped in between, the inconsistent
 * pair it saw, <em>which mechanism</em> produced that pair (a {@link Mechanism#STORED_INCONSISTENCY}
 * the block really held, or a {@link Mechanism#TORN_READ} of two different moments, decided by
 * {@link CheckWindow} from the block's true states), how the pair got its values, and what the
 * patched check order would have read at the same moments.
 *
 * <p>This is the one model of an explanation: the GUI's Explainer and the CLI's {@code explain}
 * present it, each in its own layout, and add no facts of their own. Immutable; build one with
 * {@link #explain(TraceIndex, int)}.
 */
public record Fpre004Explanation(
        int fpreSeq,
        int block,
        long timeMicros,
        int verifyBeginSeq,
        int transactionId,
        String verifierActor,
        List<CheckRead> checks,
        List<SlippedEvent> slipped,
        CheckRead firstOfPair,
        CheckRead secondOfPair,
        List<Integer> pairOrigins,
        PairKind pairKind,
        Mechanism mechanism,
        CheckWindow.Result window,
        int writeId,
        int tearSeq,
        long tearTimeMicros,
        int completingSeq,
        EventKind completingKind,
        String completingActor,
        long completingTimeMicros,
        long ackTimeMicros,
        long ackJitterMicros,
        int ackSeq,
        List<StoryStep> story,
        List<PatchedRead> patchedReads,
        PatchedOutcome patchedOutcome,
        boolean patchedSlotsApproximate,
        int lockHolderAtFirstCheck,
        int patchedCachedVersion,
        int patchedMediaVersion) {

    /** FPRE004 in one sentence, for wherever the name first appears. */
    public static final String FPRE004_DEFINITION = "FPRE004 is the error the read-verify routine returns to the client"
            + " as an ECC/checksum mismatch when it finds a block's metadata inconsistent; the client's read fails.";

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
            return field == null
                    ? ""
                    : field.jsonName() + " " + field.format(oldValue) + " → " + field.format(newValue);
        }
    }

    /** What the patched verifier would have read at the moment of one of the legacy checks. */
    public record PatchedRead(long timeMicros, Field field, int value) {
        public String describe() {
            return field.jsonName() + "=" + field.format(value) + " (at " + EventText.millis(timeMicros) + ")";
        }
    }

    /** How the patched verifier's reads would have ended. */
    public enum PatchedOutcome {
        /** It saw the write pending (or the lock held) first and went to the media after the write. */
        WAITS_FOR_WRITE,
        /** No write pending and the buffer not READY: a plain media read. */
        READS_MEDIA,
        /** No write pending and a READY buffer of the committed version: served from the cache. */
        SERVES_CACHE,
        /** The buffer itself was stale: the patched order would have raised FPRE004 too. */
        FAILS_TOO,
        /** No checks recorded: nothing to replay. */
        UNKNOWN
    }

    private static final int READY = CacheState.READY.ordinal();
    private static final int INVALID = CacheState.INVALID.ordinal();
    /** How far past the FPRE004 the write's ACK is looked for, in events of the block. */
    private static final int ACK_SEARCH_EVENTS = 100_000;

    /** The lists are copied: an explanation never changes. */
    public Fpre004Explanation {
        checks = List.copyOf(checks);
        slipped = List.copyOf(slipped);
        pairOrigins = List.copyOf(pairOrigins);
        story = List.copyOf(story);
        patchedReads = List.copyOf(patchedReads);
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
        classify(index, b);
        tellStory(index, b);
        predictPatched(index, b);
        return new Fpre004Explanation(
                b.fpreSeq,
                b.block,
                b.timeMicros,
                b.verifyBeginSeq,
                b.transactionId,
                b.verifierActor,
                b.checks,
                b.slipped,
                b.firstOfPair,
                b.secondOfPair,
                b.pairOrigins,
                b.pairKind,
                b.mechanism,
                b.window,
                b.writeId,
                b.tearSeq,
                b.tearSeq >= 0 ? index.trace().timeMicros(b.tearSeq) : -1,
                b.completingSeq,
                b.completingSeq >= 0 ? index.trace().kind(b.completingSeq) : null,
                b.completingSeq >= 0 ? index.trace().actor(b.completingSeq) : null,
                b.completingSeq >= 0 ? index.trace().timeMicros(b.completingSeq) : -1,
                b.ackTimeMicros,
                b.ackJitterMicros,
                b.ackSeq,
                b.story,
                b.patchedReads,
                b.patchedOutcome,
                b.patchedSlotsApproximate,
                b.lockHolderAtFirstCheck,
                b.patchedCachedVersion,
                b.patchedMediaVersion);
    }

    /** Every FPRE004 of the trace, in order (one explanation each). */
    public static List<Integer> fpre004Seqs(TraceIndex index) {
        List<Integer> seqs = new ArrayList<>();
        for (int s = index.nextOfKind(EventKind.FPRE004, -1); s >= 0; s = index.nextOfKind(EventKind.FPRE004, s)) {
            seqs.add(s);
        }
        return seqs;
    }

    // ------------------------------------------------------------------ the verification

    /**
     * Follows causes from the FPRE004 back to VERIFY_BEGIN, collecting the checks. If the chain is
     * broken (a trace from an older simulator), falls back to the verifier's own events on the
     * block, scanning back to its VERIFY_BEGIN.
     */
    private static void walkCauseChain(TraceIndex index, Builder b) {
        Trace trace = index.trace();
        List<CheckRead> reversed = new ArrayList<>();
        int seq = trace.cause(b.fpreSeq);
        int guard = 0;
        while (seq >= 0 && seq < b.fpreSeq && guard++ < 10_000) {
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
            int next = trace.cause(seq);
            if (next >= seq) {
                break; // a cause must come earlier; a loop in a foreign trace ends the walk
            }
            seq = next;
        }
        if (b.verifyBeginSeq < 0 && b.block >= 0) {
            reversed.clear();
            int actorId = trace.actorId(b.fpreSeq);
            int scanned = 0;
            for (int s = index.prevOfBlock(b.block, b.fpreSeq);
                    s >= 0 && scanned++ < 10_000;
                    s = index.prevOfBlock(b.block, s)) {
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
        for (int s = index.nextOfBlock(b.block, b.verifyBeginSeq);
                s >= 0 && s < b.fpreSeq;
                s = index.nextOfBlock(b.block, s)) {
            if (trace.actorId(s) == verifierId) {
                continue;
            }
            b.slipped.add(new SlippedEvent(
                    s,
                    trace.timeMicros(s),
                    trace.actor(s),
                    trace.kind(s),
                    trace.field(s),
                    trace.oldValue(s),
                    trace.newValue(s)));
        }
    }

    /**
     * The field that exposed the failure (the FPRE004's field) and the field it contradicts. The
     * partner follows the fabric's invariants: a buffer may be READY only when no write is pending
     * or holds the lock, and the cached version must be the committed one.
     */
    private static void findPair(Trace trace, Builder b) {
        Field exposing = trace.field(b.fpreSeq);
        b.pairKind = PairKind.exposedBy(exposing);
        CheckRead exposed = null;
        for (CheckRead c : b.checks) {
            if (c.field() == exposing) {
                exposed = c; // the last read of that field: the one that observed the inconsistency
            }
        }
        if (exposed == null && exposing != null) {
            exposed = new CheckRead(b.fpreSeq, b.timeMicros, exposing, trace.newValue(b.fpreSeq));
        }
        b.exposingRead = exposed;
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
            return;
        }
        if (partner == null) {
            b.firstOfPair = exposed;
            return;
        }
        boolean partnerFirst = partner.timeMicros() < exposed.timeMicros()
                || (partner.timeMicros() == exposed.timeMicros() && partner.seq() < exposed.seq());
        b.firstOfPair = partnerFirst ? partner : exposed;
        b.secondOfPair = partnerFirst ? exposed : partner;
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
            if (c != null && b.block >= 0 && c.seq() != b.fpreSeq) {
                int origin = index.lastChange(b.block, c.field(), c.seq());
                if (origin >= 0) {
                    b.pairOrigins.add(origin);
                }
            }
        }
    }

    // ------------------------------------------------------------------ the mechanism

    private static void classify(TraceIndex index, Builder b) {
        boolean hasWindow = b.block >= 0
                && !b.checks.isEmpty()
                && b.exposingRead != null
                && b.exposingRead.seq() != b.fpreSeq
                && b.pairKind != PairKind.OTHER;
        if (!hasWindow) {
            b.mechanism = Mechanism.UNDETERMINED;
            return;
        }
        List<Integer> reads = new ArrayList<>();
        for (CheckRead c : b.checks) {
            reads.add(c.seq());
        }
        b.window = CheckWindow.classify(index, b.block, reads, b.exposingRead.seq(), b.pairKind);
        b.mechanism = b.window.mechanism();
        if (b.mechanism == Mechanism.UNDETERMINED) {
            return;
        }
        Trace trace = index.trace();
        int first = b.checks.get(0).seq();
        int last = b.exposingRead.seq();
        if (b.pairKind == PairKind.PENDING_WRITE) {
            b.writeId = b.window.atExposingRead().get(Field.LOCK_HOLDER);
            int pending = index.lastChange(b.block, Field.LAST_WRITE_PENDING, last);
            if (b.writeId == 0 && pending >= 0) {
                b.writeId = trace.arg(pending);
            }
            if (b.mechanism == Mechanism.TORN_READ && pending > first) {
                b.tearSeq = pending;
            }
        } else {
            int landed = index.lastChange(b.block, Field.VERSION, last);
            if (landed >= 0) {
                b.writeId = trace.arg(landed);
            }
            if (b.mechanism == Mechanism.TORN_READ && landed > first) {
                b.tearSeq = landed;
            }
        }
        if (b.mechanism == Mechanism.STORED_INCONSISTENCY) {
            b.completingSeq = completingEvent(index, b.block, b.window.firstBrokenSeq(), b.pairKind);
        }
        findAck(index, b);
    }

    /** The event that made the rule broken: the latest change, up to {@code step}, of a field the rule reads. */
    private static int completingEvent(TraceIndex index, int block, int step, PairKind kind) {
        Field[] fields = kind == PairKind.PENDING_WRITE
                ? new Field[] {Field.CACHE_STATE, Field.LAST_WRITE_PENDING}
                : new Field[] {Field.CACHE_STATE, Field.CACHE_VERSION, Field.VERSION};
        int latest = -1;
        for (Field f : fields) {
            latest = Math.max(latest, index.lastChange(block, f, step));
        }
        if (latest < 0) {
            return -1;
        }
        // Of one instant's atomic action (a refresh writes cacheVersion, then cacheState), name its first event.
        Trace trace = index.trace();
        int first = latest;
        for (int s = index.prevOfBlock(block, latest); s >= 0; s = index.prevOfBlock(block, s)) {
            if (trace.timeMicros(s) != trace.timeMicros(latest)
                    || trace.actorId(s) != trace.actorId(latest)
                    || trace.kind(s) != trace.kind(latest)) {
                break;
            }
            first = s;
        }
        return first;
    }

    /** The completion ACK of the write the verifier saw pending: when it released the block, and its jitter. */
    private static void findAck(TraceIndex index, Builder b) {
        b.ackTimeMicros = -1;
        b.ackJitterMicros = -1;
        if (b.writeId == 0 || b.pairKind != PairKind.PENDING_WRITE) {
            return;
        }
        Trace trace = index.trace();
        int scanned = 0;
        for (int s = index.nextOfBlock(b.block, b.fpreSeq);
                s >= 0 && scanned++ < ACK_SEARCH_EVENTS;
                s = index.nextOfBlock(b.block, s)) {
            if (trace.kind(s) == EventKind.WRITE_RELEASE && trace.arg(s) == b.writeId) {
                b.ackTimeMicros = trace.timeMicros(s);
                b.ackSeq = s;
                int cause = trace.cause(s);
                for (int hops = 0; cause >= 0 && hops < 4; hops++, cause = trace.cause(cause)) {
                    if (trace.kind(cause) == EventKind.WRITE_ACK) {
                        b.ackTimeMicros = trace.timeMicros(cause);
                        b.ackJitterMicros = trace.arg(cause);
                        b.ackSeq = cause;
                        break;
                    }
                }
                return;
            }
        }
    }

    // ------------------------------------------------------------------ how the pair got its values

    private static void tellStory(TraceIndex index, Builder b) {
        Trace trace = index.trace();
        if (b.mechanism == Mechanism.UNDETERMINED) {
            for (int origin : b.pairOrigins) {
                b.story.add(new StoryStep.FieldSet(
                        origin,
                        trace.timeMicros(origin),
                        trace.field(origin),
                        trace.newValue(origin),
                        trace.actor(origin),
                        trace.kind(origin)));
            }
            return;
        }
        if (b.pairKind == PairKind.PENDING_WRITE) {
            if (b.mechanism == Mechanism.STORED_INCONSISTENCY) {
                storyStoredPending(index, b);
            } else {
                storyTornPending(index, b);
            }
        } else if (b.mechanism == Mechanism.STORED_INCONSISTENCY) {
            storyStoredStale(index, b);
        } else {
            storyTornStale(index, b);
        }
        b.story.sort(Comparator.comparingLong(f -> f.seq() < 0 ? Long.MAX_VALUE : f.seq()));
    }

    private static void storyStoredPending(TraceIndex index, Builder b) {
        Trace trace = index.trace();
        int last = b.exposingRead.seq();
        int lock = index.lastChange(b.block, Field.LOCK_HOLDER, last);
        int pending = index.lastChange(b.block, Field.LAST_WRITE_PENDING, last);
        int took = lock >= 0 && (pending < 0 || lock < pending) ? lock : pending;
        if (took >= 0) {
            b.story.add(new StoryStep.WriteTookLock(
                    took, trace.timeMicros(took), b.writeId, trace.kind(took), trace.actor(took)));
        }
        int landed = index.lastChange(b.block, Field.VERSION, last);
        if (landed > took && took >= 0) {
            b.story.add(
                    new StoryStep.WriteLandedWhilePending(landed, trace.timeMicros(landed), trace.newValue(landed)));
        }
        int done = b.completingSeq;
        if (done >= 0) {
            int fill = fillStart(index, b.block, done);
            boolean compactionRefresh = trace.kind(done) == EventKind.COMPACT_REFRESH;
            if (fill < 0 && compactionRefresh) {
                // Compaction's refresh may have cut short a prefetch fill still in flight on the buffer.
                int before = index.lastChange(b.block, Field.CACHE_STATE, done - 1);
                if (before >= 0 && trace.kind(before) == EventKind.PREFETCH_START) {
                    fill = before;
                }
            }
            if (fill >= 0 && fill != done) {
                boolean beforeLock = took >= 0 && fill < took;
                int asked = trace.cause(fill);
                if (asked >= 0 && asked < fill && trace.kind(asked).name().startsWith("COMPACT")) {
                    int copy = compactionCopy(index, asked);
                    b.story.add(new StoryStep.CompactionAskedRefill(
                            fill,
                            trace.timeMicros(fill),
                            trace.actor(asked),
                            copy >= 0 ? trace.timeMicros(copy) : -1,
                            trace.actor(fill),
                            beforeLock));
                } else {
                    b.story.add(new StoryStep.FillStarted(
                            fill, trace.timeMicros(fill), trace.actor(fill), beforeLock, compactionRefresh));
                }
            }
            if (compactionRefresh) {
                int copy = compactionCopy(index, done);
                if (copy >= 0) {
                    b.story.add(new StoryStep.CompactionCopyBegan(copy, trace.timeMicros(copy), trace.actor(copy)));
                }
            }
            int lockHolder = index.stateAt(b.block, done).get(Field.LOCK_HOLDER);
            if (trace.field(done) == Field.LAST_WRITE_PENDING || trace.field(done) == Field.LOCK_HOLDER) {
                b.story.add(new StoryStep.PendingSetOnReadyBuffer(
                        done, trace.timeMicros(done), trace.actor(done), trace.kind(done)));
            } else if (compactionRefresh) {
                b.story.add(new StoryStep.RefreshMarkedReady(
                        done, trace.timeMicros(done), trace.actor(done), trace.kind(done), lockHolder));
            } else {
                b.story.add(new StoryStep.MarkedReadyDuringWrite(
                        done, trace.timeMicros(done), trace.actor(done), trace.kind(done), lockHolder));
            }
        }
        addReads(trace, b);
        addAck(b);
    }

    private static void storyTornPending(TraceIndex index, Builder b) {
        Trace trace = index.trace();
        CheckRead cacheRead = firstCheckOf(b.checks, Field.CACHE_STATE);
        int first = b.checks.get(0).seq();
        int last = b.exposingRead.seq();
        if (cacheRead != null) {
            int ready = index.lastChange(b.block, Field.CACHE_STATE, cacheRead.seq());
            if (ready >= 0) {
                b.story.add(new StoryStep.ReadyWhileConsistent(
                        ready,
                        trace.timeMicros(ready),
                        trace.newValue(ready),
                        trace.actor(ready),
                        trace.kind(ready),
                        index.stateAt(b.block, ready).get(Field.LAST_WRITE_PENDING)));
            }
            b.story.add(new StoryStep.VerifierReadCacheState(
                    cacheRead.seq(),
                    trace.timeMicros(cacheRead.seq()),
                    cacheRead.value(),
                    b.window.atFirstRead().get(Field.LAST_WRITE_PENDING)));
        }
        if (b.tearSeq >= 0) {
            int invalidated = firstChangeTo(index, b.block, Field.CACHE_STATE, INVALID, first, last);
            b.story.add(new StoryStep.WriteBeganBetweenReads(
                    b.tearSeq,
                    trace.timeMicros(b.tearSeq),
                    b.writeId,
                    trace.actor(b.tearSeq),
                    invalidated >= 0 && trace.timeMicros(invalidated) == trace.timeMicros(b.tearSeq)));
        }
        b.story.add(new StoryStep.VerifierReadPending(
                last,
                trace.timeMicros(last),
                b.exposingRead.value(),
                b.window.atExposingRead().get(Field.CACHE_STATE)));
    }

    private static void storyStoredStale(TraceIndex index, Builder b) {
        Trace trace = index.trace();
        int step = b.window.firstBrokenSeq();
        int cached = index.lastChange(b.block, Field.CACHE_VERSION, step);
        int committed = index.lastChange(b.block, Field.VERSION, step);
        BlockState at = index.stateAt(b.block, step);
        if (committed >= 0) {
            b.story.add(new StoryStep.MediaVersionSet(
                    committed,
                    trace.timeMicros(committed),
                    trace.newValue(committed),
                    trace.kind(committed),
                    trace.actor(committed)));
        }
        if (cached >= 0) {
            b.story.add(new StoryStep.CacheVersionSet(
                    cached, trace.timeMicros(cached), trace.newValue(cached), trace.actor(cached), trace.kind(cached)));
        }
        if (b.completingSeq >= 0 && b.completingSeq != cached && b.completingSeq != committed) {
            b.story.add(new StoryStep.StaleStateCompleted(
                    b.completingSeq,
                    trace.timeMicros(b.completingSeq),
                    trace.actor(b.completingSeq),
                    trace.kind(b.completingSeq)));
        }
        b.story.add(new StoryStep.StaleBufferReady(
                step, trace.timeMicros(step), at.get(Field.CACHE_VERSION), at.get(Field.VERSION)));
        addReads(trace, b);
    }

    private static void storyTornStale(TraceIndex index, Builder b) {
        Trace trace = index.trace();
        CheckRead versionRead = firstCheckOf(b.checks, Field.CACHE_VERSION);
        if (versionRead != null) {
            b.story.add(new StoryStep.VerifierReadCachedVersion(
                    versionRead.seq(),
                    trace.timeMicros(versionRead.seq()),
                    versionRead.value(),
                    index.stateAt(b.block, versionRead.seq()).get(Field.VERSION)));
        }
        if (b.tearSeq >= 0) {
            b.story.add(new StoryStep.WriteLandedBetweenReads(
                    b.tearSeq,
                    trace.timeMicros(b.tearSeq),
                    b.writeId,
                    trace.newValue(b.tearSeq),
                    trace.actor(b.tearSeq)));
        }
        b.story.add(new StoryStep.VerifierReadNewVersion(
                b.exposingRead.seq(),
                trace.timeMicros(b.exposingRead.seq()),
                b.exposingRead.field(),
                b.exposingRead.value()));
    }

    /** The verifier's two reads of the pair, both true at once, for a stored inconsistency. */
    private static void addReads(Trace trace, Builder b) {
        if (b.firstOfPair == null || b.secondOfPair == null) {
            return;
        }
        int seq = b.exposingRead.seq();
        b.story.add(
                new StoryStep.PairReadTogether(seq, trace.timeMicros(seq), b.firstOfPair, b.secondOfPair, b.pairKind));
    }

    private static void addAck(Builder b) {
        if (b.writeId == 0) {
            return;
        }
        if (b.ackTimeMicros >= 0) {
            b.story.add(new StoryStep.AckArrived(
                    b.ackSeq, b.ackTimeMicros, b.writeId, b.ackJitterMicros, b.ackTimeMicros - b.timeMicros));
        } else {
            b.story.add(new StoryStep.AckMissing(-1, b.timeMicros, b.writeId));
        }
    }

    /** The COMPACT_COPY at the start of the compaction pass that led to {@code seq}; or -1. */
    private static int compactionCopy(TraceIndex index, int seq) {
        Trace trace = index.trace();
        int s = seq;
        for (int hops = 0; s >= 0 && hops < 16; hops++) {
            if (trace.kind(s) == EventKind.COMPACT_COPY) {
                return s;
            }
            int cause = trace.cause(s);
            if (cause >= s) {
                return -1;
            }
            s = cause;
        }
        return -1;
    }

    /** The PREFETCH_START of the fill whose event is {@code seq}, following causes back a few hops; or -1. */
    private static int fillStart(TraceIndex index, int block, int seq) {
        Trace trace = index.trace();
        int s = seq;
        for (int hops = 0; s >= 0 && hops < 16; hops++) {
            if (trace.block(s) == block && trace.kind(s) == EventKind.PREFETCH_START) {
                return s;
            }
            int cause = trace.cause(s);
            if (cause >= s) {
                return -1;
            }
            s = cause;
        }
        return -1;
    }

    /** The first event in {@code (from, to]} that set {@code field} of the block to {@code value}; or -1. */
    private static int firstChangeTo(TraceIndex index, int block, Field field, int value, int from, int to) {
        Trace trace = index.trace();
        for (int s = index.nextOfBlock(block, from); s >= 0 && s <= to; s = index.nextOfBlock(block, s)) {
            if (trace.field(s) == field && index.isStateChange(s) && trace.newValue(s) == value) {
                return s;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ the patched order

    /**
     * Replays the reordered verifier (lastWritePending, lock; then cacheState and, if READY,
     * cacheVersion and the checksum) on the block's true states. Its i-th read is placed at the
     * moment of the legacy i-th check: both orders take one {@code verifyStepMicros} per read, so
     * the reads fall at the same moments. When the legacy run stopped after fewer checks, the rest
     * are placed at its last check ({@link #patchedSlotsApproximate()}).
     */
    private static void predictPatched(TraceIndex index, Builder b) {
        if (b.checks.isEmpty() || b.block < 0) {
            b.patchedOutcome = PatchedOutcome.UNKNOWN;
            return;
        }
        Field[] plan = {
            Field.LAST_WRITE_PENDING, Field.LOCK_HOLDER, Field.CACHE_STATE, Field.CACHE_VERSION, Field.CHECKSUM
        };
        b.lockHolderAtFirstCheck = index.stateAt(b.block, b.checks.get(0).seq()).get(Field.LOCK_HOLDER);
        int cachedVersion = 0;
        PatchedOutcome outcome = PatchedOutcome.SERVES_CACHE;
        BlockState stateAtEnd = null;
        for (int i = 0; i < plan.length; i++) {
            if (i >= b.checks.size()) {
                b.patchedSlotsApproximate = true;
            }
            CheckRead slot = b.checks.get(Math.min(i, b.checks.size() - 1));
            BlockState state = index.stateAt(b.block, slot.seq());
            Field f = plan[i];
            int value = state.get(f);
            b.patchedReads.add(new PatchedRead(slot.timeMicros(), f, value));
            stateAtEnd = state;
            if ((f == Field.LAST_WRITE_PENDING || f == Field.LOCK_HOLDER) && value != 0) {
                outcome = PatchedOutcome.WAITS_FOR_WRITE;
                break; // the patched verifier stops here and waits; it never trusts the cache
            }
            if (f == Field.CACHE_STATE && value != READY) {
                outcome = PatchedOutcome.READS_MEDIA;
                break;
            }
            if (f == Field.CACHE_VERSION) {
                cachedVersion = value;
            }
            if (f == Field.CHECKSUM && state.get(Field.VERSION) != cachedVersion) {
                outcome = PatchedOutcome.FAILS_TOO;
            }
        }
        b.patchedOutcome = outcome;
        b.patchedCachedVersion = cachedVersion;
        b.patchedMediaVersion = stateAtEnd.get(Field.VERSION);
    }
    /** True if the patched verifier would have seen the write pending and not trusted the cache. */
    public boolean patchedWouldWait() {
        return patchedOutcome == PatchedOutcome.WAITS_FOR_WRITE;
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
        CheckRead exposingRead;
        final List<Integer> pairOrigins = new ArrayList<>();
        PairKind pairKind = PairKind.OTHER;
        Mechanism mechanism = Mechanism.UNDETERMINED;
        CheckWindow.Result window;
        int writeId;
        int tearSeq = -1;
        int completingSeq = -1;
        long ackTimeMicros = -1;
        long ackJitterMicros = -1;
        int ackSeq = -1;
        final List<StoryStep> story = new ArrayList<>();
        final List<PatchedRead> patchedReads = new ArrayList<>();
        PatchedOutcome patchedOutcome = PatchedOutcome.UNKNOWN;
        boolean patchedSlotsApproximate;
        int lockHolderAtFirstCheck;
        int patchedCachedVersion;
        int patchedMediaVersion;
    }
}
