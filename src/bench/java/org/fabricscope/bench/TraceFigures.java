package org.fabricscope.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.io.TraceCache;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.trace.io.TraceWriter;

/**
 * Figures for one trace size: one simulator run of {@code pilot-rack} long enough to give about
 * the wanted number of events, written as JSON Lines, then loaded and scanned, its retained heap
 * measured, and random replay queries timed.
 */
final class TraceFigures {
    static final String SCENARIO = "pilot-rack";
    private static final long SEED = 1L;
    private static final JsonFactory SCAN_FACTORY = new JsonFactory();

    private TraceFigures() {}

    /** A generated trace, its file, and what measuring it found. */
    static final class Measured {
        final Map<String, Object> figures = new LinkedHashMap<>();
        Trace trace;
        TraceIndex index;
        Path file;
    }

    /** The run to record: its seed and {@code durationMicros}. */
    record Plan(long seed, long durationMicros) {}

    /**
     * The first seed (from 1) whose run of about {@code events} events raises at least one FPRE004
     * (so that "next FPRE004" has something to find), and the {@code durationMicros} that gives
     * about that many events: a secant search on unrecorded runs (events = fixed + rate * duration;
     * the fixed part is the BLOCK_INIT events and the drain after the workload stops).
     */
    static synchronized Plan plan(int events) throws ScenarioException {
        // The search runs the simulator many times; the diff figures ask again for the quick size.
        Plan known = PLANS.get(events);
        if (known != null) {
            return known;
        }
        Plan p = search(events);
        PLANS.put(events, p);
        return p;
    }

    private static final Map<Integer, Plan> PLANS = new java.util.TreeMap<>();

    private static Plan search(int events) throws ScenarioException {
        Scenario base = Scenario.builtIn(SCENARIO);
        for (long seed = SEED; seed < SEED + 50; seed++) {
            long d = durationFor(base, seed, events);
            if (run(base, seed, d, false).stats().fpre004() > 0) {
                return new Plan(seed, d);
            }
        }
        return new Plan(SEED, durationFor(base, SEED, events));
    }

    /**
     * Interpolation search on a bracket [lo, hi] with events(lo) < wanted <= events(hi) (events
     * grow with the duration, roughly linearly past the fixed part); within 0.5 % or 8 steps.
     */
    private static long durationFor(Scenario base, long seed, int events) throws ScenarioException {
        long tolerance = Math.max(1, events / 200);
        long lo = 1_000;
        long elo = run(base, seed, lo, false).stats().events();
        if (elo >= events) {
            return lo;
        }
        long hi = Math.max(lo + 1, Math.min(MAX_DURATION, events * 10L));
        long ehi = run(base, seed, hi, false).stats().events();
        while (ehi < events && hi < MAX_DURATION) {
            lo = hi;
            elo = ehi;
            hi = Math.min(MAX_DURATION, hi * 4);
            ehi = run(base, seed, hi, false).stats().events();
        }
        for (int i = 0; i < 8 && hi - lo > 1; i++) {
            if (ehi - events <= tolerance) {
                return hi;
            }
            if (events - elo <= tolerance) {
                return lo;
            }
            long d = lo + Math.round((double) (events - elo) * (hi - lo) / Math.max(1, ehi - elo));
            if (d <= lo || d >= hi) {
                d = (lo + hi) / 2;
            }
            long e = run(base, seed, d, false).stats().events();
            if (e < events) {
                lo = d;
                elo = e;
            } else {
                hi = d;
                ehi = e;
            }
        }
        return events - elo < ehi - events ? lo : hi;
    }

    private static final long MAX_DURATION = 600_000_000L;

    private static org.fabricscope.sim.SimulationResult run(
            Scenario base, long seed, long durationMicros, boolean record) throws ScenarioException {
        Scenario s = base.with("durationMicros", Long.toString(durationMicros));
        return Simulator.run(s, seed, 1, PatchSwitches.NONE, record, Progress.NONE);
    }

    /**
     * Generates, writes to {@code dir}, and measures I/O and memory; the queries are timed later,
     * by {@link #queries}. The returned trace is the one loaded back from the file, with its index,
     * for the query, open and frame benchmarks.
     */
    static Measured measure(int wantedEvents, Path dir, int ioRepeats, Log log)
            throws ScenarioException, IOException, TraceFormatException {
        Measured m = new Measured();
        Map<String, Object> f = m.figures;
        Plan plan = plan(wantedEvents);
        long duration = plan.durationMicros();
        log.say("simulating " + SCENARIO + " seed " + plan.seed() + " for " + duration + " µs (~" + wantedEvents
                + " events)");
        long t0 = System.nanoTime();
        Trace generated =
                run(Scenario.builtIn(SCENARIO), plan.seed(), duration, true).trace();
        double simSeconds = (System.nanoTime() - t0) / 1e9;
        int n = generated.size();
        f.put("events", n);
        f.put("scenario", SCENARIO);
        f.put("seed", plan.seed());
        f.put("duration_micros", duration);
        f.put("generate_s", simSeconds);
        m.file = dir.resolve(SCENARIO + "-" + n + ".jsonl");
        t0 = System.nanoTime();
        TraceWriter.write(generated, m.file);
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        generated = null;
        long bytes = Files.size(m.file);
        f.put("file_mb", bytes / 1e6);
        f.put("file_bytes_per_event", (double) bytes / n);
        f.put("write_mb_per_s", bytes / 1e6 / writeSeconds);

        // Load and scan alternate, so that both see the same page cache and machine load; best of
        // each. A small file is repeated until a second has passed, for a warm JIT and a stable figure.
        log.say("timing load and scan of " + String.format("%.1f", bytes / 1e6) + " MB");
        double loadBest = Double.MAX_VALUE;
        double scanBest = Double.MAX_VALUE;
        long until = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < ioRepeats || (bytes < 50_000_000 && System.nanoTime() < until); i++) {
            scanBest = Math.min(scanBest, time(() -> scan(m.file)));
            loadBest = Math.min(
                    loadBest, time(() -> TraceReader.read(m.file, Progress.NONE).size()));
        }
        f.put("load_mb_per_s", bytes / 1e6 / loadBest);
        f.put("scan_mb_per_s", bytes / 1e6 / scanBest);
        f.put("load_vs_scan", scanBest / loadBest);
        f.put("load_events_per_s", n / loadBest);
        cacheFigures(m.file, ioRepeats, loadBest, f, log);

        // Retained heap: what a loaded trace and its replay index keep, measured as used heap after
        // full collections, before and after.
        long before = usedHeapAfterGc();
        t0 = System.nanoTime();
        m.trace = TraceReader.read(m.file, Progress.NONE);
        long i0 = System.nanoTime();
        m.index = TraceIndex.build(m.trace, Progress.NONE);
        f.put("index_build_s", (System.nanoTime() - i0) / 1e9);
        long after = usedHeapAfterGc();
        f.put("bytes_per_event", (double) (after - before) / n);
        f.put(
                "bytes_per_event_estimate",
                (double) (m.trace.retainedBytesEstimate() + m.index.retainedBytesEstimate()) / n);
        f.put("fpre004_events", m.index.countOfKind(EventKind.FPRE004));
        // Measured later, with every trace loaded: see queries().
        f.put("state_at_step_us", null);
        f.put("next_fpre004_us", null);
        return m;
    }

    /**
     * The binary cache: written once from a JSON load, as the application does after opening a
     * big file, then loaded the way the application does on the next open (source fingerprint,
     * checks, checksum; best of several like the JSON load), then deleted.
     */
    private static void cacheFigures(Path file, int ioRepeats, double jsonLoadSeconds, Map<String, Object> f, Log log)
            throws IOException, TraceFormatException {
        // A private cache directory beside the generated file (itself in the benchmark's temporary directory).
        TraceCache cache = new TraceCache(file.toAbsolutePath().resolveSibling("fscache"));
        Trace json = TraceReader.read(file, Progress.NONE);
        log.say("writing and loading the binary cache");
        long t0 = System.nanoTime();
        Path written = cache.write(file, json)
                .orElseThrow(() -> new IOException("cannot write the trace cache beside " + file));
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        json = null;
        long cacheBytes = Files.size(written);
        double loadBest = Double.MAX_VALUE;
        long until = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < ioRepeats || (cacheBytes < 50_000_000 && System.nanoTime() < until); i++) {
            loadBest = Math.min(loadBest, time(() -> {
                Trace t = cache.read(file, Progress.NONE);
                if (t == null) {
                    throw new IllegalStateException("the cache just written was not usable");
                }
                return t.size();
            }));
        }
        Files.deleteIfExists(written);
        Files.deleteIfExists(written.getParent());
        f.put("cache_write_s", writeSeconds);
        f.put("cache_mb", cacheBytes / 1e6);
        f.put("cache_load_s", loadBest);
        f.put("cache_load_mb_per_s", cacheBytes / 1e6 / loadBest);
        f.put("cache_load_vs_json_load", jsonLoadSeconds / loadBest);
    }

    /** Rounds of {@link #queries}: the first warms the JIT up, the best of the others counts. */
    static final int QUERY_ROUNDS = 6;

    /**
     * Random state reconstruction and "next FPRE004" from random steps, on every given trace, the
     * traces taking turns round after round: all of them are then timed by the same compiled
     * code (timing one trace to the end before the next lets the JIT's profile of the first decide
     * the code the second runs, which moved the small/large ratio by 3x between runs). Each figure
     * is the best round after a warm-up one: the machine may be shared, and the best round is the
     * least disturbed.
     */
    static void queries(List<Measured> traces, int queries) {
        double[] stateUs = new double[traces.size()];
        double[] nextUs = new double[traces.size()];
        java.util.Arrays.fill(stateUs, Double.MAX_VALUE);
        java.util.Arrays.fill(nextUs, Double.MAX_VALUE);
        long sink = 0;
        for (int round = 0; round < QUERY_ROUNDS; round++) {
            for (int t = 0; t < traces.size(); t++) {
                Trace trace = traces.get(t).trace;
                TraceIndex index = traces.get(t).index;
                int n = trace.size();
                int blocks = trace.header().topology().blockCount();
                SplittableRandom r = new SplittableRandom(11 + round);
                long t0 = System.nanoTime();
                for (int i = 0; i < queries; i++) {
                    sink += index.stateAt(r.nextInt(blocks), r.nextInt(n)).hashCode();
                }
                double st = (System.nanoTime() - t0) / 1e3 / queries;
                t0 = System.nanoTime();
                for (int i = 0; i < queries; i++) {
                    sink += index.nextOfKind(EventKind.FPRE004, r.nextInt(n));
                }
                double nx = (System.nanoTime() - t0) / 1e3 / queries;
                if (round > 0) {
                    stateUs[t] = Math.min(stateUs[t], st);
                    nextUs[t] = Math.min(nextUs[t], nx);
                }
            }
        }
        for (int t = 0; t < traces.size(); t++) {
            traces.get(t).figures.put("state_at_step_us", stateUs[t]);
            traces.get(t).figures.put("next_fpre004_us", nextUs[t]);
        }
        if (sink == 42) {
            // Keeps the JIT from dropping the queries as dead code.
            traces.get(0).figures.put("sink", sink);
        }
    }

    /** A bare Jackson token scan: the floor any JSON reader of the file stands on. */
    static long scan(Path file) throws IOException {
        long tokens = 0;
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = SCAN_FACTORY.createParser(in)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    interface Work {
        long run() throws Exception;
    }

    private static double time(Work w) throws IOException, TraceFormatException {
        long t0 = System.nanoTime();
        try {
            if (w.run() < 0) {
                throw new IllegalStateException();
            }
        } catch (IOException | TraceFormatException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Where progress lines go (standard error, so that standard output holds only the JSON). */
    interface Log {
        void say(String line);
    }
}
