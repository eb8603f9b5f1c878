package org.fabricscope.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.CompactionState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Health;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceHeader;

/**
 * Realistic random traces built with {@link TraceBuilder}, for tests that must not wait for the
 * simulator: block initialisation, writes with late ACKs, prefetch fills, compaction, verifier
 * checks that sometimes raise FPRE004, retries and quarantine, and block-less client bursts. Every
 * state change carries the block's true old value, so a fold over the trace is meaningful.
 */
public final class RandomTraces {
    private final Random random;
    private final TraceBuilder builder;
    private final int blocks;
    private final int nodes;
    private final int[][] state;
    private final boolean exoticNames;
    private long now;
    private int nextWriteId = 1;

    private RandomTraces(long seed, int blocks, int expectedEvents, boolean exoticNames) {
        this.random = new Random(seed);
        this.blocks = blocks;
        this.nodes = 1 + Math.max(0, blocks / 16);
        this.exoticNames = exoticNames;
        this.builder = new TraceBuilder(header(seed, blocks, nodes, exoticNames), Math.max(16, expectedEvents + 64));
        this.state = new int[blocks][Field.count()];
    }

    /** A trace of at least {@code events} events (a few more, to finish the last episode) over {@code blocks} blocks. */
    public static Trace generate(long seed, int events, int blocks) {
        return new RandomTraces(seed, blocks, events, false).run(events);
    }

    /** Like {@link #generate} but with actor, file and parameter names that need JSON escaping. */
    public static Trace generateWithExoticNames(long seed, int events, int blocks) {
        return new RandomTraces(seed, blocks, events, true).run(events);
    }

    /** The header every generated trace carries (topology depends on the block count). */
    public static TraceHeader header(long seed, int blocks, int nodes, boolean exoticNames) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ackJitterMicrosMax", "7300");
        params.put("burstSize", "12");
        params.put("mediaErrorRate", "1.5e-6");
        params.put("compactionEnabled", "true");
        params.put("negativeZero", "-0");
        params.put("leadingZeros", "007");
        params.put("workload", exoticNames ? "file \"X\"\tloop\u00e9\u2603\ud83d\ude00\\" : "file-x");
        List<Topology.BlockInfo> infos = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            String file = b % 7 == 6 ? "-" : (b < 4 ? "file-x" : "archive-" + (b / 8));
            if (exoticNames && b == 0) {
                file = "arch\u00efve \"zero\"\n";
            }
            infos.add(new Topology.BlockInfo(b % nodes, (b / nodes) % 2, file));
        }
        return new TraceHeader(
                TraceHeader.FORMAT_NAME,
                TraceHeader.FORMAT_VERSION,
                "test-0.1",
                exoticNames ? "r\u00e9pro \u2014 \"canonical\"" : "canonical",
                params,
                seed,
                (int) (Math.abs(seed) % 27),
                new PatchSwitches((seed & 1) != 0, (seed & 2) != 0, (seed & 4) != 0),
                new Topology(nodes, 2, infos));
    }

    private Trace run(int events) {
        for (int b = 0; b < blocks; b++) {
            int node = b % nodes;
            change(b, node, "system", EventKind.BLOCK_INIT, Field.VERSION, 1, -1);
            change(b, node, "system", EventKind.BLOCK_INIT, Field.CHECKSUM, checksum(b, 1), -1);
            change(b, node, "system", EventKind.BLOCK_INIT, Field.EXTENT, 100 + b, -1);
            if (builder.size() >= events) {
                return builder.build();
            }
        }
        while (builder.size() < events) {
            now += random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2_000);
            int choice = random.nextInt(100);
            if (blocks == 0 || choice < 5) {
                blocklessEvent();
                continue;
            }
            int b = random.nextInt(blocks);
            if (choice < 30) {
                write(b);
            } else if (choice < 50) {
                prefetch(b);
            } else if (choice < 60) {
                compaction(b);
            } else {
                read(b);
            }
        }
        return builder.build();
    }

    private void blocklessEvent() {
        int pick = random.nextInt(3);
        String client = exoticNames ? "cli\u00e9nt \"" + random.nextInt(3) + "\"" : "client-" + random.nextInt(3);
        if (pick == 0) {
            builder.event(now, -1, random.nextInt(nodes), client, EventKind.READ_BURST, null, 0, 0, -1, 12);
        } else if (pick == 1) {
            builder.event(
                    now,
                    -1,
                    random.nextInt(nodes),
                    "fault",
                    EventKind.CLOCK_SKEW,
                    null,
                    0,
                    random.nextInt(50) - 25,
                    -1,
                    0);
        } else {
            builder.event(now, -1, -1, "response", EventKind.LATENCY_SPIKE, null, 0, 0, prior(), random.nextInt(5000));
        }
    }

    private int prior() {
        int n = builder.size();
        return n == 0 || random.nextInt(3) == 0 ? -1 : n - 1 - random.nextInt(Math.min(n, 50));
    }

    private void write(int b) {
        int node = b % nodes;
        int id = nextWriteId++;
        int issue = builder.event(now, b, node, "client-" + (id % 3), EventKind.WRITE_ISSUE, null, 0, 0, -1, id);
        int lock = change(b, node, "write@n" + node, EventKind.WRITE_LOCK, Field.LOCK_HOLDER, id, issue);
        change(b, node, "write@n" + node, EventKind.WRITE_PENDING, Field.LAST_WRITE_PENDING, 1, lock);
        if (state[b][Field.CACHE_STATE.ordinal()] != CacheState.INVALID.ordinal()) {
            change(
                    b,
                    node,
                    "write@n" + node,
                    EventKind.CACHE_INVALIDATE,
                    Field.CACHE_STATE,
                    CacheState.INVALID.ordinal(),
                    lock);
        }
        now += random.nextInt(300);
        int version = state[b][Field.VERSION.ordinal()] + 1;
        int media = change(b, node, "write@n" + node, EventKind.WRITE_MEDIA, Field.VERSION, version, lock);
        change(b, node, "write@n" + node, EventKind.WRITE_MEDIA, Field.CHECKSUM, checksum(b, version), media);
        int jitter = random.nextInt(7300);
        now += jitter;
        int ack = builder.event(now, b, node, "ack@n" + node, EventKind.WRITE_ACK, null, 0, 0, issue, jitter);
        change(b, node, "write@n" + node, EventKind.WRITE_RELEASE, Field.LAST_WRITE_PENDING, 0, ack);
        change(b, node, "write@n" + node, EventKind.WRITE_RELEASE, Field.LOCK_HOLDER, 0, ack);
    }

    private void prefetch(int b) {
        int node = b % nodes;
        String actor = "prefetch@n" + node;
        int start = builder.event(now, b, node, actor, EventKind.PREFETCH_START, null, 0, 0, prior(), 0);
        int fill =
                change(b, node, actor, EventKind.PREFETCH_FILL, Field.CACHE_STATE, CacheState.FILLING.ordinal(), start);
        now += random.nextInt(500);
        if (random.nextInt(10) == 0) {
            change(b, node, actor, EventKind.PREFETCH_ABORT, Field.CACHE_STATE, CacheState.EMPTY.ordinal(), fill);
            return;
        }
        int ready =
                change(b, node, actor, EventKind.PREFETCH_READY, Field.CACHE_STATE, CacheState.READY.ordinal(), fill);
        change(b, node, actor, EventKind.PREFETCH_READY, Field.CACHE_VERSION, state[b][Field.VERSION.ordinal()], ready);
    }

    private void compaction(int b) {
        int node = b % nodes;
        String actor = "compaction@n" + node;
        int copy =
                change(b, node, actor, EventKind.COMPACT_COPY, Field.COMPACTION, CompactionState.COPYING.ordinal(), -1);
        now += random.nextInt(800);
        int sw = change(
                b, node, actor, EventKind.COMPACT_SWITCH, Field.COMPACTION, CompactionState.SWITCHING.ordinal(), copy);
        change(b, node, actor, EventKind.COMPACT_SWITCH, Field.EXTENT, state[b][Field.EXTENT.ordinal()] + 1000, sw);
        if (random.nextBoolean()) {
            change(b, node, actor, EventKind.COMPACT_REFRESH, Field.CACHE_STATE, CacheState.READY.ordinal(), sw);
        }
        change(b, node, actor, EventKind.COMPACT_DONE, Field.COMPACTION, CompactionState.IDLE.ordinal(), sw);
    }

    private void read(int b) {
        int node = b % nodes;
        String client = "client-" + random.nextInt(3);
        String verifier = "verifier@n" + node;
        int issue = builder.event(now, b, node, client, EventKind.READ_ISSUE, null, 0, 0, -1, random.nextInt(100_000));
        int begin = builder.event(now, b, node, verifier, EventKind.VERIFY_BEGIN, null, 0, 0, issue, 0);
        int last = begin;
        for (Field f : new Field[] {Field.CACHE_STATE, Field.CHECKSUM, Field.LAST_WRITE_PENDING}) {
            now += random.nextInt(40);
            int v = state[b][f.ordinal()];
            last = builder.event(now, b, node, verifier, EventKind.VERIFY_CHECK, f, v, v, last, 0);
        }
        boolean inconsistent = state[b][Field.CACHE_STATE.ordinal()] == CacheState.READY.ordinal()
                && state[b][Field.LAST_WRITE_PENDING.ordinal()] == 1;
        if (inconsistent || random.nextInt(500) == 0) {
            int fpre = builder.event(
                    now,
                    b,
                    node,
                    verifier,
                    EventKind.FPRE004,
                    Field.LAST_WRITE_PENDING,
                    state[b][Field.LAST_WRITE_PENDING.ordinal()],
                    state[b][Field.LAST_WRITE_PENDING.ordinal()],
                    last,
                    0);
            int fail = builder.event(now, b, node, client, EventKind.READ_FAIL, null, 0, 0, fpre, 0);
            if (random.nextInt(4) == 0) {
                int retry = change(b, node, "response", EventKind.RETRY, Field.HEALTH, Health.RETRYING.ordinal(), fail);
                if (random.nextInt(3) == 0) {
                    change(
                            b,
                            node,
                            "response",
                            EventKind.QUARANTINE,
                            Field.HEALTH,
                            Health.QUARANTINED.ordinal(),
                            retry);
                    change(b, node, "response", EventKind.REMAP, Field.HEALTH, Health.REMAPPED.ordinal(), retry);
                } else {
                    change(b, node, "response", EventKind.RETRY, Field.HEALTH, Health.OK.ordinal(), retry);
                }
            }
        } else {
            int pass = builder.event(now, b, node, verifier, EventKind.VERIFY_PASS, null, 0, 0, last, 0);
            builder.event(now, b, node, client, EventKind.READ_OK, null, 0, 0, pass, 0);
        }
    }

    private int change(int b, int node, String actor, EventKind kind, Field f, int value, int cause) {
        int old = state[b][f.ordinal()];
        state[b][f.ordinal()] = value;
        return builder.event(now, b, node, actor, kind, f, old, value, cause, 0);
    }

    private static int checksum(int block, int version) {
        return (block * 0x9E3779B1) ^ (version * 0x85EBCA6B);
    }
}
