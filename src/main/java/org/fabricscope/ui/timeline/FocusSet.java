package org.fabricscope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.ActorKind;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Trace;

/**
 * What "focus on this FPRE004" shows: the lanes that tell one FPRE004's story and the time range
 * it happened in. Plain Java, computed once per request from the trace and its replay index (never
 * per frame).
 *
 * <p>The <em>window</em> runs from its earliest relevant event to the FPRE004:
 *
 * <ul>
 *   <li>the {@link EventKind#WRITE_LOCK} of the write whose {@code lastWritePending} (or lock) the
 *       verifier saw, when the block had one at the FPRE004 (the write's other events follow its
 *       lock by causes: lock, pending, invalidate);
 *   <li>the verifier's {@link EventKind#VERIFY_BEGIN} of the check sequence that raised it (found by
 *       following causes back from the FPRE004), so a write that slipped in <em>between</em> the
 *       checks (a torn read) starts the window at the first check, not at the lock;
 *   <li>only when no write was pending: the last change of {@code cacheState} before the first
 *       check (the verifier then tripped on what the cache held).
 * </ul>
 *
 * <p>The <em>lanes</em>: the FPRE004's block first; then every other block causally linked to an
 * event on it inside the window (an event on the block caused by an event on another block, or the
 * other way round: a misaligned read spanning two blocks, a prefetch started by a neighbour's read);
 * then one lane per actor kind that had events on the block in the window, or caused one (the
 * client that issued the write or the read). Actor lanes are split
 * per node ({@link ActorLane#node()} &gt;= 0) when the trace has more than one node: "verifier on
 * node 2" then shows only that node's verifier, not every node's.
 *
 * <p>The <em>time range</em> is the window widened by {@link #MARGIN_FRACTION} of its length on
 * each side (at least {@link #MIN_MARGIN_MICROS}), so the lock and the FPRE004 do not sit on the
 * edges.
 */
public record FocusSet(
        int fpreSeq,
        int block,
        int windowStartSeq,
        int writeLockSeq,
        int verifyBeginSeq,
        long fromMicros,
        long toMicros,
        List<Integer> blocks,
        List<ActorLane> actorLanes) {

    /** Margin added on each side of the window, as a fraction of its length. */
    public static final double MARGIN_FRACTION = 0.05;
    /** The smallest margin, so a window of a few microseconds still shows its neighbours. */
    public static final long MIN_MARGIN_MICROS = 20;
    /** Causes followed at most, when walking back from the FPRE004 or the pending write. */
    private static final int MAX_CHAIN = 64;

    /** An actor lane of the focus: a kind, on one node or (node -1) on all. */
    public record ActorLane(ActorKind kind, int node) {
        public ActorLane {
            Objects.requireNonNull(kind, "kind");
        }

        /** Its lane id in a {@link LaneLayout}: {@link LaneLayout#actorNodeLaneId} or the kind's ordinal. */
        public LaneLayout.Lane lane() {
            return node < 0
                    ? new LaneLayout.Lane(LaneLayout.LaneKind.ACTOR, kind.ordinal(), LaneLayout.actorLabel(kind))
                    : new LaneLayout.Lane(
                            LaneLayout.LaneKind.ACTOR_NODE,
                            LaneLayout.actorNodeLaneId(kind, node),
                            LaneLayout.actorLabel(kind) + " · node " + node);
        }
    }

    public FocusSet {
        blocks = List.copyOf(blocks);
        actorLanes = List.copyOf(actorLanes);
    }

    /** Time of the window's first event. */
    public long windowStartMicros(Trace trace) {
        return trace.timeMicros(windowStartSeq);
    }

    /**
     * The focus of FPRE004 event {@code fpreSeq}.
     *
     * @throws IllegalArgumentException if {@code fpreSeq} is not an FPRE004 event on a block
     */
    public static FocusSet of(Trace trace, TraceIndex index, int fpreSeq) {
        if (fpreSeq < 0 || fpreSeq >= trace.size() || trace.kind(fpreSeq) != EventKind.FPRE004) {
            throw new IllegalArgumentException("event " + fpreSeq + " is not an FPRE004");
        }
        int block = trace.block(fpreSeq);
        if (block < 0) {
            throw new IllegalArgumentException("FPRE004 " + fpreSeq + " names no block");
        }
        int verifyBegin = verifyBegin(trace, fpreSeq);
        int writeLock = pendingWriteLock(trace, index, block, fpreSeq);
        int start = verifyBegin;
        if (writeLock >= 0) {
            start = Math.min(start, writeLock);
        } else {
            int cacheChange = index.lastChange(block, Field.CACHE_STATE, verifyBegin);
            if (cacheChange >= 0) {
                start = Math.min(start, cacheChange);
            }
        }

        boolean splitNodes = trace.header().topology().nodes() > 1;
        TreeSet<Integer> others = new TreeSet<>();
        // Actor lanes in a stable order: kind, then node.
        TreeSet<Long> actors = new TreeSet<>();
        for (int seq = index.nextOfBlock(block, start - 1);
                seq >= 0 && seq <= fpreSeq;
                seq = index.nextOfBlock(block, seq)) {
            int node = splitNodes ? trace.node(seq) : -1;
            actors.add(((long) trace.kind(seq).actorKind().ordinal() << 32) | (node + 1L));
            int cause = trace.cause(seq);
            if (cause >= 0) {
                // Who made it happen touched the block too: the client that issued the write or
                // the read, the neighbour's read that started a prefetch.
                int causeNode = splitNodes ? trace.node(cause) : -1;
                actors.add(((long) trace.kind(cause).actorKind().ordinal() << 32) | (causeNode + 1L));
                if (trace.block(cause) >= 0 && trace.block(cause) != block) {
                    others.add(trace.block(cause));
                }
            }
        }
        // Events on other blocks caused by an event on this block, inside the window.
        for (int seq = start; seq <= fpreSeq; seq++) {
            int b = trace.block(seq);
            int cause = trace.cause(seq);
            if (b >= 0 && b != block && cause >= 0 && trace.block(cause) == block) {
                others.add(b);
            }
        }
        List<Integer> blocks = new ArrayList<>();
        blocks.add(block);
        blocks.addAll(others);
        List<ActorLane> actorLanes = new ArrayList<>();
        for (long key : actors) {
            actorLanes.add(new ActorLane(ActorKind.values()[(int) (key >>> 32)], (int) (key & 0xffffffffL) - 1));
        }
        long from = trace.timeMicros(start);
        long to = trace.timeMicros(fpreSeq);
        long margin = Math.max(MIN_MARGIN_MICROS, Math.round((to - from) * MARGIN_FRACTION));
        return new FocusSet(
                fpreSeq, block, start, writeLock, verifyBegin, from - margin, to + margin, blocks, actorLanes);
    }

    /**
     * The verifier's VERIFY_BEGIN of the check sequence that raised {@code fpreSeq}: its causes are
     * the previous checks, back to the begin. If the chain is broken, the earliest check reached.
     */
    static int verifyBegin(Trace trace, int fpreSeq) {
        int block = trace.block(fpreSeq);
        int seq = fpreSeq;
        for (int i = 0; i < MAX_CHAIN; i++) {
            int cause = trace.cause(seq);
            if (cause < 0 || trace.block(cause) != block) {
                return seq;
            }
            EventKind k = trace.kind(cause);
            if (k == EventKind.VERIFY_BEGIN) {
                return cause;
            }
            if (k != EventKind.VERIFY_CHECK && k != EventKind.FPRE004) {
                return seq;
            }
            seq = cause;
        }
        return seq;
    }

    /**
     * The WRITE_LOCK of the write whose pending flag (or lock) the block had at {@code step}, or -1
     * when neither was set.
     */
    static int pendingWriteLock(Trace trace, TraceIndex index, int block, int step) {
        var state = index.stateAt(block, step);
        int setter = -1;
        if (state.get(Field.LAST_WRITE_PENDING) != 0) {
            setter = index.lastChange(block, Field.LAST_WRITE_PENDING, step);
        } else if (state.get(Field.LOCK_HOLDER) != 0) {
            setter = index.lastChange(block, Field.LOCK_HOLDER, step);
        }
        if (setter < 0) {
            return -1;
        }
        int seq = setter;
        for (int i = 0; i < MAX_CHAIN && seq >= 0; i++) {
            if (trace.kind(seq) == EventKind.WRITE_LOCK) {
                return seq;
            }
            seq = trace.cause(seq);
        }
        // No lock in the causes (a trace from another writer): the lock's last change will do.
        int lock = index.lastChange(block, Field.LOCK_HOLDER, step);
        return lock >= 0 && lock <= setter ? lock : setter;
    }

    /** The lanes of this focus, as layout groups: the blocks, then the actors. */
    public List<LaneLayout.Group> groups(Trace trace) {
        var topology = trace.header().topology();
        var info = topology.block(block);
        List<LaneLayout.Lane> blockLanes = new ArrayList<>();
        for (int b : blocks) {
            String label = b == block ? "block " + b + " · FPRE004" : "block " + b;
            blockLanes.add(new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, b, label));
        }
        List<LaneLayout.Lane> actorLaneList = new ArrayList<>();
        for (ActorLane a : actorLanes) {
            actorLaneList.add(a.lane());
        }
        List<LaneLayout.Group> groups = new ArrayList<>();
        groups.add(new LaneLayout.Group(
                "Focus: FPRE004 #" + fpreSeq + " · block " + block + " (node " + info.node() + " · drive "
                        + info.drive() + " · " + info.file() + ")",
                blockLanes));
        groups.add(new LaneLayout.Group("Actors on block " + block, actorLaneList));
        return groups;
    }

    /** The node lanes this focus needs in the marker index ({@link LaneLayout#actorNodeLaneId} ids, ascending). */
    public int[] actorNodeLaneIds() {
        return actorLanes.stream()
                .filter(a -> a.node() >= 0)
                .mapToInt(a -> LaneLayout.actorNodeLaneId(a.kind(), a.node()))
                .sorted()
                .distinct()
                .toArray();
    }
}
