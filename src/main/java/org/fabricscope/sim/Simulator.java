package org.fabricscope.sim;

import java.util.List;
import org.fabricscope.sim.actor.World;
import org.fabricscope.sim.core.Counters;
import org.fabricscope.sim.core.Engine;
import org.fabricscope.sim.core.FileStats;
import org.fabricscope.sim.core.InterventionPlan;
import org.fabricscope.sim.core.LatencyHistogram;
import org.fabricscope.sim.core.ModelParameters;
import org.fabricscope.sim.core.SimulationLimitException;
import org.fabricscope.sim.core.SplitMix64;
import org.fabricscope.sim.fabric.Fabric;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.Intervention;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceHeader;

/**
 * Runs one attempt of a scenario: a deterministic, single-threaded discrete-event simulation of
 * the storage fabric in which FPRE004 emerges from timing.
 *
 * <p><b>Determinism.</b> The run's seed is derived from (base seed, attempt) by a SplitMix64 mix;
 * every actor draws from its own stream split from that root in a fixed order; timers fire in
 * (time, scheduling order); nothing reads the wall clock or iterates a hash container. Same
 * scenario, seed, attempt and switches give the same events, recorded or not.
 *
 * <p><b>How FPRE004 arises (legacy).</b> A write takes a block's lock and sets lastWritePending
 * (invalidating its buffer), lands on the media, and releases both only when its ACK arrives,
 * {@code ackBaseMicros} + jitter later. A prefetch fill that starts after the data landed and
 * finishes before a late ACK marks the buffer READY beside lastWritePending, and so does
 * compaction's cache refresh (compaction follows the writes, so it often moves a block while its
 * late write is still pending: its refresh marks a buffer that a prefetch fill is still filling
 * READY at once, or asks the prefetch engine to refill a stale one, which then lands during the
 * lock); the legacy verifier reads cacheState first and lastWritePending
 * last, sees the pair, and raises FPRE004. A write that starts between those two checks looks the
 * same to it. A stale fill landing on a newer fill's FILLING buffer (the legacy engine only checks
 * "still FILLING") can also leave old data READY, which the checksum check catches. With no ACK
 * jitter the pending window (media write + {@code ackBaseMicros}) is shorter than a fill, so only
 * the rarer paths remain.
 *
 * <p><b>Why the patched fabric (all three switches) cannot raise FPRE004.</b>
 * <ol>
 *   <li>Barrier: a buffer becomes READY only in an instant when no write holds the lock and
 *       cacheVersion = version (prefetch checks both; compaction refreshes only when no write is
 *       locked or pending, setting cacheVersion := version). A write invalidates the buffer in the
 *       same instant it takes the lock, and the version changes only under the lock. Hence at every
 *       instant: READY implies no lock, not pending, and cacheVersion = version (invariant I1).
 *   <li>Reorder: the verifier reads lastWritePending and lockHolder first and sends the read to the
 *       media if either is set, so the inconsistent pair is never raised; it raises FPRE004 only
 *       if it sees READY and then a checksum that does not match the cacheVersion it read.
 *   <li>Between seeing READY (I1: no lock, cacheVersion = version) and reading the checksum, two
 *       verifier steps pass (at most 80 µs by the catalogue's range). The version can change only
 *       by a media write whose lock was taken at least {@code mediaWriteMicrosMin} (at least
 *       250 µs) earlier, i.e. before the READY was seen: impossible by I1. cacheVersion can change
 *       only by compaction's refresh (to the same version) or by a fill landing on a FILLING
 *       buffer, which needs at least 250 µs more. So the checksum always matches.
 * </ol>
 * The backoff is not needed for safety; it keeps fills from racing a write that is just being
 * issued, and is what most of the patched prefetch latency (+{@code prefetchBackoffMicros}) comes
 * from. Only genuine media errors remain.
 *
 * <p><b>Invariants</b> (checked over traces by {@link org.fabricscope.sim.check.InvariantChecker}):
 * times never decrease; every cause is an earlier event; a held lock implies lastWritePending; a
 * buffer never becomes READY while the barrier is on and a write holds the lock, and with barrier
 * READY always holds cacheVersion = version; with reorder and barrier no FPRE004; every state
 * event's old value is the field's previous value; WRITE_ACK is caused by a WRITE_ISSUE.
 *
 * <p><b>Limits.</b> {@code maxEventsPerRun} and {@code maxQueueSize}; exceeding either throws
 * {@link SimulationLimitException} with the scenario, seed and attempt.
 */
public final class Simulator {
    /**
     * The simulator's version, written into every trace header: the project's version, filled in
     * from the pom at build time (src/main/resources-filtered), so it is written in one place.
     */
    public static final String VERSION = readVersion();

    private static String readVersion() {
        try (java.io.InputStream in = Simulator.class.getResourceAsStream("simulator.properties")) {
            if (in == null) {
                throw new IllegalStateException("simulator.properties is missing from the build");
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.isEmpty() || v.startsWith("${")) {
                throw new IllegalStateException("simulator.properties was not filled in by the build: " + v);
            }
            return v;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Simulator() {}

    /**
     * Runs attempt {@code attempt} of {@code scenario} from base seed {@code seed}.
     *
     * @param recordTrace keep every event in a {@link org.fabricscope.trace.Trace}; when false only
     *     statistics are kept (the events are still counted and numbered identically)
     * @param progress reports simulated time against the workload duration; cancel stops the run
     * @throws org.fabricscope.trace.CancelledException when cancelled
     * @throws SimulationLimitException when the run exceeds a limit
     */
    public static SimulationResult run(
            Scenario scenario, long seed, int attempt, PatchSwitches patch, boolean recordTrace, Progress progress) {
        return runDetailed(scenario, seed, attempt, patch, recordTrace, progress)
                .result();
    }

    /** A run's result plus its prefetch latency histogram and per-file counts (for aggregating many runs). */
    public record Detailed(SimulationResult result, LatencyHistogram prefetchLatency, FileStats files) {}

    /**
     * The index of the hot archive of a fleet, drawn from the base seed alone (not the attempt), so
     * every attempt of a soak or search shares it. Skew parameters decide how much busier it is.
     */
    public static int hotArchive(long baseSeed, int archiveCount) {
        return (int) Long.remainderUnsigned(SplitMix64.mix(baseSeed ^ 0x486F744172636869L), archiveCount);
    }

    public static Detailed runDetailed(
            Scenario scenario, long seed, int attempt, PatchSwitches patch, boolean recordTrace, Progress progress) {
        return runDetailed(scenario, seed, attempt, patch, recordTrace, progress, null, List.of());
    }

    /**
     * An explored run: every timing draw and every order of timers due at the same instant is taken
     * from {@code choices} (see {@link org.fabricscope.sim.core.Choices}); otherwise an ordinary run.
     */
    public static SimulationResult runExplored(
            Scenario scenario,
            long seed,
            int attempt,
            PatchSwitches patch,
            boolean recordTrace,
            org.fabricscope.sim.core.Choices choices) {
        return runExplored(scenario, seed, attempt, patch, recordTrace, choices, null);
    }

    /** {@link #runExplored}, its header naming the explored {@code schedule} (null: none). */
    public static SimulationResult runExplored(
            Scenario scenario,
            long seed,
            int attempt,
            PatchSwitches patch,
            boolean recordTrace,
            org.fabricscope.sim.core.Choices choices,
            org.fabricscope.trace.ExploredSchedule schedule) {
        return runDetailed(
                        scenario, seed, attempt, patch, recordTrace, Progress.NONE, null, List.of(), choices, schedule)
                .result();
    }

    /**
     * {@link #runDetailed} with interventions: {@code plan} probes for them or applies them (see
     * {@link WhatIf}); the header records {@code interventions}. Null plan: an ordinary run.
     */
    static Detailed runDetailed(
            Scenario scenario,
            long seed,
            int attempt,
            PatchSwitches patch,
            boolean recordTrace,
            Progress progress,
            InterventionPlan plan,
            List<Intervention> interventions) {
        return runDetailed(scenario, seed, attempt, patch, recordTrace, progress, plan, interventions, null, null);
    }

    private static Detailed runDetailed(
            Scenario scenario,
            long seed,
            int attempt,
            PatchSwitches patch,
            boolean recordTrace,
            Progress progress,
            InterventionPlan plan,
            List<Intervention> interventions,
            org.fabricscope.sim.core.Choices choices,
            org.fabricscope.trace.ExploredSchedule schedule) {
        ModelParameters p = scenario.model();
        SplitMix64 root = new SplitMix64(SplitMix64.attemptSeed(seed, attempt));
        if (choices != null) {
            root.explore(choices);
        }
        Fabric fabric = new Fabric(p.nodes, p.drivesPerNode, p.archiveCount, p.archiveBlocks, p.fileXBlocks);
        TraceBuilder builder = null;
        if (recordTrace) {
            TraceHeader header = new TraceHeader(
                    TraceHeader.FORMAT_NAME,
                    TraceHeader.FORMAT_VERSION,
                    VERSION,
                    scenario.name(),
                    scenario.parameters(),
                    seed,
                    attempt,
                    patch,
                    fabric.topology(),
                    interventions,
                    schedule);
            builder = new TraceBuilder(header, 1 << 14);
        }
        Engine engine = new Engine(builder, p.maxEventsPerRun, p.maxQueueSize, progress);
        if (plan != null) {
            engine.intervene(plan);
        }
        if (choices != null) {
            engine.explore(choices);
        }
        FileStats files = null;
        try {
            fabric.initialize(engine, root.split(), p.clockOffsetMicrosMax, p.clockDriftPpmMax);
            World world = new World(engine, fabric, p, patch, root, hotArchive(seed, p.archiveCount));
            files = world.fileStats();
            world.start();
            engine.run(p.durationMicros);
        } catch (SimulationLimitException e) {
            throw new SimulationLimitException("scenario " + scenario.name() + ", seed " + seed + ", attempt " + attempt
                    + ", patch " + patch + ": " + e.getMessage());
        } catch (org.fabricscope.sim.core.ModelAssertionError e) {
            // A bug: the report names the run, so it can be replayed exactly.
            throw new org.fabricscope.sim.core.ModelAssertionError(
                    "scenario " + scenario.name() + ", seed " + seed + ", attempt " + attempt + ", patch " + patch, e);
        }
        Counters c = engine.counters();
        RunStats stats = new RunStats(
                engine.eventCount(),
                c.reads,
                c.readsOk,
                c.readsFailed,
                c.fpre004,
                c.retries,
                c.quarantines,
                c.mediaErrors,
                c.prefetchLatency.meanMicros(),
                c.prefetchLatency.quantileMicros(0.99),
                c.firstFailedRead,
                c.firstFpre004Seq);
        return new Detailed(
                new SimulationResult(builder == null ? null : builder.build(), stats), c.prefetchLatency, files);
    }
}
