package org.fabricscope.sim.experiment;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.Progress;

/**
 * Runs independent attempts on a few threads and hands their results back in attempt order, so
 * that whatever aggregates them sees the same sequence for any thread count. Each attempt is its
 * own single-threaded simulation; nothing is shared between them.
 */
final class AttemptPool implements AutoCloseable {
    /** Attempts kept in flight per thread: enough that a slow attempt never starves a thread. */
    private static final int WINDOW_PER_THREAD = 4;

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

    /**
     * Runs attempts {@code first}, {@code first + 1}, … up to {@code last} and hands each result to
     * {@code sink} in attempt order, until {@code sink} returns false or the attempts run out.
     *
     * <p>With several threads, a window of attempts is kept in flight and a new one is submitted as
     * soon as the oldest is handed over, so no thread idles at a batch boundary waiting for a slow
     * sibling (fixed batches left cores idle at every boundary). Attempts beyond the
     * one where the sink stops may run speculatively; their results are dropped and they are
     * cancelled, so what the sink sees is the same whatever the thread count.
     */
    <T> void stream(int first, int last, IntFunction<T> attempt, Predicate<? super T> sink) {
        if (executor == null) {
            for (int a = first; a <= last; a++) {
                if (!sink.test(attempt.apply(a))) {
                    return;
                }
            }
            return;
        }
        ArrayDeque<Future<T>> window = new ArrayDeque<>();
        int next = first;
        try {
            while (next <= last && window.size() < threads * WINDOW_PER_THREAD) {
                int a = next++;
                window.add(executor.submit(() -> attempt.apply(a)));
            }
            while (!window.isEmpty()) {
                T result = window.peekFirst().get();
                window.removeFirst();
                if (next <= last) {
                    int a = next++;
                    window.add(executor.submit(() -> attempt.apply(a)));
                }
                if (!sink.test(result)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            window.forEach(f -> f.cancel(true));
        }
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
