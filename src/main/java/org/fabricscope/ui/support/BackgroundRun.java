package org.fabricscope.ui.support;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.concurrent.Task;

/**
 * A view model's one background job at a time (the Sweeps view's sweep or cell re-run, the
 * dashboard's soaks): starts a {@link BackgroundWork} task on an executor, mirrors its progress and
 * whether it runs, puts its title and then its phases on the view model's status line, and maps
 * success, failure (one line: a prefix and the exception's message) and cancellation. Starting a
 * job cancels the one running; a replaced job's late end changes nothing. Lives on the FX thread.
 */
public final class BackgroundRun {
    private final Executor executor;
    private final Consumer<String> status;
    private final ReadOnlyBooleanWrapper running;
    private final ReadOnlyDoubleWrapper progress;
    private Task<?> current;

    /**
     * @param bean the view model (the bean of the running and progress properties)
     * @param executor where jobs run
     * @param status sets the view model's one-line status
     */
    public BackgroundRun(Object bean, Executor executor, Consumer<String> status) {
        this.executor = Objects.requireNonNull(executor);
        this.status = Objects.requireNonNull(status);
        running = new ReadOnlyBooleanWrapper(bean, "running");
        progress = new ReadOnlyDoubleWrapper(bean, "progress", 0);
    }

    /** Whether a job runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The running job's progress, 0 to 1 (-1 while unknown); 0 when none runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * Cancels the running job and starts {@code job} titled {@code title}.
     *
     * @param onSuccess gets the job's value on the FX thread (and sets the status itself)
     * @param failed the status's prefix when the job throws, e.g. {@code "Failed: "}
     * @param cancelled the status when the job is cancelled
     */
    public <T> Task<T> start(
            String title, BackgroundWork.Job<T> job, Consumer<T> onSuccess, String failed, String cancelled) {
        cancel();
        Task<T> task = BackgroundWork.task(title, job);
        current = task;
        running.set(true);
        progress.bind(task.progressProperty());
        status.accept(task.getMessage());
        task.messageProperty().addListener((obs, old, now) -> {
            if (current == task && now != null && !now.isEmpty()) {
                status.accept(now);
            }
        });
        task.setOnSucceeded(e -> {
            finish(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finish(task);
            Throwable t = task.getException();
            status.accept(failed + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
        });
        task.setOnCancelled(e -> {
            finish(task);
            status.accept(cancelled);
        });
        executor.execute(task);
        return task;
    }

    /** Stops the running job, if any; what the view shows stays. */
    public void cancel() {
        if (current != null && current.isRunning()) {
            current.cancel();
        }
    }

    private void finish(Task<?> task) {
        if (current != task) {
            return;
        }
        current = null;
        progress.unbind();
        progress.set(0);
        running.set(false);
    }
}
