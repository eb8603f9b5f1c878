package org.fabricscope.sim;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern NUMBER_AND_UNIT =
            Pattern.compile("([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([^\\d\\s].*)");

    private UnitValues() {}

    /**
     * {@code text} without a unit, converted to the parameter's unit; {@code text} itself when it
     * carries no unit (then the caller's own number checks apply).
     */
    static String toPlainNumber(ParameterSpec spec, String text) throws ScenarioException {
        if (spec.type() == ParameterSpec.Type.BOOLEAN) {
            return text;
        }
        if (isPlainNumber(text)) {
            return text; // 1e3 is a number, not 1 of the unit "e3"
        }
        Matcher m = NUMBER_AND_UNIT.matcher(text);
        if (!m.matches()) {
            return text;
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String unit = m.group(2).trim();
        if (spec.unit().equals("µs")) {
            BigDecimal micros = number.multiply(microsPer(spec, text, unit));
            try {
                return micros.toBigIntegerExact().toString();
            } catch (ArithmeticException e) {
                throw new ScenarioException("parameter " + spec.name() + " = '" + text + "' is "
                        + micros.stripTrailingZeros().toPlainString()
                        + " µs; it takes a whole number of microseconds");
            }
        }
        if (!spec.unit().isEmpty() && unit.equalsIgnoreCase(spec.unit())) {
            return m.group(1);
        }
        throw new ScenarioException("parameter " + spec.name() + " is in "
                + (spec.unit().isEmpty() ? "no unit" : spec.unit()) + ", not '" + unit + "': give a plain number"
                + (spec.unit().isEmpty() ? "" : " of " + spec.unit()) + ", e.g. " + spec.name() + "="
                + m.group(1));
    }

    private static boolean isPlainNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
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
                throw new ScenarioException("parameter " + spec.name() + " is a duration in µs; '" + text
                        + "' has the unit '" + unit + "': write microseconds (7300), or a number with us, ms or s (7.3ms)");
        }
    }
}
