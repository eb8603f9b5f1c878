package org.fabricscope.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fabricscope.sim.RunStats;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceHeader;

/**
 * Re-runs the scenario, seed and attempt a trace was recorded from, with other patch switches,
 * and reports whether the failing read now passes. Runs on the caller's thread: the GUI calls it
 * from a background task.
 */
public final class PatchRerun {
    /** The single switches, each on alone, in the order the story lists them. */
    public static final List<PatchSwitches> SINGLE_SWITCHES = List.of(
            new PatchSwitches(true, false, false),
            new PatchSwitches(false, true, false),
            new PatchSwitches(false, false, true));

    /**
     * What one re-run showed.
     *
     * @param patch the switches it ran with
     * @param stats the run's statistics
     * @param matchingRead the outcome of the read with the same client transaction id: {@link
     *     EventKind#READ_OK}, {@link EventKind#READ_FAIL}, or {@code null} if no such read completed
     *     (no transaction id, or the patched timing changed the workload)
     * @param matchingReadSeq the sequence number of that outcome in the re-run trace, or -1
     * @param trace the re-run's trace (to compare it with the original), or null
     */
    public record Outcome(
            PatchSwitches patch, RunStats stats, EventKind matchingRead, int matchingReadSeq, Trace trace) {
        public Outcome(PatchSwitches patch, RunStats stats, EventKind matchingRead, int matchingReadSeq) {
            this(patch, stats, matchingRead, matchingReadSeq, null);
        }

        /** True when the re-run raised no FPRE004 at all. */
        public boolean passes() {
            return stats.fpre004() == 0;
        }

        /** The matching read's outcome in words. */
        public String matchingReadText() {
            return matchingRead == null ? "no matching read" : matchingRead.name();
        }
    }

    private final TraceHeader header;
    private final int transactionId;
    private final int block;

    /**
     * @param header the header of the trace to re-run
     * @param transactionId the failing read's transaction id, 0 if unknown
     * @param block the failing read's block, -1 if unknown
     */
    public PatchRerun(TraceHeader header, int transactionId, int block) {
        this.header = Objects.requireNonNull(header, "header");
        this.transactionId = transactionId;
        this.block = block;
    }

    /** The same scenario, seed and attempt with {@code patch}. */
    public Outcome run(PatchSwitches patch, Progress progress) throws ScenarioException {
        String refused = header.notRerunnableReason();
        if (refused != null) {
            // Re-running the header would give the seeded run without them: another run.
            throw new ScenarioException("Cannot re-run with a patch: " + refused + ".");
        }
        Scenario scenario = Scenario.fromParameters(header.scenarioName(), header.parameters());
        SimulationResult result = Simulator.run(scenario, header.seed(), header.attempt(), patch, true, progress);
        int outcomeSeq = result.trace() == null ? -1 : findMatchingRead(result.trace(), transactionId, block);
        EventKind outcome = outcomeSeq < 0 ? null : result.trace().kind(outcomeSeq);
        return new Outcome(patch, result.stats(), outcome, outcomeSeq, result.trace());
    }

    /** One run per switch of {@link #SINGLE_SWITCHES}, progress spread over the three. */
    public List<Outcome> runEachSwitchAlone(Progress progress) throws ScenarioException {
        List<Outcome> outcomes = new ArrayList<>();
        int n = SINGLE_SWITCHES.size();
        for (int i = 0; i < n; i++) {
            progress.checkCancelled();
            outcomes.add(run(SINGLE_SWITCHES.get(i), slice(progress, i, n)));
        }
        progress.update(n, n);
        return outcomes;
    }

    /**
     * The verdict on the read with client transaction {@code transactionId}: its first READ_FAIL if
     * it ever failed (the first-response script may retry it to a later READ_OK, but the check
     * did not pass), else its last READ_OK; -1 if none. Prefers events on {@code block}.
     */
    public static int findMatchingRead(Trace trace, int transactionId, int block) {
        if (transactionId == 0) {
            return -1;
        }
        int firstFail = -1;
        int lastOk = -1;
        for (int s = 0; s < trace.size(); s++) {
            EventKind k = trace.kind(s);
            if ((k != EventKind.READ_OK && k != EventKind.READ_FAIL) || trace.arg(s) != transactionId) {
                continue;
            }
            if (block >= 0 && trace.block(s) >= 0 && trace.block(s) != block && k == EventKind.READ_FAIL) {
                continue; // a failure of another block of the same transaction is not this check's verdict
            }
            if (k == EventKind.READ_FAIL && firstFail < 0) {
                firstFail = s;
            } else if (k == EventKind.READ_OK) {
                lastOk = s;
            }
        }
        return firstFail >= 0 ? firstFail : lastOk;
    }

    /** Maps a run's own progress onto slice {@code i} of {@code n} of the whole. */
    private static Progress slice(Progress whole, int i, int n) {
        return new Progress() {
            @Override
            public void update(long done, long total) {
                if (total > 0) {
                    whole.update(i * 1000L + Math.min(1000L, done * 1000L / total), n * 1000L);
                }
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }
}
