package org.fabricscope.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.fabricscope.replay.Breakpoint;
import org.fabricscope.replay.BreakpointSet;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.trace.io.TraceWriter;

/**
 * {@code bench trace-io io|load|memory [EVENTS]}: prints trace I/O and replay figures in more
 * detail than the JSON benchmark (CPU time beside wall time, memory per event).
 */
final class TraceIoBenchmark {
    private TraceIoBenchmark() {}

    static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "io";
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        if (mode.equals("io")) {
            io(events);
        } else if (mode.equals("load")) {
            Path file = Files.createTempFile("fabricscope-bench", ".jsonl");
            TraceWriter.write(RandomTraces.generate(1, events, 256), file);
            for (int i = 0; i < 8; i++) {
                long t0 = System.nanoTime();
                TraceReader.read(file, Progress.NONE);
                System.out.printf("load %.0f MB/s%n", mbPerSecond(Files.size(file), System.nanoTime() - t0));
            }
            Files.delete(file);
        } else {
            memory(events);
        }
    }

    private static void io(int events) throws Exception {
        Trace trace = RandomTraces.generate(1, events, 256);
        Path file = Files.createTempFile("fabricscope-bench", ".jsonl");
        try {
            // Best of several runs, timed by this thread's CPU time as well as the wall clock: the
            // machine is shared, and CPU time is what the comparisons are about.
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            double writeBest = 0;
            double writeCpuBest = 0;
            for (int i = 0; i < 4; i++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                TraceWriter.write(trace, file);
                writeBest = Math.max(writeBest, mbPerSecond(Files.size(file), System.nanoTime() - t0));
                writeCpuBest =
                        Math.max(writeCpuBest, mbPerSecond(Files.size(file), cpu.getCurrentThreadCpuTime() - c0));
            }
            long size = Files.size(file);
            System.out.printf(
                    "file: %d events, %.1f MB, %.1f bytes/event%n",
                    trace.size(), size / 1e6, (double) size / trace.size());
            System.out.printf(
                    "write: %.0f MB/s wall (%.2f M events/s), %.0f MB/s cpu%n",
                    writeBest, writeBest * 1e6 / size * trace.size() / 1e6, writeCpuBest);
            double scanBest = 0;
            double loadBest = 0;
            double scanCpuBest = 0;
            double loadCpuBest = 0;
            for (int i = 0; i < 6; i++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                long tokens = scan(file);
                scanBest = Math.max(scanBest, mbPerSecond(size, System.nanoTime() - t0));
                scanCpuBest = Math.max(scanCpuBest, mbPerSecond(size, cpu.getCurrentThreadCpuTime() - c0));
                c0 = cpu.getCurrentThreadCpuTime();
                t0 = System.nanoTime();
                Trace back = TraceReader.read(file, Progress.NONE);
                loadBest = Math.max(loadBest, mbPerSecond(size, System.nanoTime() - t0));
                loadCpuBest = Math.max(loadCpuBest, mbPerSecond(size, cpu.getCurrentThreadCpuTime() - c0));
                if (back.size() != trace.size() || tokens == 0) {
                    throw new IllegalStateException("load mismatch");
                }
            }
            System.out.printf("bare jackson token scan: %.0f MB/s wall, %.0f MB/s cpu%n", scanBest, scanCpuBest);
            System.out.printf(
                    "load: %.0f MB/s wall (%.2f M events/s), %.0f MB/s cpu; load/scan = %.2fx wall, %.2fx cpu%n",
                    loadBest,
                    loadBest * 1e6 / size * trace.size() / 1e6,
                    loadCpuBest,
                    loadBest / scanBest,
                    loadCpuBest / scanCpuBest);
        } finally {
            Files.deleteIfExists(file);
        }
        queries(trace);
    }

    private static long scan(Path file) throws Exception {
        long tokens = 0;
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = new JsonFactory().createParser(in)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    private static double mbPerSecond(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    private static void memory(int events) {
        Runtime rt = Runtime.getRuntime();
        long before = used(rt);
        Trace trace = RandomTraces.generate(1, events, 256);
        long afterTrace = used(rt);
        long t0 = System.nanoTime();
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        long buildNanos = System.nanoTime() - t0;
        long afterIndex = used(rt);
        int n = trace.size();
        System.out.printf("events: %d; index build %.0f ms%n", n, buildNanos / 1e6);
        System.out.printf(
                "estimate: trace %.2f B/event + index %.2f B/event = %.2f B/event%n",
                (double) trace.retainedBytesEstimate() / n,
                (double) index.retainedBytesEstimate() / n,
                (double) (trace.retainedBytesEstimate() + index.retainedBytesEstimate()) / n);
        System.out.printf(
                "measured heap: trace %.2f B/event + index %.2f B/event = %.2f B/event%n",
                (double) (afterTrace - before) / n,
                (double) (afterIndex - afterTrace) / n,
                (double) (afterIndex - before) / n);
        for (EventKind k : new EventKind[] {
            EventKind.FPRE004,
            EventKind.READ_FAIL,
            EventKind.VERIFY_BEGIN,
            EventKind.VERIFY_CHECK,
            EventKind.WRITE_ACK,
            EventKind.PREFETCH_READY
        }) {
            System.out.printf(
                    "  %-15s %9d events, %s%n",
                    k, index.countOfKind(k), index.hasSortedListOf(k) ? "sorted list" : "chunk masks");
        }
        queries(trace, index);
        if (trace.size() < 0 || index.trace() != trace) {
            throw new IllegalStateException();
        }
    }

    private static void queries(Trace trace) {
        queries(trace, TraceIndex.build(trace, Progress.NONE));
    }

    private static void queries(Trace trace, TraceIndex index) {
        int n = trace.size();
        int blocks = trace.header().topology().blockCount();
        Random r = new Random(3);
        int queries = 1_000_000;
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                sink += index.stateAt(r.nextInt(blocks), r.nextInt(n)).hashCode();
            }
            long stateNanos = System.nanoTime() - t0;
            t0 = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                sink += index.nextOfKind(EventKind.FPRE004, r.nextInt(n));
            }
            long fpreNanos = System.nanoTime() - t0;
            t0 = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                sink += index.nextOfKind(EventKind.VERIFY_BEGIN, r.nextInt(n));
            }
            long beginNanos = System.nanoTime() - t0;
            BreakpointSet set = BreakpointSet.of(Breakpoint.fpre004());
            t0 = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                sink += set.nextHit(index, r.nextInt(n));
            }
            long hitNanos = System.nanoTime() - t0;
            t0 = System.nanoTime();
            int effectQueries = 2_000;
            for (int i = 0; i < effectQueries; i++) {
                sink += index.effects(r.nextInt(n)).length;
            }
            long effectNanos = System.nanoTime() - t0;
            if (round == 1) {
                System.out.printf(
                        "stateAt: %.2f us; next FPRE004: %.3f us; next VERIFY_BEGIN: %.3f us; "
                                + "FPRE004 breakpoint nextHit: %.3f us; effects: %.1f us%n",
                        stateNanos / 1e3 / queries,
                        fpreNanos / 1e3 / queries,
                        beginNanos / 1e3 / queries,
                        hitNanos / 1e3 / queries,
                        effectNanos / 1e3 / effectQueries);
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static long used(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
