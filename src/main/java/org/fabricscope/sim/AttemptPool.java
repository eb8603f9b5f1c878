package org.fabricscope.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.Progress;

/**
 * Runs independent attempts on a few threads and hands their results back in attempt order, so
 * that whatever aggregates them sees the same sequence for any thread count. Each attempt is its
 * own single-threaded simulation; nothing is shared between them.
 */
final class AttemptPool implements AutoCloseable {
    private final int threads;
    private final ExecutorService executor;

    AttemptPool(int threads) {
        this.threads = Math.max(1, threads);
        this.executor = this.threads == 1
                ? null
                : Executors.newFixedThreadPool(this.threads, r -> {
                    Thread t = new Thread(r, "fabricscope-attempt");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A good number of attempts to run per batch. */
    int batchSize() {
        return threads * 4;
    }

    /** Runs attempts {@code first .. first+count-1}; results in attempt order. */
    <T> List<T> run(int first, int count, IntFunction<T> attempt) {
        List<T> out = new ArrayList<>(count);
        if (executor == null) {
            for (int i = 0; i < count; i++) {
                out.add(attempt.apply(first + i));
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int a = first + i;
            futures.add(executor.submit(() -> attempt.apply(a)));
        }
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new CancelledException();
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        return out;
    }

    /** A progress for one attempt: it reports nothing but honours the caller's cancellation. */
    static Progress cancelOnly(Progress caller) {
        Progress p = caller == null ? Progress.NONE : caller;
        return new Progress() {
            @Override
            public void update(long done, long total) {}

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
