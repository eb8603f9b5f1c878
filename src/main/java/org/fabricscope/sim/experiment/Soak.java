package org.fabricscope.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.fabricscope.sim.RunStats;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.core.FileStats;
import org.fabricscope.sim.core.LatencyHistogram;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/**
 * A long soak: attempts 1, 2, … of a scenario run without recording until at least {@code reads}
 * reads have been done, and their statistics are summed in attempt order. The result is the same
 * for any number of threads.
 *
 * <p>Success is counted per read transaction: a read succeeds if it returned correct data on its
 * first try, within the client's {@code readTimeoutMicros}. A read that raised FPRE004 or hit a
 * media error counts as failed even if the first-response script's retries (or a remap) served it
 * afterwards, and so does a read served after the timeout.
 *
 * <p>Besides the fabric-wide figures it sums each file's figures over the attempts (they share the
 * hot archive, drawn from the base seed) and names the contentious archive: the one with the most
 * FPRE004s, whatever the workload made busy.
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
        return run(scenario, seed, reads, patch, threads, progress, null);
    }

    /**
     * As {@link #run(Scenario, long, long, PatchSwitches, int, Progress)}, handing each attempt's
     * detailed result and number to {@code each} (may be null) in attempt order, as the soak sums
     * it: how {@link IncidentSoak} keeps what the totals do not.
     */
    static SoakResult run(
            Scenario scenario,
            long seed,
            long reads,
            PatchSwitches patch,
            int threads,
            Progress progress,
            ObjIntConsumer<Simulator.Detailed> each) {
        Progress caller = progress == null ? Progress.NONE : progress;
        Progress quiet = AttemptPool.cancelOnly(caller);
        Totals t = new Totals();
        if (reads <= 0) {
            return new SoakResult(
                    0,
                    0,
                    1.0,
                    0,
                    0,
                    0,
                    0,
                    t.latency.meanMicros(),
                    t.latency.quantileMicros(0.99),
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    List.of(),
                    null);
        }
        try (AttemptPool pool = new AttemptPool(threads)) {
            pool.stream(1, Integer.MAX_VALUE, a -> Simulator.runDetailed(scenario, seed, a, patch, false, quiet), d -> {
                caller.checkCancelled();
                t.add(d);
                if (each != null) {
                    each.accept(d, t.attempts);
                }
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
        return new SoakResult(
                doneReads,
                ok,
                rate,
                t.fpre,
                t.retries,
                t.quarantines,
                t.mediaErrors,
                t.latency.meanMicros(),
                t.latency.quantileMicros(0.99),
                t.attempts,
                t.events,
                t.timeouts(),
                t.readLatency.quantileMicros(0.5),
                t.readLatency.quantileMicros(0.99),
                t.readLatency.quantileMicros(0.999),
                t.files(),
                t.contentious());
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
        final LatencyHistogram readLatency = new LatencyHistogram(FileStats.LATENCY_BUCKETS);
        String[] names;
        long[] fReads;
        long[] fOk;
        long[] fFpre;
        long[] fRetries;
        long[] fQuarantines;
        long[] fTimeouts;
        int[] fNodes;
        LatencyHistogram[] fLatency;

        void add(Simulator.Detailed d) {
            FileStats f = d.files();
            if (names == null) {
                int n = f.files();
                names = new String[n];
                for (int i = 0; i < n; i++) {
                    names[i] = i == n - 1 ? "file-x" : "archive-" + i;
                }
                fReads = new long[n];
                fOk = new long[n];
                fFpre = new long[n];
                fRetries = new long[n];
                fQuarantines = new long[n];
                fTimeouts = new long[n];
                fNodes = new int[n];
                fLatency = new LatencyHistogram[n];
            }
            for (int i = 0; i < names.length; i++) {
                fReads[i] += f.reads[i];
                fOk[i] += f.readsOk[i];
                fFpre[i] += f.fpre004[i];
                fRetries[i] += f.retries[i];
                fQuarantines[i] += f.quarantines[i];
                fTimeouts[i] += f.timeouts[i];
                fNodes[i] |= f.fpre004NodeMask[i];
                if (f.latency(i) != null) {
                    if (fLatency[i] == null) {
                        fLatency[i] = new LatencyHistogram(FileStats.LATENCY_BUCKETS);
                    }
                    fLatency[i].addAll(f.latency(i));
                    readLatency.addAll(f.latency(i));
                }
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

        long timeouts() {
            long sum = 0;
            if (fTimeouts != null) {
                for (long x : fTimeouts) {
                    sum += x;
                }
            }
            return sum;
        }

        List<FileFigures> files() {
            List<FileFigures> out = new ArrayList<>();
            if (names == null) {
                return out;
            }
            for (int i = 0; i < names.length; i++) {
                if (fReads[i] == 0 && fFpre[i] == 0) {
                    continue;
                }
                LatencyHistogram h = fLatency[i] == null ? new LatencyHistogram(1) : fLatency[i];
                out.add(new FileFigures(
                        names[i],
                        fReads[i],
                        fOk[i],
                        fReads[i] == 0 ? 1.0 : (double) fOk[i] / fReads[i],
                        fFpre[i],
                        Integer.bitCount(fNodes[i]),
                        fRetries[i],
                        fQuarantines[i],
                        fTimeouts[i],
                        h.quantileMicros(0.5),
                        h.quantileMicros(0.99),
                        h.quantileMicros(0.999)));
            }
            return out;
        }

        /** Most FPRE004s, then most failed reads, then lowest number; with no FPRE004, most reads. */
        String contentious() {
            if (names == null) {
                return null;
            }
            int best = -1;
            long anyFpre = 0;
            for (int i = 0; i < names.length - 1; i++) {
                anyFpre += fFpre[i];
            }
            for (int i = 0; i < names.length - 1; i++) {
                if (fReads[i] == 0 && fFpre[i] == 0) {
                    continue;
                }
                if (best < 0) {
                    best = i;
                    continue;
                }
                boolean better = anyFpre > 0
                        ? fFpre[i] > fFpre[best]
                                || (fFpre[i] == fFpre[best] && fReads[i] - fOk[i] > fReads[best] - fOk[best])
                        : fReads[i] > fReads[best];
                if (better) {
                    best = i;
                }
            }
            return best < 0 ? null : names[best];
        }
    }
}
