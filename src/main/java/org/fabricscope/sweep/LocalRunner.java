package org.fabricscope.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.Progress;

/** Runs a sweep's units on a few threads of this JVM; the result does not depend on how many. */
public final class LocalRunner implements SweepRunner {
    private final int threads;

    public LocalRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    @Override
    public SweepResult run(SweepDefinition d, Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        List<WorkUnit> units = SweepEngine.units(d);
        List<SweepCell> cells = d.cells();
        List<Partial> partials = new ArrayList<>(units.size());
        p.update(0, units.size());
        if (threads == 1) {
            for (WorkUnit u : units) {
                partials.add(SweepEngine.run(d, cells.get(u.cell()), u, p));
                p.update(partials.size(), units.size());
            }
            return SweepEngine.reduce(d, partials);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fabricscope-sweep");
            t.setDaemon(true);
            return t;
        });
        List<Future<Partial>> futures = new ArrayList<>(units.size());
        try {
            for (WorkUnit u : units) {
                futures.add(pool.submit(() -> SweepEngine.run(d, cells.get(u.cell()), u, p)));
            }
            for (Future<Partial> f : futures) {
                partials.add(f.get());
                p.update(partials.size(), units.size());
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
            pool.shutdownNow();
        }
        return SweepEngine.reduce(d, partials);
    }
}
