package org.fabricscope.ui.support;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Catches what nobody else caught. On the FX thread an uncaught exception would otherwise only be
 * printed while the window carries on in an unknown state; here it is appended to the {@link
 * CrashLog} and shown in an error dialog with a copyable report, and the application keeps running.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {
    private final CrashLog log;
    private final Supplier<Window> owner;
    private boolean showing;

    public CrashHandler(CrashLog log, Supplier<Window> owner) {
        this.log = log;
        this.owner = owner;
    }

    /** Installs the handler on the calling thread, which must be the FX application thread. */
    public void installOnFxThread() {
        Thread.currentThread().setUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        String what = "Unexpected error on thread " + thread.getName();
        log.append(what, error);
        if (Platform.isFxApplicationThread()) {
            show(error);
        } else {
            Platform.runLater(() -> show(error));
        }
    }

    private void show(Throwable error) {
        // An exception thrown while the dialog itself is being built must not loop forever.
        if (showing) {
            return;
        }
        showing = true;
        try {
            String message = "FabricScope hit an unexpected error and carried on. "
                    + "What you were doing may not have completed.\n\n" + error;
            ErrorDialogs.withReport(
                            owner.get(), "Unexpected error", message, CrashLog.report("Unexpected error", error))
                    .show();
        } finally {
            showing = false;
        }
    }
}
