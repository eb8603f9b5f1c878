package org.fabricscope.ui.sweeps;

import java.util.ArrayList;
import java.util.List;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.sweep.Axis;
import org.fabricscope.sweep.CellResult;
import org.fabricscope.sweep.LocalRunner;
import org.fabricscope.sweep.SweepDefinition;
import org.fabricscope.sweep.SweepException;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/**
 * Runs the view's sweep on the {@code sweep} command's engine ({@link org.fabricscope.sweep}): a
 * {@link SweepDefinition} with the view's one or two axes, legacy and patched (none, all), the
 * panel's seed and a soak of {@code readsPerCell} reads per cell, on the engine's {@link
 * LocalRunner}; and turns the engine's result into what the charts draw ({@link #view}). The same
 * definition on the command line gives the same figures.
 */
public final class SweepRunner implements SweepsViewModel.Engine {
    private final int threads;

    public SweepRunner(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override
    public SweepResult run(Scenario base, long seed, long readsPerCell, SweepAxis x, SweepAxis y, Progress progress)
            throws ScenarioException {
        List<Axis> axes = new ArrayList<>();
        axes.add(engineAxis(x));
        if (y != null) {
            axes.add(engineAxis(y));
        }
        SweepDefinition d = new SweepDefinition(
                base,
                axes,
                List.of(PatchSwitches.NONE, PatchSwitches.ALL),
                seed,
                1,
                SweepDefinition.Mode.READS,
                readsPerCell);
        return view(new LocalRunner(threads).run(d, progress));
    }

    private static Axis engineAxis(SweepAxis a) {
        List<String> values = new ArrayList<>();
        for (double v : a.values()) {
            values.add(SweepAxis.text(v));
        }
        return new Axis(a.parameter(), values);
    }

    /**
     * The engine's result as the view draws it: its first axis across, its second (if any) up, its
     * legacy (no switch) and patched (all switches) cells. A result the view cannot draw (more than
     * two axes, no legacy or no patched cells) is refused in one line.
     */
    public static SweepResult view(org.fabricscope.sweep.SweepResult r) {
        SweepDefinition d = r.definition();
        if (d.axes().isEmpty() || d.axes().size() > 2) {
            throw new SweepException("the Sweeps view draws one or two axes; this sweep has "
                    + d.axes().size());
        }
        if (!d.patches().contains(PatchSwitches.NONE) || !d.patches().contains(PatchSwitches.ALL)) {
            throw new SweepException("the Sweeps view compares legacy and patched: the sweep needs --patch none,all");
        }
        SweepAxis x = viewAxis(d.axes().get(0));
        SweepAxis y = d.axes().size() == 2 ? viewAxis(d.axes().get(1)) : null;
        List<SweepCell> cells = new ArrayList<>();
        for (CellResult c : r.cells()) {
            PatchSwitches patch = c.cell().patch();
            if (!patch.equals(PatchSwitches.NONE) && !patch.equals(PatchSwitches.ALL)) {
                continue;
            }
            long[] counts = c.prefetchLatency().counts();
            int last = counts.length - 1;
            while (last >= 0 && counts[last] == 0) {
                last--;
            }
            List<Long> buckets = new ArrayList<>();
            for (int i = 0; i <= last; i++) {
                buckets.add(counts[i]);
            }
            cells.add(new SweepCell(
                    Double.parseDouble(c.cell().value(x.parameter())),
                    y == null ? Double.NaN : Double.parseDouble(c.cell().value(y.parameter())),
                    patch.equals(PatchSwitches.ALL),
                    c.attempts(),
                    c.attemptsWithFpre004(),
                    c.reads(),
                    c.fpre004(),
                    c.fpre004Rate(),
                    c.fpre004RateLow(),
                    c.fpre004RateHigh(),
                    c.successRate(),
                    c.firstFpre004Seed(),
                    c.firstFpre004Attempt(),
                    c.firstFpre004Seq(),
                    c.retries(),
                    c.quarantines(),
                    c.prefetchLatencyMeanMicros(),
                    c.prefetchLatencyP99Micros(),
                    buckets));
        }
        return new SweepResult(
                d.scenario().name(), d.scenario().parameters(), d.firstSeed(), d.count(), x, y, cells, r);
    }

    private static SweepAxis viewAxis(Axis a) {
        List<Double> values = new ArrayList<>();
        for (String v : a.values()) {
            values.add(Double.parseDouble(v));
        }
        return new SweepAxis(a.parameter(), a.spec().unit(), values);
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
}
