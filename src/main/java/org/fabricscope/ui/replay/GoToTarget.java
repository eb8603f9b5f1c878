package org.fabricscope.ui.replay;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where "Go to" should move the cursor: a step number ({@code 1234} or {@code #1234}) or a
 * simulated time with its unit ({@code 12.5ms}, {@code 300us}, {@code 300µs}, {@code 1.2s}).
 *
 * @param isTime true for a time, false for a step
 * @param value the step number, or the time in microseconds
 */
public record GoToTarget(boolean isTime, long value) {
    private static final Pattern STEP = Pattern.compile("#?\\s*(\\d{1,10})");
    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(s|ms|us|µs|μs)");

    /**
     * Parses what the user typed.
     *
     * @throws IllegalArgumentException with a message that says what is accepted
     */
    public static GoToTarget parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher step = STEP.matcher(t);
        if (step.matches()) {
            return new GoToTarget(false, Long.parseLong(step.group(1)));
        }
        Matcher time = TIME.matcher(t);
        if (time.matches()) {
            BigDecimal number = new BigDecimal(time.group(1));
            BigDecimal micros;
            switch (time.group(2)) {
                case "s":
                    micros = number.movePointRight(6);
                    break;
                case "ms":
                    micros = number.movePointRight(3);
                    break;
                default:
                    micros = number;
                    break;
            }
            // Simulated time has microsecond resolution: a finer time rounds up to the next tick.
            return new GoToTarget(
                    true, micros.setScale(0, java.math.RoundingMode.CEILING).longValueExact());
        }
        throw new IllegalArgumentException("'" + (text == null ? "" : text.trim())
                + "' is neither a step (e.g. 1234) nor a time (e.g. 12.5ms, 300us, 1.2s)");
    }
}
