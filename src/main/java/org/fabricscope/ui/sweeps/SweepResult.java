package org.fabricscope.ui.sweeps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished sweep: the scenario (every parameter, so a cell can be run again), the base seed, the
 * reads per cell, the axes and every cell (x, then y, then legacy before patched).
 *
 * @param y the second axis, or null
 * @param source the engine's result it was drawn from (what Save writes, in the {@code sweep}
 *     command's result format)
 */
public record SweepResult(
        String scenarioName,
        Map<String, String> parameters,
        long seed,
        long readsPerCell,
        SweepAxis x,
        SweepAxis y,
        List<SweepCell> cells,
        org.fabricscope.sweep.SweepResult source) {
    public SweepResult {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        cells = List.copyOf(cells);
    }

    /** The y values, or one NaN without a second axis. */
    public List<Double> yValues() {
        return y == null ? List.of(Double.NaN) : y.values();
    }

    /** The cell at {@code x}, {@code y} (NaN without a second axis) and side, or null. */
    public SweepCell cell(double xValue, double yValue, boolean patched) {
        for (SweepCell c : cells) {
            if (c.patched() == patched && c.x() == xValue && same(c.y(), yValue)) {
                return c;
            }
        }
        return null;
    }

    /** The cells of one side at one y (the line chart's points), in x order. */
    public List<SweepCell> line(double yValue, boolean patched) {
        List<SweepCell> out = new ArrayList<>();
        for (double xv : x.values()) {
            SweepCell c = cell(xv, yValue, patched);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The highest FPRE004 rate of any cell (the heat map's top colour). */
    public double maxRate() {
        double max = 0;
        for (SweepCell c : cells) {
            max = Math.max(max, c.rate());
        }
        return max;
    }

    /** Prefetch latency counts per 10 µs bucket summed over every cell of one side. */
    public long[] latencyBuckets(boolean patched) {
        long[] sum = new long[0];
        for (SweepCell c : cells) {
            if (c.patched() != patched) {
                continue;
            }
            List<Long> b = c.latencyBuckets();
            if (b.size() > sum.length) {
                sum = java.util.Arrays.copyOf(sum, b.size());
            }
            for (int i = 0; i < b.size(); i++) {
                sum[i] += b.get(i);
            }
        }
        return sum;
    }

    static boolean same(double a, double b) {
        return (Double.isNaN(a) && Double.isNaN(b)) || a == b;
    }
}
