package org.fabricscope.ui.main;

import java.util.Locale;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.ui.session.LoadedTrace;

/**
 * The one-line description of an open trace the status bar shows.
 *
 * @param scenario the scenario's name
 * @param seed the base seed
 * @param attempt the attempt
 * @param patch the patch switches in their text form
 * @param events number of events
 * @param fpre004 number of FPRE004 events
 */
public record TraceSummary(String scenario, long seed, int attempt, String patch, int events, int fpre004) {

    /** The summary of {@code loaded}. */
    public static TraceSummary of(LoadedTrace loaded) {
        TraceHeader h = loaded.trace().header();
        return new TraceSummary(
                h.scenarioName(),
                h.seed(),
                h.attempt(),
                h.patch().toString(),
                loaded.trace().size(),
                loaded.index().countOfKind(EventKind.FPRE004));
    }

    /** E.g. {@code fpre004-repro · seed 42 · attempt 7 · patch none · 12,345 events · FPRE004 ×1}. */
    public String text() {
        return String.format(
                Locale.ROOT,
                "%s · seed %d · attempt %d · patch %s · %,d events · FPRE004 ×%d",
                scenario,
                seed,
                attempt,
                patch,
                events,
                fpre004);
    }
}
