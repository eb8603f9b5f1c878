package org.fabricscope.ui.sweeps;

import java.util.ArrayList;
import java.util.List;
import org.fabricscope.sim.experiment.IncidentMap;
import org.fabricscope.sim.experiment.IncidentSoak;
import org.fabricscope.sim.experiment.SoakResult;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/**
 * Runs a sweep for the view: every combination of the axes' values, legacy and patched, each a
 * soak of {@code readsPerCell} reads from the base seed ({@link IncidentSoak}, so a cell's first
 * failing attempt and its latency histogram come with it). Cells run one after another, each on
 * {@code threads} threads; the result is the same for any thread count.
 *
 * <p>This is the GUI's own small runner over the soak; the {@code sweep} command's engine (package
 * {@code org.fabricscope.sweep}) computes the same figures and can take its place behind {@link
 * SweepsViewModel.Engine}.
 */
public final class SweepRunner implements SweepsViewModel.Engine {
    private final int threads;

    public SweepRunner(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override
    public SweepResult run(Scenario base, long seed, long readsPerCell, SweepAxis x, SweepAxis y, Progress progress)
            throws ScenarioException {
        List<Double> ys = y == null ? List.of(Double.NaN) : y.values();
        int total = x.values().size() * ys.size() * 2;
        List<SweepCell> cells = new ArrayList<>();
        int done = 0;
        for (double xv : x.values()) {
            for (double yv : ys) {
                Scenario s = cellScenario(base, x, xv, y, yv);
                for (boolean patched : new boolean[] {false, true}) {
                    progress.checkCancelled();
                    PatchSwitches patch = patched ? PatchSwitches.ALL : PatchSwitches.NONE;
                    IncidentMap map = IncidentSoak.run(
                            s,
                            seed,
                            readsPerCell,
                            patch,
                            threads,
                            progress.part((double) done / total, (double) (done + 1) / total));
                    cells.add(cell(xv, yv, patched, map));
                    done++;
                }
            }
        }
        return new SweepResult(base.name(), base.parameters(), seed, readsPerCell, x, y, cells);
    }

    /** The scenario of one cell: the base with the axes set to the cell's values. */
    public static Scenario cellScenario(Scenario base, SweepAxis x, double xv, SweepAxis y, double yv)
            throws ScenarioException {
        Scenario s = base.with(x.parameter(), SweepAxis.text(xv));
        if (y != null && !Double.isNaN(yv)) {
            s = s.with(y.parameter(), SweepAxis.text(yv));
        }
        return s;
    }

    static SweepCell cell(double xv, double yv, boolean patched, IncidentMap map) {
        SoakResult r = map.soak();
        long k = Math.min(r.fpre004(), r.reads());
        double[] ci = Wilson.interval(k, r.reads());
        return new SweepCell(
                xv,
                yv,
                patched,
                r.reads(),
                r.fpre004(),
                r.reads() == 0 ? 0 : (double) k / r.reads(),
                ci[0],
                ci[1],
                r.successRate(),
                map.firstFailingAttempt(),
                r.retries(),
                r.quarantines(),
                r.prefetchLatencyMeanMicros(),
                r.prefetchLatencyP99Micros(),
                map.prefetchLatencyBuckets());
    }
}
