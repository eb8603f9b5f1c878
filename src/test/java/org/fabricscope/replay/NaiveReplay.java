package org.fabricscope.replay;

import java.util.ArrayList;
import java.util.List;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Trace;

/** The obvious, slow answers every index query must agree with: folds and scans from the start. */
final class NaiveReplay {
    private final Trace trace;

    NaiveReplay(Trace trace) {
        this.trace = trace;
    }

    boolean isChange(int seq) {
        EventKind k = trace.kind(seq);
        return trace.field(seq) != null && k != EventKind.VERIFY_CHECK && k != EventKind.FPRE004;
    }

    int[] stateAt(int block, int step) {
        int[] values = new int[Field.count()];
        for (int i = 0; i <= step && i < trace.size(); i++) {
            if (trace.block(i) == block && isChange(i)) {
                values[trace.fieldOrdinal(i)] = trace.newValue(i);
            }
        }
        return values;
    }

    int lastChange(int block, Field field, int step) {
        for (int i = Math.min(step, trace.size() - 1); i >= 0; i--) {
            if (trace.block(i) == block && isChange(i) && trace.field(i) == field) {
                return i;
            }
        }
        return -1;
    }

    int next(java.util.function.IntPredicate p, int from) {
        for (int i = Math.max(0, from + 1); i < trace.size(); i++) {
            if (p.test(i)) {
                return i;
            }
        }
        return -1;
    }

    int prev(java.util.function.IntPredicate p, int from) {
        for (int i = Math.min(from - 1, trace.size() - 1); i >= 0; i--) {
            if (p.test(i)) {
                return i;
            }
        }
        return -1;
    }

    List<Integer> effects(int seq) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            if (trace.cause(i) == seq) {
                out.add(i);
            }
        }
        return out;
    }
}
