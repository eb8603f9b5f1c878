package org.fabricscope.shrink;

import java.util.List;
import java.util.Optional;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.replay.explain.Fpre004Explanation;
import org.fabricscope.replay.explain.Mechanism;
import org.fabricscope.replay.explain.PairKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/**
 * What makes two FPRE004s "the same failure" for the shrinker: the mechanism (stored inconsistency or
 * torn read), the rule the pair breaks ({@link PairKind}), and the two fields of the inconsistent pair
 * in the order the verifier read them. Taken from the Explainer's facts, never from its wording.
 */
public record Fpre004Signature(Mechanism mechanism, PairKind pairKind, Field firstField, Field secondField) {

    /** The signature of the first FPRE004 of {@code trace}, with its step and time; empty if none. */
    public static Optional<Found> first(Trace trace) {
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        List<Integer> seqs = Fpre004Explanation.fpre004Seqs(index);
        if (seqs.isEmpty()) {
            return Optional.empty();
        }
        Fpre004Explanation e = Fpre004Explanation.explain(index, seqs.get(0));
        return Optional.of(new Found(of(e), e.fpreSeq(), e.timeMicros(), e.block()));
    }

    /** The signature of one explanation. */
    public static Fpre004Signature of(Fpre004Explanation e) {
        return new Fpre004Signature(
                e.mechanism(),
                e.pairKind(),
                e.firstOfPair() == null ? null : e.firstOfPair().field(),
                e.secondOfPair() == null ? null : e.secondOfPair().field());
    }

    /** A run's first FPRE004: its signature, step, time and block. */
    public record Found(Fpre004Signature signature, int seq, long timeMicros, int block) {}

    /** E.g. {@code stored-inconsistency, pending-write: cacheState then lastWritePending}. */
    @Override
    public String toString() {
        return mechanism.jsonName() + ", " + pairKind.jsonName() + ": "
                + (firstField == null ? "?" : firstField.jsonName()) + " then "
                + (secondField == null ? "?" : secondField.jsonName());
    }
}
