package org.fabricscope.replay.explain;

import java.util.List;
import java.util.Map;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.CompactionState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.ui.session.LoadedTrace;

/**
 * A small hand-built trace of the FPRE004 race, for the panels' tests. Block 2: a prefetch fill
 * starts, a write (id 77) takes the lock and sets lastWritePending, the fill marks the buffer READY
 * with the old version; read txn 501 begins verifying, checks cacheState (READY), compaction copies
 * and switches the block in between, the verifier reads cacheVersion, then lastWritePending (true)
 * and raises FPRE004; the ACK (7.3 ms jitter) later releases the write and read txn 502 passes.
 * Block 3: a second FPRE004 exposed by cacheVersion alone. The constants are sequence numbers.
 */
public final class RaceTraceFixture {
    public static final int PREFETCH_START = 12;
    public static final int WRITE_ISSUE = 13;
    public static final int WRITE_LOCK = 14;
    public static final int WRITE_PENDING = 15;
    public static final int PREFETCH_READY_VERSION = 18;
    public static final int PREFETCH_READY = 19;
    public static final int READ_ISSUE = 20;
    public static final int VERIFY_BEGIN = 21;
    public static final int CHECK_CACHE_STATE = 22;
    public static final int OTHER_BLOCK_PREFETCH = 23;
    public static final int COMPACT_COPY = 24;
    public static final int CHECK_CACHE_VERSION = 25;
    public static final int COMPACT_SWITCH_EXTENT = 26;
    public static final int COMPACT_SWITCH_STATE = 27;
    public static final int CHECK_PENDING = 28;
    public static final int FPRE004 = 29;
    public static final int READ_FAIL = 30;
    public static final int WRITE_ACK = 31;
    public static final int RELEASE_PENDING = 32;
    public static final int RELEASE_LOCK = 33;
    public static final int SECOND_FPRE004 = 44;
    public static final int LAST = 45;

    public static final int BLOCK = 2;
    public static final int TXN = 501;
    public static final int WRITE_ID = 77;

    private RaceTraceFixture() {}

    public static TraceHeader header() {
        Topology topology = new Topology(
                2,
                2,
                List.of(
                        new Topology.BlockInfo(0, 0, "archive-1"),
                        new Topology.BlockInfo(0, 1, "archive-1"),
                        new Topology.BlockInfo(1, 0, "file-x"),
                        new Topology.BlockInfo(1, 1, "file-x")));
        return new TraceHeader(
                TraceHeader.FORMAT_NAME,
                TraceHeader.FORMAT_VERSION,
                "test",
                "canonical",
                Map.of("ackJitterMicrosMax", "7300"),
                42L,
                3,
                PatchSwitches.NONE,
                topology);
    }

    public static Trace build() {
        TraceBuilder b = new TraceBuilder(header());
        for (int block = 0; block < 4; block++) {
            int node = block / 2;
            b.event(0, block, node, "system", EventKind.BLOCK_INIT, Field.VERSION, 0, 1, -1, 0);
            b.event(0, block, node, "system", EventKind.BLOCK_INIT, Field.CHECKSUM, 0, 100 + block, -1, 0);
            b.event(0, block, node, "system", EventKind.BLOCK_INIT, Field.EXTENT, 0, 10 + block, -1, 0);
        }
        int ready = CacheState.READY.ordinal();
        int filling = CacheState.FILLING.ordinal();
        int copying = CompactionState.COPYING.ordinal();
        int switching = CompactionState.SWITCHING.ordinal();
        at(b, PREFETCH_START, 9_000, 2, "prefetch@n1", EventKind.PREFETCH_START, Field.CACHE_STATE, 0, filling, -1, 0);
        at(b, WRITE_ISSUE, 10_000, 2, "client@n0", EventKind.WRITE_ISSUE, null, 0, 0, -1, WRITE_ID);
        at(
                b,
                WRITE_LOCK,
                10_000,
                2,
                "write@n1",
                EventKind.WRITE_LOCK,
                Field.LOCK_HOLDER,
                0,
                WRITE_ID,
                WRITE_ISSUE,
                WRITE_ID);
        at(
                b,
                WRITE_PENDING,
                10_000,
                2,
                "write@n1",
                EventKind.WRITE_PENDING,
                Field.LAST_WRITE_PENDING,
                0,
                1,
                WRITE_ISSUE,
                WRITE_ID);
        at(b, 16, 10_500, 2, "write@n1", EventKind.WRITE_MEDIA, Field.VERSION, 1, 2, WRITE_ISSUE, WRITE_ID);
        at(b, 17, 10_500, 2, "write@n1", EventKind.WRITE_MEDIA, Field.CHECKSUM, 102, 202, WRITE_ISSUE, WRITE_ID);
        at(
                b,
                PREFETCH_READY_VERSION,
                12_000,
                2,
                "prefetch@n1",
                EventKind.PREFETCH_READY,
                Field.CACHE_VERSION,
                0,
                1,
                PREFETCH_START,
                0);
        at(
                b,
                PREFETCH_READY,
                12_000,
                2,
                "prefetch@n1",
                EventKind.PREFETCH_READY,
                Field.CACHE_STATE,
                filling,
                ready,
                PREFETCH_START,
                0);
        at(b, READ_ISSUE, 12_200, 2, "client@n0", EventKind.READ_ISSUE, null, 0, 0, -1, TXN);
        at(b, VERIFY_BEGIN, 12_250, 2, "verifier@n1", EventKind.VERIFY_BEGIN, null, 0, 0, READ_ISSUE, TXN);
        at(
                b,
                CHECK_CACHE_STATE,
                12_300,
                2,
                "verifier@n1",
                EventKind.VERIFY_CHECK,
                Field.CACHE_STATE,
                ready,
                ready,
                VERIFY_BEGIN,
                0);
        at(
                b,
                OTHER_BLOCK_PREFETCH,
                12_320,
                1,
                "prefetch@n0",
                EventKind.PREFETCH_START,
                Field.CACHE_STATE,
                0,
                filling,
                -1,
                0);
        at(b, COMPACT_COPY, 12_350, 2, "compaction@n1", EventKind.COMPACT_COPY, Field.COMPACTION, 0, copying, -1, 0);
        at(
                b,
                CHECK_CACHE_VERSION,
                12_380,
                2,
                "verifier@n1",
                EventKind.VERIFY_CHECK,
                Field.CACHE_VERSION,
                1,
                1,
                CHECK_CACHE_STATE,
                0);
        at(
                b,
                COMPACT_SWITCH_EXTENT,
                12_400,
                2,
                "compaction@n1",
                EventKind.COMPACT_SWITCH,
                Field.EXTENT,
                12,
                212,
                COMPACT_COPY,
                0);
        at(
                b,
                COMPACT_SWITCH_STATE,
                12_400,
                2,
                "compaction@n1",
                EventKind.COMPACT_SWITCH,
                Field.COMPACTION,
                copying,
                switching,
                COMPACT_COPY,
                0);
        at(
                b,
                CHECK_PENDING,
                12_450,
                2,
                "verifier@n1",
                EventKind.VERIFY_CHECK,
                Field.LAST_WRITE_PENDING,
                1,
                1,
                CHECK_CACHE_VERSION,
                0);
        at(b, FPRE004, 12_450, 2, "verifier@n1", EventKind.FPRE004, Field.LAST_WRITE_PENDING, 1, 1, CHECK_PENDING, TXN);
        at(b, READ_FAIL, 12_500, 2, "client@n0", EventKind.READ_FAIL, null, 0, 0, FPRE004, TXN);
        at(b, WRITE_ACK, 17_300, 2, "ack@n1", EventKind.WRITE_ACK, null, 0, 0, WRITE_ISSUE, 7_300);
        at(
                b,
                RELEASE_PENDING,
                17_300,
                2,
                "write@n1",
                EventKind.WRITE_RELEASE,
                Field.LAST_WRITE_PENDING,
                1,
                0,
                WRITE_ACK,
                WRITE_ID);
        at(
                b,
                RELEASE_LOCK,
                17_300,
                2,
                "write@n1",
                EventKind.WRITE_RELEASE,
                Field.LOCK_HOLDER,
                WRITE_ID,
                0,
                WRITE_ACK,
                WRITE_ID);
        at(b, 34, 18_000, 2, "compaction@n1", EventKind.COMPACT_DONE, Field.COMPACTION, switching, 0, COMPACT_COPY, 0);
        at(b, 35, 20_000, 2, "client@n0", EventKind.READ_ISSUE, null, 0, 0, -1, 502);
        at(b, 36, 20_050, 2, "verifier@n1", EventKind.VERIFY_BEGIN, null, 0, 0, 35, 502);
        at(b, 37, 20_100, 2, "verifier@n1", EventKind.VERIFY_CHECK, Field.CACHE_STATE, ready, ready, 36, 0);
        at(b, 38, 20_150, 2, "verifier@n1", EventKind.VERIFY_CHECK, Field.LAST_WRITE_PENDING, 0, 0, 37, 0);
        at(b, 39, 20_200, 2, "verifier@n1", EventKind.VERIFY_PASS, null, 0, 0, 38, 502);
        at(b, 40, 20_250, 2, "client@n0", EventKind.READ_OK, null, 0, 0, 39, 502);
        at(b, 41, 30_000, 3, "client@n0", EventKind.READ_ISSUE, null, 0, 0, -1, 601);
        at(b, 42, 30_050, 3, "verifier@n1", EventKind.VERIFY_BEGIN, null, 0, 0, 41, 601);
        at(b, 43, 30_100, 3, "verifier@n1", EventKind.VERIFY_CHECK, Field.CACHE_VERSION, 0, 0, 42, 0);
        at(b, SECOND_FPRE004, 30_150, 3, "verifier@n1", EventKind.FPRE004, Field.CACHE_VERSION, 0, 0, 43, 601);
        at(b, LAST, 30_200, 3, "client@n0", EventKind.READ_FAIL, null, 0, 0, SECOND_FPRE004, 601);
        return b.build();
    }

    /** The trace with its real replay index, as the session holds it. */
    public static LoadedTrace loaded() {
        Trace trace = build();
        return new LoadedTrace(null, trace, TraceIndex.build(trace, Progress.NONE));
    }

    /** Appends an event and checks it lands at the sequence number the constants promise. */
    private static void at(
            TraceBuilder b,
            int expectedSeq,
            long time,
            int block,
            String actor,
            EventKind kind,
            Field field,
            int oldValue,
            int newValue,
            int cause,
            int arg) {
        int seq = b.event(time, block, block / 2, actor, kind, field, oldValue, newValue, cause, arg);
        if (seq != expectedSeq) {
            throw new IllegalStateException(
                    "fixture event " + kind + " landed at " + seq + ", expected " + expectedSeq);
        }
    }
}
