package org.fabricscope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.CompactionState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceHeader;

/**
 * Test support: a plausible trace of any size without the simulator. Overlapping writes (with ACK
 * jitter), prefetch fills, compaction and verified reads on random blocks; a read whose verifier
 * sees "cache ready" and "last write pending" together raises FPRE004, as in the legacy fabric.
 */
final class SyntheticTrace {
    private static final int WRITE = 0;
    private static final int PREFETCH = 1;
    private static final int COMPACT = 2;
    private static final int READ = 3;

    private final TraceBuilder out;
    private final Random random;
    private final int blocks;
    private final int[][] state;
    private final PriorityQueue<Activity> queue = new PriorityQueue<>();
    private long nextId;
    private int nextWriteId = 1;

    private final class Activity implements Comparable<Activity> {
        final long id = nextId++;
        final int type;
        final int block;
        long time;
        int step;
        int cause = -1;
        int issue = -1;
        int writeId;
        int jitter;

        Activity(int type, int block, long time) {
            this.type = type;
            this.block = block;
            this.time = time;
        }

        @Override
        public int compareTo(Activity o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(id, o.id);
        }
    }

    private SyntheticTrace(int blocks, int events, long seed) {
        this.blocks = blocks;
        this.random = new Random(seed);
        this.state = new int[blocks][Field.count()];
        this.out = new TraceBuilder(header(blocks, seed), events + 64);
    }

    static TraceHeader header(int blocks, long seed) {
        List<Topology.BlockInfo> infos = new ArrayList<>();
        int perNode = Math.max(1, blocks / 4);
        for (int b = 0; b < blocks; b++) {
            int node = Math.min(3, b / perNode);
            int drive = (b % perNode) < perNode / 2 ? 0 : 1;
            String file = b / 10 == 2 ? "file-x" : "archive-" + (b / 10);
            infos.add(new Topology.BlockInfo(node, drive, file));
        }
        return new TraceHeader(
                TraceHeader.FORMAT_NAME,
                TraceHeader.FORMAT_VERSION,
                "test",
                "synthetic",
                Map.of(),
                seed,
                0,
                PatchSwitches.NONE,
                new Topology(4, 2, infos));
    }

    /** About {@code events} events over {@code blocks} blocks, the same for the same seed. */
    static Trace generate(int blocks, int events, long seed) {
        return new SyntheticTrace(blocks, events, seed).run(events);
    }

    private Trace run(int events) {
        for (int b = 0; b < blocks; b++) {
            change(0, b, "system", EventKind.BLOCK_INIT, Field.VERSION, 1, -1, 0);
        }
        long arrival = 10;
        while (out.size() < events - 16 || !queue.isEmpty()) {
            boolean spawn = out.size() < events - 16 && (queue.isEmpty() || arrival <= queue.peek().time);
            if (spawn) {
                int r = random.nextInt(100);
                int type = r < 25 ? WRITE : r < 50 ? PREFETCH : r < 55 ? COMPACT : READ;
                queue.add(new Activity(type, random.nextInt(blocks), arrival));
                arrival += 1 + random.nextInt(12);
                continue;
            }
            Activity a = queue.poll();
            if (advance(a)) {
                queue.add(a);
            }
        }
        return out.build();
    }

    private int event(long t, int block, String actor, EventKind kind, Field field, int value, int cause, int arg) {
        int old = field == null ? 0 : state[block][field.ordinal()];
        int node = out.header().topology().block(block).node();
        if (field != null && kind != EventKind.VERIFY_CHECK && kind != EventKind.FPRE004) {
            state[block][field.ordinal()] = value;
        }
        return out.event(
                t, block, node, actor, kind, field, field == null ? 0 : old, field == null ? 0 : value, cause, arg);
    }

    private int change(long t, int block, String actor, EventKind kind, Field field, int value, int cause, int arg) {
        return event(t, block, actor, kind, field, value, cause, arg);
    }

    /** Emits the activity's next event; true if it has more. */
    private boolean advance(Activity a) {
        int b = a.block;
        int[] s = state[b];
        long t = a.time;
        switch (a.type) {
            case WRITE:
                switch (a.step++) {
                    case 0:
                        a.writeId = nextWriteId++;
                        a.issue = event(t, b, "client", EventKind.WRITE_ISSUE, null, 0, -1, a.writeId);
                        a.cause = a.issue;
                        a.time += 5;
                        return true;
                    case 1:
                        a.cause = change(
                                t, b, "write", EventKind.WRITE_LOCK, Field.LOCK_HOLDER, a.writeId, a.cause, a.writeId);
                        a.cause = change(
                                t,
                                b,
                                "write",
                                EventKind.WRITE_PENDING,
                                Field.LAST_WRITE_PENDING,
                                1,
                                a.cause,
                                a.writeId);
                        a.time += 40 + random.nextInt(40);
                        return true;
                    case 2:
                        a.cause = change(
                                t,
                                b,
                                "write",
                                EventKind.WRITE_MEDIA,
                                Field.VERSION,
                                s[Field.VERSION.ordinal()] + 1,
                                a.cause,
                                a.writeId);
                        a.cause = change(
                                t,
                                b,
                                "write",
                                EventKind.CACHE_INVALIDATE,
                                Field.CACHE_STATE,
                                CacheState.INVALID.ordinal(),
                                a.cause,
                                a.writeId);
                        a.jitter = random.nextInt(40) == 0 ? 7300 : random.nextInt(300);
                        a.time += 150 + a.jitter;
                        return true;
                    case 3:
                        a.cause = event(t, b, "ack", EventKind.WRITE_ACK, null, 0, a.issue, a.jitter);
                        a.time += 3;
                        return true;
                    default:
                        a.cause = change(
                                t,
                                b,
                                "write",
                                EventKind.WRITE_RELEASE,
                                Field.LAST_WRITE_PENDING,
                                0,
                                a.cause,
                                a.writeId);
                        change(t, b, "write", EventKind.WRITE_RELEASE, Field.LOCK_HOLDER, 0, a.cause, a.writeId);
                        return false;
                }
            case PREFETCH:
                switch (a.step++) {
                    case 0:
                        a.cause = event(t, b, "prefetch", EventKind.PREFETCH_START, null, 0, -1, 0);
                        a.time += 10;
                        return true;
                    case 1:
                        a.cause = change(
                                t,
                                b,
                                "prefetch",
                                EventKind.PREFETCH_FILL,
                                Field.CACHE_STATE,
                                CacheState.FILLING.ordinal(),
                                a.cause,
                                0);
                        a.time += 200 + random.nextInt(2000);
                        return true;
                    default:
                        change(
                                t,
                                b,
                                "prefetch",
                                EventKind.PREFETCH_READY,
                                Field.CACHE_STATE,
                                CacheState.READY.ordinal(),
                                a.cause,
                                0);
                        return false;
                }
            case COMPACT:
                switch (a.step++) {
                    case 0:
                        a.cause = change(
                                t,
                                b,
                                "compactor",
                                EventKind.COMPACT_COPY,
                                Field.COMPACTION,
                                CompactionState.COPYING.ordinal(),
                                -1,
                                0);
                        a.time += 400 + random.nextInt(800);
                        return true;
                    case 1:
                        a.cause = change(
                                t,
                                b,
                                "compactor",
                                EventKind.COMPACT_SWITCH,
                                Field.COMPACTION,
                                CompactionState.SWITCHING.ordinal(),
                                a.cause,
                                0);
                        a.cause = change(
                                t,
                                b,
                                "compactor",
                                EventKind.COMPACT_SWITCH,
                                Field.EXTENT,
                                s[Field.EXTENT.ordinal()] + 1,
                                a.cause,
                                0);
                        a.time += 100;
                        return true;
                    default:
                        change(
                                t,
                                b,
                                "compactor",
                                EventKind.COMPACT_DONE,
                                Field.COMPACTION,
                                CompactionState.IDLE.ordinal(),
                                a.cause,
                                0);
                        return false;
                }
            default:
                switch (a.step++) {
                    case 0:
                        a.issue = event(t, b, "client", EventKind.READ_ISSUE, null, 0, -1, 0);
                        a.cause = event(t, b, "verifier", EventKind.VERIFY_BEGIN, null, 0, a.issue, 0);
                        a.time += 5;
                        return true;
                    case 1:
                        a.cause = event(
                                t,
                                b,
                                "verifier",
                                EventKind.VERIFY_CHECK,
                                Field.CACHE_STATE,
                                s[Field.CACHE_STATE.ordinal()],
                                a.cause,
                                0);
                        a.writeId = s[Field.CACHE_STATE.ordinal()];
                        a.time += 20;
                        return true;
                    default:
                        int pending = s[Field.LAST_WRITE_PENDING.ordinal()];
                        a.cause = event(
                                t,
                                b,
                                "verifier",
                                EventKind.VERIFY_CHECK,
                                Field.LAST_WRITE_PENDING,
                                pending,
                                a.cause,
                                0);
                        if (a.writeId == CacheState.READY.ordinal() && pending != 0) {
                            event(t, b, "verifier", EventKind.FPRE004, Field.LAST_WRITE_PENDING, pending, a.cause, 0);
                            event(t, b, "client", EventKind.READ_FAIL, null, 0, a.issue, 0);
                        } else {
                            event(t, b, "verifier", EventKind.VERIFY_PASS, null, 0, a.cause, 0);
                            event(t, b, "client", EventKind.READ_OK, null, 0, a.issue, 0);
                        }
                        return false;
                }
        }
    }
}
