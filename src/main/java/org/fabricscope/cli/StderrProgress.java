package org.fabricscope.cli;

import java.io.PrintWriter;
import org.fabricscope.trace.Progress;

/**
 * Progress for long commands: a percentage on standard error, at most once per percent, and only
 * when asked for ({@code --progress}) so that scripts get clean output.
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
        long percent = Math.min(100, done * 100 / total);
        if (percent != lastPercent) {
            lastPercent = percent;
            err.print("\r" + label + " " + percent + "%");
            if (percent == 100) {
                err.println();
            }
            err.flush();
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
