package org.fabricscope.ui.support;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;
import org.fabricscope.trace.Progress;

/**
 * Background work for the GUI: long jobs (loading, indexing, simulating) run as a JavaFX {@link
 * Task} on a worker thread, see the task's cancellation through a {@link Progress}, and report
 * progress through it to the task's progress property.
 */
public final class BackgroundWork {
    private BackgroundWork() {}

    /** A job that reports progress and polls for cancellation through {@code progress}. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Progress progress) throws Exception;
    }

    /** A task titled {@code title} that runs {@code job}; progress reports go to the task. */
    public static <T> Task<T> task(String title, Job<T> job) {
        return new JobTask<>(title, job);
    }

    /**
     * An executor of daemon worker threads, so a job still running when the window closes never
     * keeps the JVM alive.
     */
    public static ExecutorService workers() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "fabricscope-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newCachedThreadPool(factory);
    }

    private static final class JobTask<T> extends Task<T> implements Progress {
        private final Job<T> job;

        JobTask(String title, Job<T> job) {
            this.job = job;
            updateTitle(title);
            updateMessage(title);
        }

        @Override
        protected T call() throws Exception {
            return job.run(this);
        }

        @Override
        public void update(long done, long total) {
            if (total > 0) {
                updateProgress(Math.min(done, total), total);
            } else {
                updateProgress(-1, 1);
            }
        }

        @Override
        public void phase(String description) {
            updateMessage(description);
        }
    }
}
