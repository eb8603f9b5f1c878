package org.fabricscope;

import java.nio.file.Path;
import java.util.List;
import org.fabricscope.ui.replay.GoToTarget;

/**
 * What the window was started with: {@code TRACE [--at STEP|TIME]}, the option before or after the
 * file, {@code --at=X} too. {@code STEP} and {@code TIME} are the Go-to syntax ({@link GoToTarget}):
 * {@code 1234}, {@code 12.5ms}, {@code 300us}. Plain Java, so the launcher parses it before any
 * JavaFX class loads and a bad value costs one line on stderr.
 *
 * @param trace the trace file, or {@code null} for none
 * @param at where to put the cursor, or {@code null} for step 0
 */
public record LaunchArguments(Path trace, GoToTarget at) {
    /** True if {@code args} use {@code --at}, so that they are for the window and not a command. */
    public static boolean mentionsAt(List<String> args) {
        return args.stream().anyMatch(a -> a.equals("--at") || a.startsWith("--at="));
    }

    /**
     * Parses the window's arguments.
     *
     * @throws IllegalArgumentException with a one-line message for the user
     */
    public static LaunchArguments parse(List<String> args) {
        Path trace = null;
        GoToTarget at = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            if (a.equals("--at")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--at needs a step or a time, e.g. --at 1234 or --at 12.5ms");
                }
                value = args.get(++i);
            } else if (a.startsWith("--at=")) {
                value = a.substring("--at=".length());
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException(
                        "unknown option '" + a + "'; the window takes TRACE [--at STEP|TIME]");
            } else if (trace == null) {
                trace = Path.of(a);
                continue;
            } else {
                throw new IllegalArgumentException("more than one trace file given ('" + trace + "' and '" + a
                        + "'); the window takes TRACE [--at STEP|TIME]");
            }
            if (at != null) {
                throw new IllegalArgumentException("--at is given twice");
            }
            try {
                at = GoToTarget.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--at: " + e.getMessage(), e);
            }
        }
        if (at != null && trace == null) {
            throw new IllegalArgumentException(
                    "--at needs a trace file: java -jar fabricscope.jar TRACE --at STEP|TIME");
        }
        return new LaunchArguments(trace, at);
    }
}
