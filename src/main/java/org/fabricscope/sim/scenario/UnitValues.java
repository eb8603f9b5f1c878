package org.fabricscope.sim.scenario;

import java.math.BigDecimal;
import java.util.Locale;
import org.fabricscope.trace.NumberText;

/**
 * Units written after a parameter value, as people copy them from incident notes ("7.3ms").
 *
 * <p>The decision: a duration parameter (unit µs) accepts a number with a time unit ({@code us},
 * {@code µs}, {@code ms}, {@code s}) and stores the exact whole number of microseconds, so
 * {@code 7.3ms} and {@code 7300us} both become {@code 7300}; a value that is not a whole number of
 * microseconds is refused rather than rounded. Any other parameter accepts its own unit word
 * ({@code 12 transactions}, {@code 50 ppm}) and nothing else, because a unit that is not the
 * parameter's means the user meant something else. Every refusal names the parameter and the unit
 * expected. The simulator itself only ever sees plain numbers.
 */
final class UnitValues {
    private UnitValues() {}

    /**
     * {@code text} as a plain number in the parameter's unit (for a boolean parameter, {@code
     * text} itself). The text is split by {@link NumberText}, so the work is linear in its length
     * and bounded, whatever it holds.
     *
     * @throws ScenarioException naming the parameter: not a number, out of {@link NumberText}'s
     *     bounds, a unit that is not the parameter's, or not a whole number of microseconds
     */
    static String toPlainNumber(ParameterSpec spec, String text) throws ScenarioException {
        if (spec.type() == ParameterSpec.Type.BOOLEAN) {
            return text;
        }
        NumberText.Parsed parsed;
        try {
            parsed = NumberText.parse(text);
        } catch (NumberText.OutOfBounds e) {
            throw new ScenarioException(
                    "parameter " + spec.name() + " = '" + NumberText.quote(text) + "' " + e.getMessage());
        }
        if (parsed == null) {
            throw new ScenarioException("parameter " + spec.name() + " must be "
                    + (spec.type() == ParameterSpec.Type.INTEGER ? "a whole number" : "a number") + " in "
                    + Scenario.range(spec) + ", not '" + NumberText.quote(text) + "'");
        }
        if (parsed.unit().isEmpty()) {
            return parsed.numberText(); // 1e3 is a number, not 1 of the unit "e3"
        }
        BigDecimal number = parsed.number();
        String unit = parsed.unit();
        if (spec.unit().equals("µs")) {
            BigDecimal micros = number.multiply(microsPer(spec, text, unit));
            try {
                return micros.toBigIntegerExact().toString();
            } catch (ArithmeticException e) {
                throw new ScenarioException("parameter " + spec.name() + " = '" + NumberText.quote(text) + "' is "
                        + micros.stripTrailingZeros().toPlainString()
                        + " µs; it takes a whole number of microseconds");
            }
        }
        if (!spec.unit().isEmpty() && unit.equalsIgnoreCase(spec.unit())) {
            return parsed.numberText();
        }
        throw new ScenarioException("parameter " + spec.name() + " is in "
                + (spec.unit().isEmpty() ? "no unit" : spec.unit()) + ", not '" + NumberText.quote(unit)
                + "': give a plain number" + (spec.unit().isEmpty() ? "" : " of " + spec.unit()) + ", e.g. "
                + spec.name() + "=" + parsed.numberText());
    }

    private static BigDecimal microsPer(ParameterSpec spec, String text, String unit) throws ScenarioException {
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "us":
            case "µs":
            case "μs": // Greek mu, which some keyboards give instead of the micro sign
                return BigDecimal.ONE;
            case "ms":
                return BigDecimal.valueOf(1_000);
            case "s":
                return BigDecimal.valueOf(1_000_000);
            default:
                throw new ScenarioException("parameter " + spec.name() + " is a duration in µs; '"
                        + NumberText.quote(text) + "' has the unit '" + NumberText.quote(unit)
                        + "': write microseconds (7300), or a number with us, ms or s (7.3ms)");
        }
    }
}
