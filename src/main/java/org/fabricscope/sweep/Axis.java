package org.fabricscope.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabricscope.sim.scenario.ParameterSpec;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.PrintableText;

/**
 * One {@code --vary} axis: a scenario parameter and the values it takes, each a canonical value
 * (a plain number in the parameter's unit, as the scenario stores it).
 *
 * <p>Written {@code PARAM=V1,V2,…} or {@code PARAM=FROM..TO:STEPS}; values are in the units that
 * {@code --set} accepts ({@code 7.3ms}, {@code 12 transactions}). A range gives {@code STEPS}
 * evenly spaced values including both ends: {@code ackJitterMicrosMax=0..8ms:5} is 0, 2000, 4000,
 * 6000, 8000 µs. For a whole-number parameter each value is rounded half up to a whole number, and
 * a range with more steps than whole numbers is refused rather than repeating values.
 */
public record Axis(String parameter, List<String> values) {
    /** Most values on one axis. */
    public static final int MAX_VALUES = 1_000;

    private static final Pattern RANGE = Pattern.compile("^(.+?)\\.\\.(.+):\\s*(\\d{1,9})\\s*$");

    public Axis {
        values = List.copyOf(values);
    }

    /** The {@code PARAM=LIST} text of this axis, with canonical values (it parses back to this axis). */
    public String text() {
        return parameter + "=" + String.join(",", values);
    }

    /** The parameter's catalogue entry (unit, type, range). */
    public ParameterSpec spec() {
        return spec(parameter);
    }

    /**
     * Parses {@code PARAM=LIST} or {@code PARAM=FROM..TO:STEPS} against {@code base}'s catalogue.
     *
     * @throws SweepException naming the axis and what is wrong (unknown parameter with the closest
     *     name, a value out of range, a bad range)
     */
    public static Axis parse(String text, Scenario base) {
        String t = text == null ? "" : text.trim();
        int eq = t.indexOf('=');
        if (eq <= 0 || eq == t.length() - 1) {
            throw new SweepException("--vary expects PARAM=V1,V2,... or PARAM=FROM..TO:STEPS, got '" + show(t) + "'");
        }
        String parameter = t.substring(0, eq).trim();
        String rest = t.substring(eq + 1).trim();
        if (!base.parameters().containsKey(parameter)) {
            canonical(base, parameter, "0", t); // throws, naming the closest known parameter
        }
        ParameterSpec spec = spec(parameter);
        List<String> values = new ArrayList<>();
        Matcher m = RANGE.matcher(rest);
        if (rest.contains("..")) {
            if (!m.matches()) {
                throw new SweepException(
                        "--vary " + show(t) + ": a range is FROM..TO:STEPS, e.g. " + parameter + "=0..8ms:5");
            }
            if (spec.type() == ParameterSpec.Type.BOOLEAN) {
                throw new SweepException("--vary " + show(t) + ": " + parameter + " is true or false; list the values");
            }
            BigDecimal from =
                    new BigDecimal(canonical(base, parameter, m.group(1).trim(), t));
            BigDecimal to = new BigDecimal(canonical(base, parameter, m.group(2).trim(), t));
            int steps = Integer.parseInt(m.group(3));
            if (steps < 1 || steps > MAX_VALUES) {
                throw new SweepException(
                        "--vary " + show(t) + ": STEPS must be between 1 and " + MAX_VALUES + ", got " + steps);
            }
            if (steps == 1 && from.compareTo(to) != 0) {
                throw new SweepException("--vary " + show(t) + ": one step cannot span " + from.toPlainString() + ".."
                        + to.toPlainString() + "; use at least 2 steps");
            }
            for (int i = 0; i < steps; i++) {
                BigDecimal v = steps == 1
                        ? from
                        : from.add(to.subtract(from)
                                .multiply(BigDecimal.valueOf(i))
                                .divide(BigDecimal.valueOf(steps - 1), MathContext.DECIMAL64));
                if (spec.type() == ParameterSpec.Type.INTEGER) {
                    v = v.setScale(0, RoundingMode.HALF_UP);
                } else {
                    v = v.round(new MathContext(12, RoundingMode.HALF_UP));
                }
                values.add(canonical(base, parameter, v.stripTrailingZeros().toPlainString(), t));
            }
        } else {
            for (String part : rest.split(",", -1)) {
                if (part.isBlank()) {
                    throw new SweepException("--vary " + show(t) + ": an empty value in the list");
                }
                values.add(canonical(base, parameter, part.trim(), t));
            }
        }
        if (values.size() > MAX_VALUES) {
            throw new SweepException("--vary " + show(t) + ": at most " + MAX_VALUES + " values, got " + values.size());
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String v : values) {
            if (!seen.add(v)) {
                throw new SweepException("--vary " + show(t) + ": the value " + v + " " + spec.unit() + " appears twice"
                        + (rest.contains("..") ? " (more steps than whole numbers in the range)" : ""));
            }
        }
        return new Axis(parameter, values);
    }

    private static String canonical(Scenario base, String parameter, String value, String axisText) {
        try {
            return base.with(parameter, value).get(parameter);
        } catch (ScenarioException e) {
            throw new SweepException("--vary " + show(axisText) + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new SweepException("--vary " + show(axisText) + ": " + e.getMessage());
        }
    }

    static ParameterSpec spec(String parameter) {
        for (ParameterSpec p : Scenario.catalog()) {
            if (p.name().equals(parameter)) {
                return p;
            }
        }
        throw new SweepException("unknown parameter " + parameter);
    }

    private static String show(String text) {
        return PrintableText.of(text.length() > 80 ? text.substring(0, 80) + "…" : text);
    }
}
