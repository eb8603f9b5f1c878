package org.fabricscope.session;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * "A link to this moment": the command line that opens a trace at a step, {@code java -jar
 * fabricscope.jar '/abs/trace.jsonl' --at 1234}, quoted for a POSIX shell so that it can be pasted
 * as it is.
 */
public final class MomentLink {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private MomentLink() {}

    /**
     * @param jar the application's jar (or just its name when not run from a jar)
     * @param trace the trace file, made absolute here
     * @param step the step to open at
     */
    public static String command(String jar, Path trace, int step) {
        return "java -jar " + shellQuote(jar) + " "
                + shellQuote(trace.toAbsolutePath().normalize().toString()) + " --at " + step;
    }

    /** {@code text} as one word for a POSIX shell: as is when it is plain, else in single quotes. */
    public static String shellQuote(String text) {
        if (!text.isEmpty() && SAFE.matcher(text).matches()) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
