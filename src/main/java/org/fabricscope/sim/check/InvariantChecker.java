package org.fabricscope.sim.check;

import java.util.ArrayList;
import java.util.List;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Trace;

/**
 * Checks the model's invariants over a recorded trace, apart from the simulator that wrote it (so a
 * bug in an actor cannot hide itself). It replays every block's fields from the events alone.
 *
 * <p>Per event: times never decrease; a cause is -1 or an earlier event; a state event's old value
 * is the field's current value, and a check or FPRE004 reports the field's current value; a
 * VERIFY_CHECK is caused by a VERIFY_BEGIN or VERIFY_CHECK of the same block, an FPRE004 by a
 * VERIFY_CHECK; a WRITE_ACK by a WRITE_ISSUE of the same block; a version changes only by a media
 * write while a write holds the lock (or at BLOCK_INIT). At the end of every instant, for every
 * block touched in it: lockHolder set exactly when lastWritePending is set; with the barrier
 * switch, a READY buffer has no write holding the lock and holds the committed version. With
 * reorder and barrier both on, no FPRE004 at all.
 */
public final class InvariantChecker {
    private static final int MAX_VIOLATIONS = 100;

    /** The outcome: empty when every invariant held. */
    public record Report(int events, List<String> violations) {
        public Report {
            violations = List.copyOf(violations);
        }

        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private InvariantChecker() {}

    public static Report check(Trace t) {
        int blocks = t.header().topology().blockCount();
        int[][] value = new int[blocks][Field.count()];
        PatchSwitches patch = t.header().patch();
        List<String> out = new ArrayList<>();
        boolean[] touched = new boolean[blocks];
        int[] touchedList = new int[blocks];
        int touchedCount = 0;
        long instant = Long.MIN_VALUE;
        for (int i = 0; i < t.size() && out.size() < MAX_VIOLATIONS; i++) {
            long time = t.timeMicros(i);
            if (time != instant) {
                for (int k = 0; k < touchedCount; k++) {
                    checkState(touchedList[k], value[touchedList[k]], patch, instant, out);
                    touched[touchedList[k]] = false;
                }
                touchedCount = 0;
                if (time < instant) {
                    out.add("event " + i + ": time goes backwards (" + time + " < " + instant + ")");
                }
                instant = time;
            }
            int cause = t.cause(i);
            if (cause < -1 || cause >= i) {
                out.add("event " + i + ": cause " + cause + " is not an earlier event");
                continue;
            }
            EventKind kind = t.kind(i);
            int b = t.block(i);
            Field f = t.field(i);
            if (kind == EventKind.FPRE004 && patch.reorder() && patch.barrier()) {
                out.add("event " + i + ": FPRE004 with reorder and barrier on");
            }
            if (kind == EventKind.VERIFY_CHECK
                    && !(cause >= 0
                            && t.block(cause) == b
                            && (t.kind(cause) == EventKind.VERIFY_CHECK || t.kind(cause) == EventKind.VERIFY_BEGIN))) {
                out.add("event " + i + ": VERIFY_CHECK not caused by the previous check of block " + b);
            }
            if (kind == EventKind.FPRE004 && !(cause >= 0 && t.kind(cause) == EventKind.VERIFY_CHECK)) {
                out.add("event " + i + ": FPRE004 not caused by a VERIFY_CHECK");
            }
            if (kind == EventKind.WRITE_ACK
                    && !(cause >= 0 && t.kind(cause) == EventKind.WRITE_ISSUE && t.block(cause) == b)) {
                out.add("event " + i + ": WRITE_ACK not caused by its WRITE_ISSUE");
            }
            if (f == null || b < 0) {
                continue;
            }
            int[] v = value[b];
            int current = v[f.ordinal()];
            if (kind == EventKind.VERIFY_CHECK || kind == EventKind.FPRE004) {
                if (t.newValue(i) != current) {
                    out.add("event " + i + ": " + kind + " reports " + f.jsonName() + "=" + t.newValue(i)
                            + " but block " + b + " has " + current);
                }
                continue;
            }
            if (t.oldValue(i) != current) {
                out.add("event " + i + ": old " + f.jsonName() + " of block " + b + " is " + t.oldValue(i) + " but was "
                        + current);
            }
            if (f == Field.VERSION
                    && kind != EventKind.BLOCK_INIT
                    && !(kind == EventKind.WRITE_MEDIA && v[Field.LOCK_HOLDER.ordinal()] != 0)) {
                out.add("event " + i + ": version of block " + b + " changed by " + kind + " without the write lock");
            }
            v[f.ordinal()] = t.newValue(i);
            if (!touched[b]) {
                touched[b] = true;
                touchedList[touchedCount++] = b;
            }
        }
        for (int k = 0; k < touchedCount && out.size() < MAX_VIOLATIONS; k++) {
            checkState(touchedList[k], value[touchedList[k]], patch, instant, out);
        }
        return new Report(t.size(), out);
    }

    private static void checkState(int b, int[] v, PatchSwitches patch, long time, List<String> out) {
        boolean locked = v[Field.LOCK_HOLDER.ordinal()] != 0;
        boolean pending = v[Field.LAST_WRITE_PENDING.ordinal()] != 0;
        if (locked != pending) {
            out.add("t=" + time + ": block " + b + " has lockHolder=" + v[Field.LOCK_HOLDER.ordinal()]
                    + " but lastWritePending=" + pending);
        }
        if (patch.barrier() && v[Field.CACHE_STATE.ordinal()] == CacheState.READY.ordinal()) {
            if (locked) {
                out.add("t=" + time + ": block " + b + " is READY while write " + v[Field.LOCK_HOLDER.ordinal()]
                        + " holds the lock, with the barrier on");
            }
            if (v[Field.CACHE_VERSION.ordinal()] != v[Field.VERSION.ordinal()]) {
                out.add("t=" + time + ": block " + b + " is READY with cacheVersion "
                        + v[Field.CACHE_VERSION.ordinal()] + " != version " + v[Field.VERSION.ordinal()]
                        + ", with the barrier on");
            }
        }
    }
}
