package org.fabricscope.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C for a long command (explore, sweep): a shutdown hook that raises a flag the work polls,
 * then waits (up to 10 s) until the command says it has unwound, so that what it prints on the way
 * out ("cancelled") is printed and no output file is left half-written before the JVM halts.
 *
 * <p>Use: {@code CtrlC c = CtrlC.install("explore"); try { ... } finally { c.finished(); }}, with
 * the work polling {@link #requested()}.
 */
final class CtrlC {
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    private CtrlC(String command) {
        hook = new Thread(this::request, "fabricscope-" + command + "-cancel");
    }

    /** Installs the hook; the thread is named after {@code command}. */
    static CtrlC install(String command) {
        CtrlC c = new CtrlC(command);
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    /** True once Ctrl+C (or another shutdown) has asked the command to stop. */
    boolean requested() {
        return requested;
    }

    private void request() {
        requested = true;
        try {
            done.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command has unwound: lets a running hook return, else removes the hook. */
    void finished() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C: the hook is running and waits for the countDown above.
        }
    }
}
