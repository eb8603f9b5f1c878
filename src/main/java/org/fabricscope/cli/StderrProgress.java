package org.fabricscope.cli;

import java.io.PrintWriter;
import org.fabricscope.trace.Progress;

/**
 * Progress for long commands: one line on standard error per tenth of the work ("soak 30%"), and
 * only when asked for ({@code --progress}) so that scripts get clean output. Whole lines rather than
 * a carriage-return bar: standard error goes through {@link TerminalSafeWriter}, which shows a
 * carriage return as a visible escape, and a log file keeps every line readable.
 */
final class StderrProgress implements Progress {
    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private long lastPercent = -1;

    StderrProgress(PrintWriter err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
    }

    @Override
    public void update(long done, long total) {
        if (!enabled || total <= 0) {
            return;
        }
        long percent = Math.min(100, done * 100 / total) / 10 * 10;
        if (percent > lastPercent) {
            lastPercent = percent;
            err.println(label + " " + percent + "%");
            err.flush();
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
