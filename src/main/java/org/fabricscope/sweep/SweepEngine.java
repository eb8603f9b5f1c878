package org.fabricscope.sweep;

import java.util.ArrayList;
import java.util.List;
import org.fabricscope.sim.RunStats;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.Progress;

/**
 * The sweep's arithmetic, shared by every runner: the definition is cut into {@link WorkUnit}s
 * ({@link #units}), each unit is run on its own ({@link #run}), and the partials are reduced in unit
 * order ({@link #reduce}). Runners only decide where units run; since the cut depends on the
 * definition alone and the reduction is exact, every runner and thread count gives the same result.
 */
public final class SweepEngine {
    /**
     * Attempts per unit in {@link SweepDefinition.Mode#ATTEMPTS}: small enough that a few cells
     * still spread over many threads or executors, large enough that a unit outweighs its overhead.
     */
    public static final int ATTEMPTS_PER_UNIT = 16;

    /** A soak that issued no read in this many attempts never will: refuse it (as {@code soak} does). */
    private static final int NO_READS_LIMIT = 64;

    private SweepEngine() {}

    /** The work units of a definition, in reduction order: cells, then seeds, then attempt ranges. */
    public static List<WorkUnit> units(SweepDefinition d) {
        List<WorkUnit> out = new ArrayList<>();
        int cells = d.cellCount();
        for (int c = 0; c < cells; c++) {
            for (long seed : d.seedList()) {
                if (d.mode() == SweepDefinition.Mode.READS) {
                    out.add(new WorkUnit(out.size(), c, seed, 1, WorkUnit.UNTIL_READS));
                } else {
                    for (long a = 1; a <= d.count(); a += ATTEMPTS_PER_UNIT) {
                        int last = (int) Math.min(d.count(), a + ATTEMPTS_PER_UNIT - 1);
                        out.add(new WorkUnit(out.size(), c, seed, (int) a, last));
                    }
                }
            }
        }
        return out;
    }

    /** Runs one unit, single-threaded. {@code progress} is only asked whether to cancel. */
    public static Partial run(SweepDefinition d, WorkUnit u, Progress progress) {
        return run(d, d.cells().get(u.cell()), u, progress);
    }

    /** Runs one unit of {@code cell} (which must be {@code d.cells().get(u.cell())}). */
    public static Partial run(SweepDefinition d, SweepCell cell, WorkUnit u, Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        Progress quiet = new Progress() {
            @Override
            public void update(long done, long total) {}

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
        Scenario s = d.scenarioOf(cell);
        long attempts = 0;
        long withFpre = 0;
        long fpre = 0;
        long reads = 0;
        long ok = 0;
        long retries = 0;
        long quarantines = 0;
        int first = -1;
        int firstSeq = -1;
        LatencyCounts latency = LatencyCounts.EMPTY;
        int a = u.firstAttempt();
        while (true) {
            if (u.lastAttempt() == WorkUnit.UNTIL_READS) {
                if (reads >= d.count()) {
                    break;
                }
                if (reads == 0 && attempts >= NO_READS_LIMIT) {
                    throw new SweepException("scenario " + s.name() + " issues no reads in cell "
                            + SweepDefinition.describe(cell) + ", so a soak cannot finish; use --attempts");
                }
            } else if (a > u.lastAttempt()) {
                break;
            }
            p.checkCancelled();
            Simulator.Detailed r = Simulator.runDetailed(s, u.seed(), a, cell.patch(), false, quiet);
            RunStats st = r.result().stats();
            attempts++;
            if (st.fpre004() > 0) {
                withFpre++;
                if (first < 0) {
                    first = a;
                    firstSeq = st.firstFpre004Seq();
                }
            }
            fpre += st.fpre004();
            reads += st.reads();
            ok += st.readsOk();
            retries += st.retries();
            quarantines += st.quarantines();
            latency = latency.plus(LatencyCounts.of(r.prefetchLatency()));
            if (a == Integer.MAX_VALUE) {
                break;
            }
            a++;
        }
        return new Partial(
                u.unit(),
                u.cell(),
                u.seed(),
                attempts,
                withFpre,
                fpre,
                reads,
                ok,
                retries,
                quarantines,
                first,
                firstSeq,
                latency);
    }

    /**
     * Reduces the partials of every unit of {@code d} (one per unit, in any order: they are put in
     * unit order first) to the sweep's result.
     */
    public static SweepResult reduce(SweepDefinition d, List<Partial> partials) {
        List<SweepCell> cells = d.cells();
        Partial[] byUnit = new Partial[units(d).size()];
        for (Partial p : partials) {
            if (p.unit() < 0 || p.unit() >= byUnit.length || byUnit[p.unit()] != null) {
                throw new IllegalStateException("partial of unit " + p.unit() + " is unexpected or repeated");
            }
            byUnit[p.unit()] = p;
        }
        List<CellResult> out = new ArrayList<>();
        int i = 0;
        for (SweepCell cell : cells) {
            long attempts = 0;
            long withFpre = 0;
            long fpre = 0;
            long reads = 0;
            long ok = 0;
            long retries = 0;
            long quarantines = 0;
            LatencyCounts latency = LatencyCounts.EMPTY;
            int seedsWith = 0;
            long firstSum = 0;
            long firstSeed = -1;
            int firstAttempt = -1;
            int firstSeq = -1;
            for (long seed : d.seedList()) {
                int seedFirst = -1;
                int seedFirstSeq = -1;
                while (i < byUnit.length
                        && byUnit[i] != null
                        && byUnit[i].cell() == cell.index()
                        && byUnit[i].seed() == seed) {
                    Partial p = byUnit[i++];
                    attempts += p.attempts();
                    withFpre += p.attemptsWithFpre004();
                    fpre += p.fpre004();
                    reads += p.reads();
                    ok += p.readsOk();
                    retries += p.retries();
                    quarantines += p.quarantines();
                    latency = latency.plus(p.prefetchLatency());
                    if (seedFirst < 0 && p.firstFpre004Attempt() > 0) {
                        seedFirst = p.firstFpre004Attempt(); // units of a seed come in attempt order
                        seedFirstSeq = p.firstFpre004Seq();
                    }
                }
                if (seedFirst > 0) {
                    seedsWith++;
                    firstSum += seedFirst;
                    if (firstSeed < 0) {
                        firstSeed = seed;
                        firstAttempt = seedFirst;
                        firstSeq = seedFirstSeq;
                    }
                }
            }
            double[] ci = Wilson.interval95(withFpre, attempts);
            out.add(new CellResult(
                    cell,
                    attempts,
                    withFpre,
                    attempts == 0 ? 0.0 : (double) withFpre / attempts,
                    ci[0],
                    ci[1],
                    fpre,
                    reads,
                    ok,
                    reads == 0 ? 1.0 : (double) ok / reads,
                    seedsWith,
                    seedsWith == 0 ? Double.NaN : (double) firstSum / seedsWith,
                    firstSeed,
                    firstAttempt,
                    firstSeq,
                    retries,
                    quarantines,
                    latency.meanMicros(),
                    latency.quantileMicros(0.99),
                    latency));
        }
        if (i != byUnit.length) {
            throw new IllegalStateException("partials missing: reduced " + i + " of " + byUnit.length + " units");
        }
        return new SweepResult(d, out);
    }
}
