package org.fabricscope.trace;

import java.math.BigDecimal;

/**
 * A scenario parameter value as a person writes it, a number optionally followed by a unit ({@code 7.3ms},
 * {@code 1e3}, {@code 12 transactions}), split in one left-to-right pass.
 *
 * <p>Why not a regular expression and {@link BigDecimal} straight away: a backtracking pattern
 * over {@code "111…1 1"} is quadratic, and {@code new BigDecimal("1e9999999")} is cheap to make
 * but ruinous to multiply, print or compare. So the text, the digits and the exponent are bounded
 * before any arithmetic: at most {@value #MAX_CHARS} characters in all, {@value #MAX_DIGITS}
 * digits and an exponent of at most ±{@value #MAX_EXPONENT}. Every parameter's range fits well
 * inside those bounds, and every number within them prints in a few hundred characters at most,
 * which a trace header holds. The scan touches each character once and never looks back. The
 * scenario parser and the trace reader both use it, so a value one accepts the other can handle.
 */
public final class NumberText {
    /**
     * Longest value text accepted, unit included: the trace format's longest number literal, so
     * that a value written into a header as a number reads back.
     */
    public static final int MAX_CHARS = 64;
    /**
     * Most digits in the number (before and after the point): as many as fit, since the plain
     * form of any value the scenario accepts (at most {@link #MAX_CHARS} characters) must parse.
     */
    public static final int MAX_DIGITS = MAX_CHARS;
    /** Largest exponent magnitude ({@code 1e100}, {@code 1e-100}). */
    public static final int MAX_EXPONENT = 100;

    /**
     * A parsed value.
     *
     * @param number the number, exact
     * @param numberText the number's own text (sign, digits, point, exponent), without the unit
     * @param unit what follows the number, trimmed; empty if nothing
     */
    public record Parsed(BigDecimal number, String numberText, String unit) {}

    /** Why a text is not a bounded number. */
    public static final class OutOfBounds extends Exception {
        private static final long serialVersionUID = 1L;

        OutOfBounds(String message) {
            super(message, null, false, false);
        }
    }

    private NumberText() {}

    /**
     * Splits {@code text} into a number and a unit.
     *
     * @return the parsed value, or {@code null} if {@code text} does not start with a number (or
     *     what follows the number cannot be a unit: a digit, a sign or a point)
     * @throws OutOfBounds if the text is longer than {@link #MAX_CHARS}, has more than {@link
     *     #MAX_DIGITS} digits, or an exponent beyond {@link #MAX_EXPONENT}
     */
    public static Parsed parse(String text) throws OutOfBounds {
        int n = text.length();
        if (n > MAX_CHARS) {
            throw new OutOfBounds("is " + n + " characters long; a value has at most " + MAX_CHARS);
        }
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (digits > MAX_DIGITS) {
            throw new OutOfBounds("has " + digits + " digits; a value has at most " + MAX_DIGITS);
        }
        int numberEnd = i;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            boolean negative = false;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                negative = text.charAt(j) == '-';
                j++;
            }
            int expStart = j;
            long exponent = 0;
            while (j < n && isDigit(text.charAt(j))) {
                // Saturates instead of overflowing: only "beyond the bound" matters past it.
                exponent = Math.min(exponent * 10 + (text.charAt(j) - '0'), 10L * MAX_EXPONENT);
                j++;
            }
            if (j > expStart) {
                if (exponent > MAX_EXPONENT) {
                    throw new OutOfBounds("has the exponent " + (negative ? "-" : "") + text.substring(expStart, j)
                            + "; a value's exponent is at most ±" + MAX_EXPONENT);
                }
                numberEnd = j;
            }
            // "5e" or "5ex": no exponent digits, so the e starts the unit.
        }
        int u = numberEnd;
        while (u < n && Character.isWhitespace(text.charAt(u))) {
            u++;
        }
        int end = n;
        while (end > u && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String unit = text.substring(u, end);
        if (!unit.isEmpty()) {
            char c = unit.charAt(0);
            if (isDigit(c) || c == '+' || c == '-' || c == '.') {
                return null;
            }
        }
        String numberText = text.substring(0, numberEnd);
        return new Parsed(new BigDecimal(numberText), numberText, unit);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code text} cut to a length fit for a one-line message, with its control characters escaped. */
    public static String quote(String text) {
        String cut = text.length() <= 40 ? text : text.substring(0, 32) + "… (" + text.length() + " characters)";
        return PrintableText.of(cut);
    }
}
