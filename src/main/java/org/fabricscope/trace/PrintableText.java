package org.fabricscope.trace;

/**
 * Text from a file made safe to print on one line: control characters (C0, DEL, C1) and the
 * Unicode bidirectional controls are shown as {@code \\uXXXX} escapes. A trace is untrusted input;
 * without this a name in it could break a one-line {@code FILE:LINE: message} apart, rewrite the
 * user's terminal with escape sequences, or reorder what an error message appears to say.
 */
public final class PrintableText {
    private PrintableText() {}

    /** {@code text} with every unsafe character escaped; the same string when there is none. */
    public static String of(String text) {
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) // U+0000..001F, U+007F..009F
                || (c >= '\u202A' && c <= '\u202E') // LRE, RLE, PDF, LRO, RLO
                || (c >= '\u2066' && c <= '\u2069') // LRI, RLI, FSI, PDI
                || c == '\u2028'
                || c == '\u2029'; // line and paragraph separators
    }
}
