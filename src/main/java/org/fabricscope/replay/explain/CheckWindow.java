package org.fabricscope.replay.explain;

import java.util.List;
import org.fabricscope.replay.BlockState;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Trace;

/**
 * Decides between a stored inconsistency and a torn read from the block's true states during the
 * verifier's check window, from its first read to the read that exposed the pair.
 *
 * <p>The block's state is taken at every moment of the window an observer could have seen: at
 * the verifier's first read, at the exposing read, and at the end of every instant in between.
 * The end of an instant, not every step, because one actor's atomic action is written as several
 * events of the same microsecond (a write takes the lock, sets lastWritePending and invalidates the
 * buffer in one instant; compaction's refresh sets cacheVersion and cacheState in one instant), and
 * the states between those events are not states the block ever held for anyone else. If the rule
 * of the {@link PairKind} is broken at one of those moments, the inconsistency was stored; if at
 * none, the verifier's two reads were torn.
 *
 * <p>Both verdicts rest on the trace recording every change of the block: each of the verifier's
 * reads must match the block's recorded state at its step. If one does not (a hand-written trace,
 * or a recorder that missed events), the window cannot be judged and the result is {@link
 * Mechanism#UNDETERMINED}, naming the read that disagrees.
 *
 * <p>Cost: one {@link TraceIndex#stateAt} per read and a walk over the block's events in the window.
 */
public final class CheckWindow {
    /** What the window shows. */
    public record Result(
            Mechanism mechanism,
            int firstBrokenSeq,
            boolean brokenAtFirstRead,
            boolean brokenAtExposingRead,
            BlockState atFirstRead,
            BlockState atExposingRead,
            String unrecordedRead) {}

    private CheckWindow() {}

    /**
     * Classifies the window from the first of {@code readSeqs} (the verifier's reads, in order) to
     * {@code exposingReadSeq} on {@code block}.
     *
     * @param firstBrokenSeq in the result: the first step of the window at which the rule was seen
     *     broken (the first read, the exposing read, or the last event of an instant), or -1
     */
    public static Result classify(
            TraceIndex index, int block, List<Integer> readSeqs, int exposingReadSeq, PairKind kind) {
        Trace trace = index.trace();
        int firstReadSeq = readSeqs.isEmpty() ? -1 : readSeqs.get(0);
        if (firstReadSeq < 0 || exposingReadSeq < firstReadSeq || block < 0) {
            throw new IllegalArgumentException(
                    "window [" + firstReadSeq + ", " + exposingReadSeq + "] on block " + block);
        }
        BlockState first = index.stateAt(block, firstReadSeq);
        BlockState last = index.stateAt(block, exposingReadSeq);
        if (kind == PairKind.OTHER) {
            return new Result(Mechanism.UNDETERMINED, -1, false, false, first, last, null);
        }
        for (int read : readSeqs) {
            Field f = trace.field(read);
            int recorded = index.stateAt(block, read).get(f);
            if (read <= exposingReadSeq && recorded != trace.newValue(read)) {
                String text = "the verifier read " + f.jsonName() + "=" + f.format(trace.newValue(read)) + " at step "
                        + read + ", but the trace records " + f.jsonName() + "=" + f.format(recorded)
                        + " for the block then";
                return new Result(Mechanism.UNDETERMINED, -1, false, false, first, last, text);
            }
        }
        boolean brokenFirst = kind.brokenBy(first);
        boolean brokenLast = kind.brokenBy(last);
        int firstBroken = brokenFirst ? firstReadSeq : -1;
        if (firstBroken < 0) {
            int cacheState = first.get(Field.CACHE_STATE);
            int pending = first.get(Field.LAST_WRITE_PENDING);
            int cacheVersion = first.get(Field.CACHE_VERSION);
            int version = first.get(Field.VERSION);
            int s = index.nextOfBlock(block, firstReadSeq);
            while (s >= 0 && s < exposingReadSeq) {
                Field f = trace.field(s);
                if (f != null && index.isStateChange(s)) {
                    int v = trace.newValue(s);
                    switch (f) {
                        case CACHE_STATE -> cacheState = v;
                        case LAST_WRITE_PENDING -> pending = v;
                        case CACHE_VERSION -> cacheVersion = v;
                        case VERSION -> version = v;
                        default -> {}
                    }
                }
                int next = index.nextOfBlock(block, s);
                boolean instantEnds =
                        next < 0 || next > exposingReadSeq || trace.timeMicros(next) != trace.timeMicros(s);
                if (instantEnds && kind.brokenBy(cacheState, pending, cacheVersion, version)) {
                    firstBroken = lastStepOfInstant(trace, s, exposingReadSeq);
                    break;
                }
                s = next;
            }
        }
        if (firstBroken < 0 && brokenLast) {
            firstBroken = exposingReadSeq;
        }
        Mechanism m = firstBroken >= 0 ? Mechanism.STORED_INCONSISTENCY : Mechanism.TORN_READ;
        return new Result(m, firstBroken, brokenFirst, brokenLast, first, last, null);
    }

    /** The last step of the instant of {@code seq}, before {@code limit}: where the instant's state is seen. */
    private static int lastStepOfInstant(Trace trace, int seq, int limit) {
        long t = trace.timeMicros(seq);
        int s = seq;
        while (s + 1 < limit && trace.timeMicros(s + 1) == t) {
            s++;
        }
        return s;
    }
}
