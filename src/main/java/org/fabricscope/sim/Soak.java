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
    private Soak() {}

    /**
     * @param progress reads done out of {@code reads}; cancellable
     */
    public static SoakResult run(
            Scenario scenario, long seed, long reads, PatchSwitches patch, int threads, Progress progress) {
        Progress caller = progress == null ? Progress.NONE : progress;
        Progress quiet = AttemptPool.cancelOnly(caller);
        long doneReads = 0;
        long ok = 0;
        long fpre = 0;
        long retries = 0;
        long quarantines = 0;
        long mediaErrors = 0;
        long events = 0;
        int attempts = 0;
        LatencyHistogram latency = new LatencyHistogram();
        try (AttemptPool pool = new AttemptPool(threads)) {
            int next = 1;
            while (doneReads < reads) {
                caller.checkCancelled();
                List<Simulator.Detailed> batch = pool.run(next, pool.batchSize(),
                        a -> Simulator.runDetailed(scenario, seed, a, patch, false, quiet));
                for (Simulator.Detailed d : batch) {
                    if (doneReads >= reads) {
                        break;
                    }
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
                next += batch.size();
                if (doneReads == 0 && next > 64) {
                    throw new IllegalArgumentException(
                            "scenario " + scenario.name() + " issues no reads, so a soak cannot finish");
                }
                caller.update(Math.min(doneReads, reads), reads);
            }
        }
        double rate = doneReads == 0 ? 1.0 : (double) ok / doneReads;
        return new SoakResult(doneReads, ok, rate, fpre, retries, quarantines, mediaErrors, latency.meanMicros(),
                latency.quantileMicros(0.99), attempts, events);
    }
}
