package org.fabricscope.sim;

import java.util.List;
import org.fabricscope.sim.core.LatencyHistogram;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/**
 * A long soak: attempts 1, 2, … of a scenario run without recording until at least {@code reads}
 * reads have been done, and their statistics are summed in attempt order. The result is the same
 * for any number of threads.
 *
 * <p>Success is counted per read transaction: a read succeeds if it returned correct data on its
 * first try. A read that raised FPRE004 or hit a media error counts as failed even if the
 * first-response script's retries (or a remap) served it afterwards, as a client timed out on it.
 */
public final class Soak {
    /** A scenario whose first this-many attempts issue no read never will: refuse it. */
    private static final int NO_READS_LIMIT = 64;

    private Soak() {}

    /**
     * @param progress reads done out of {@code reads}; cancellable
     */
    public static SoakResult run(
            Scenario scenario, long seed, long reads, PatchSwitches patch, int threads, Progress progress) {
        Progress caller = progress == null ? Progress.NONE : progress;
        Progress quiet = AttemptPool.cancelOnly(caller);
        Totals t = new Totals();
        if (reads <= 0) {
            return new SoakResult(0, 0, 1.0, 0, 0, 0, 0, t.latency.meanMicros(), t.latency.quantileMicros(0.99), 0, 0);
        }
        try (AttemptPool pool = new AttemptPool(threads)) {
            pool.stream(1, Integer.MAX_VALUE, a -> Simulator.runDetailed(scenario, seed, a, patch, false, quiet), d -> {
                caller.checkCancelled();
                t.add(d);
                if (t.doneReads == 0 && t.attempts >= NO_READS_LIMIT) {
                    throw new IllegalArgumentException(
                            "scenario " + scenario.name() + " issues no reads, so a soak cannot finish");
                }
                caller.update(Math.min(t.doneReads, reads), reads);
                return t.doneReads < reads;
            });
        }
        long doneReads = t.doneReads;
        long ok = t.ok;
        double rate = doneReads == 0 ? 1.0 : (double) ok / doneReads;
        return new SoakResult(doneReads, ok, rate, t.fpre, t.retries, t.quarantines, t.mediaErrors,
                t.latency.meanMicros(), t.latency.quantileMicros(0.99), t.attempts, t.events);
    }

    /** The running sums over the attempts handed over so far, in attempt order. */
    private static final class Totals {
        long doneReads;
        long ok;
        long fpre;
        long retries;
        long quarantines;
        long mediaErrors;
        long events;
        int attempts;
        final LatencyHistogram latency = new LatencyHistogram();

        void add(Simulator.Detailed d) {
            RunStats s = d.result().stats();
            attempts++;
            doneReads += s.reads();
            ok += s.readsOk();
            fpre += s.fpre004();
            retries += s.retries();
            quarantines += s.quarantines();
            mediaErrors += s.mediaErrors();
            events += s.events();
            latency.addAll(d.prefetchLatency());
        }
    }
}
