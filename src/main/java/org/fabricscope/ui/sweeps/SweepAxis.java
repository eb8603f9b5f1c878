package org.fabricscope.ui.sweeps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fabricscope.sim.scenario.ParameterSpec;

/**
 * One varied parameter of a sweep: its name, unit (as the scenario panel shows it) and values, in
 * the parameter's own unit (the units of {@code --set}).
 */
public record SweepAxis(String parameter, String unit, List<Double> values) {
    public SweepAxis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an axis needs at least one value");
        }
    }

    /**
     * {@code steps} evenly spaced values from {@code from} to {@code to} inclusive ({@code
     * FROM..TO:STEPS}); integer parameters are rounded and duplicates dropped.
     */
    public static SweepAxis range(ParameterSpec spec, double from, double to, int steps) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            double v = steps == 1 ? from : from + (to - from) * i / (steps - 1);
            if (spec.type() == ParameterSpec.Type.INTEGER) {
                v = Math.rint(v);
            }
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return new SweepAxis(spec.name(), spec.unit(), out);
    }

    /** The value as the scenario takes it ({@code 7300}, {@code 0.5}). */
    public static String text(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return trim(String.format(Locale.ROOT, "%.6f", value));
    }

    private static String trim(String s) {
        String t = s.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** "ackJitterMicrosMax (µs)". */
    public String label() {
        return unit == null || unit.isEmpty() ? parameter : parameter + " (" + unit + ")";
    }
}
