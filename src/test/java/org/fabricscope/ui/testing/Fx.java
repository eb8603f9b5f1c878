package org.fabricscope.ui.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Runs test code on the FX thread and waits for signals, never by sleeping. */
public final class Fx {
    private static final long TIMEOUT_SECONDS = 60;

    private Fx() {}

    /** Starts the FX toolkit (headless Monocle under surefire) if it is not running yet. */
    public static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Calls {@code c} on the FX thread and returns its result. */
    public static <T> T call(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    public static void run(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until {@code task} has succeeded, failed or been cancelled, and its handlers ran. */
    public static void awaitDone(Task<?> task) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        // The FX-side state, not FutureTask.isDone(): the worker posts the final state before
        // its future completes, so isDone() can still be false when the state turns final.
        java.util.function.Predicate<Worker.State> finished =
                s -> s == Worker.State.SUCCEEDED || s == Worker.State.FAILED || s == Worker.State.CANCELLED;
        run(() -> {
            if (finished.test(task.getState())) {
                done.countDown();
            } else {
                task.stateProperty().addListener((obs, o, n) -> {
                    if (finished.test(n)) {
                        done.countDown();
                    }
                });
            }
        });
        if (!done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("background task never finished");
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until {@code value} equals {@code expected}, observed on the FX thread (a listener
     * counts a latch down), then lets pending FX events run.
     */
    public static <T> void awaitValue(ObservableValue<T> value, T expected) throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        run(() -> {
            if (expected.equals(value.getValue())) {
                reached.countDown();
            } else {
                value.addListener((obs, o, n) -> {
                    if (expected.equals(n)) {
                        reached.countDown();
                    }
                });
            }
        });
        if (!reached.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError(value + " never became " + expected);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
