package org.fabricscope.replay.explain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-words meanings of the shorthand the panels use ({@code #6331}, {@code txn 309},
 * {@code verifier@n1}, {@code write 9}, FPRE004), for hover text. Each term is explained with the
 * value it has in the text, so the hover says "step 6331 of the trace", not a generic definition.
 */
public final class Glossary {
    private static final Pattern STEP = Pattern.compile("#(\\d+)");
    private static final Pattern TXN = Pattern.compile("\\btxn (\\d+)");
    private static final Pattern ACTOR = Pattern.compile("\\b([A-Za-z][\\w-]*)@n(\\d+)\\b");
    private static final Pattern WRITE = Pattern.compile("\\b[Ww]rite (\\d+)\\b");
    /** Bounds the work on a long text (names from a file can be long). */
    private static final int MAX_TEXT = 4_000;

    private Glossary() {}

    /** One line per shorthand term found in {@code text}, in order of first appearance; empty if none. */
    public static List<String> explain(String text) {
        String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        Set<String> lines = new LinkedHashSet<>();
        if (t.contains("FPRE004")) {
            lines.add(Fpre004Explanation.FPRE004_DEFINITION);
        }
        Matcher m = STEP.matcher(t);
        while (m.find()) {
            lines.add("#" + m.group(1) + ": step " + m.group(1) + " of the trace, the event's sequence number (Ctrl+G "
                    + m.group(1) + " goes there).");
        }
        m = TXN.matcher(t);
        while (m.find()) {
            lines.add("txn " + m.group(1) + ": the client's read transaction " + m.group(1)
                    + "; the verifier checks the block on its behalf.");
        }
        m = ACTOR.matcher(t);
        while (m.find()) {
            lines.add(m.group() + ": the " + m.group(1) + " actor on node n" + m.group(2) + ".");
        }
        m = WRITE.matcher(t);
        while (m.find()) {
            lines.add("write " + m.group(1) + ": the client write with id " + m.group(1)
                    + "; it holds the block's lock and keeps lastWritePending set until its completion ACK arrives.");
        }
        return new ArrayList<>(lines);
    }

    /** {@link #explain} as one hover text, or {@code null} if the text has no shorthand. */
    public static String hover(String text) {
        List<String> lines = explain(text);
        return lines.isEmpty() ? null : String.join("\n", lines);
    }
}
