package org.fabricscope.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three independent parts of the FPRE004 patch. All three on is "patched"; none is "legacy".
 *
 * @param reorder the verifier checks {@code lastWritePending} and the lock before the cache state
 * @param barrier a prefetch fill may mark a buffer ready only if no write holds the lock and the
 *     block's version has not moved since the fill began
 * @param backoff a tiny backoff before a prefetch buffer is marked ready
 */
public record PatchSwitches(boolean reorder, boolean barrier, boolean backoff) {
    public static final PatchSwitches NONE = new PatchSwitches(false, false, false);
    public static final PatchSwitches ALL = new PatchSwitches(true, true, true);

    /**
     * Parses {@code none}, {@code legacy}, {@code all}, {@code patched}, or a comma-separated subset
     * of {@code reorder,barrier,backoff}.
     *
     * @throws IllegalArgumentException naming the bad word and the accepted ones
     */
    public static PatchSwitches parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "none":
            case "legacy":
                return NONE;
            case "all":
            case "patched":
                return ALL;
            default:
                break;
        }
        boolean reorder = false;
        boolean barrier = false;
        boolean backoff = false;
        for (String part : t.split(",")) {
            switch (part.trim()) {
                case "reorder":
                    reorder = true;
                    break;
                case "barrier":
                    barrier = true;
                    break;
                case "backoff":
                    backoff = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown patch switch '" + part.trim()
                            + "': expected none, all, or a comma-separated list of reorder, barrier, backoff");
            }
        }
        return new PatchSwitches(reorder, barrier, backoff);
    }

    /** The canonical text form: {@code none}, {@code all}, or e.g. {@code reorder,backoff}. */
    @Override
    public String toString() {
        if (equals(NONE)) {
            return "none";
        }
        if (equals(ALL)) {
            return "all";
        }
        List<String> on = new ArrayList<>();
        if (reorder) {
            on.add("reorder");
        }
        if (barrier) {
            on.add("barrier");
        }
        if (backoff) {
            on.add("backoff");
        }
        return String.join(",", on);
    }
}
