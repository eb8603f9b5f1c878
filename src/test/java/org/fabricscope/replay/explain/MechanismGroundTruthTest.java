package org.fabricscope.replay.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fabricscope.replay.BlockState;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every FPRE004 of a sweep of simulated runs (several scenarios, seeds, jitters and lone switches)
 * is classified by the explanation and checked against ground truth computed another way: the
 * block's true state from {@link TraceIndex#stateAt} at every step of the check window, where the
 * block "held the pair" if it did at the verifier's first read, at its exposing read, or at the
 * last step of any instant in between.
 */
class MechanismGroundTruthTest {
    record Case(String scenario, String set, PatchSwitches patch, long seed, int attempt) {}

    record Classified(Case run, int fpreSeq, Mechanism mechanism, Mechanism truth, PairKind kind, boolean compaction) {}

    private static final List<Classified> RESULTS = new ArrayList<>();

    @BeforeAll
    static void sweep() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (int attempt = 1; attempt <= 30; attempt++) {
            cases.add(new Case("fpre004-repro", null, PatchSwitches.NONE, 1, attempt));
            cases.add(new Case("fpre004-repro", "ackJitterMicrosMax=0", PatchSwitches.NONE, 1, attempt));
        }
        for (int attempt = 1; attempt <= 10; attempt++) {
            cases.add(new Case("fpre004-repro", null, PatchSwitches.parse("barrier"), 7, attempt));
            cases.add(new Case("fpre004-repro", null, PatchSwitches.parse("backoff"), 7, attempt));
            cases.add(new Case("file-x", null, PatchSwitches.NONE, 3, attempt));
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            cases.add(new Case("pilot-rack", "durationMicros=400000", PatchSwitches.NONE, 2, attempt));
        }
        for (Case c : cases) {
            Scenario s = Scenario.builtIn(c.scenario());
            if (c.set() != null) {
                String[] kv = c.set().split("=", 2);
                s = s.with(kv[0], kv[1]);
            }
            SimulationResult r = Simulator.run(s, c.seed(), c.attempt(), c.patch(), true, Progress.NONE);
            Trace trace = r.trace();
            TraceIndex index = TraceIndex.build(trace, Progress.NONE);
            for (int fpre : Fpre004Explanation.fpre004Seqs(index)) {
                Fpre004Explanation e = Fpre004Explanation.explain(index, fpre);
                RESULTS.add(new Classified(
                        c,
                        fpre,
                        e.mechanism(),
                        truth(index, e),
                        e.pairKind(),
                        IncidentFiguresTest.compactionTookPart(trace, e)));
            }
        }
    }

    /** Ground truth from stateAt at every step of the window, independent of CheckWindow's walk. */
    private static Mechanism truth(TraceIndex index, Fpre004Explanation e) {
        Trace trace = index.trace();
        if (e.checks().isEmpty() || e.pairKind() == PairKind.OTHER) {
            return Mechanism.UNDETERMINED;
        }
        int first = e.checks().get(0).seq();
        int last = -1;
        for (Fpre004Explanation.CheckRead c : e.checks()) {
            if (c.field() == trace.field(e.fpreSeq())) {
                last = c.seq();
            }
        }
        for (int step = first; step <= last; step++) {
            boolean observable = step == first || step == last || trace.timeMicros(step + 1) != trace.timeMicros(step);
            if (observable && holdsPair(index.stateAt(e.block(), step), e.pairKind())) {
                return Mechanism.STORED_INCONSISTENCY;
            }
        }
        return Mechanism.TORN_READ;
    }

    private static boolean holdsPair(BlockState s, PairKind kind) {
        boolean ready = s.get(Field.CACHE_STATE) == CacheState.READY.ordinal();
        return kind == PairKind.PENDING_WRITE
                ? ready && s.get(Field.LAST_WRITE_PENDING) != 0
                : ready && s.get(Field.CACHE_VERSION) != s.get(Field.VERSION);
    }

    @Test
    void everyClassificationMatchesTheBlocksTrueStatesInTheCheckWindow() {
        assertThat(RESULTS).hasSizeGreaterThan(50);
        for (Classified c : RESULTS) {
            assertThat(c.mechanism()).as("%s FPRE004 #%d", c.run(), c.fpreSeq()).isEqualTo(c.truth());
        }
    }

    @Test
    void theSweepContainsBothMechanisms() {
        assertThat(RESULTS)
                .extracting(Classified::mechanism)
                .contains(Mechanism.STORED_INCONSISTENCY, Mechanism.TORN_READ)
                .doesNotContain(Mechanism.UNDETERMINED);
    }

    @Test
    void theSweepContainsStoredInconsistenciesInWhichCompactionTookPart() {
        assertThat(RESULTS)
                .filteredOn(c -> c.mechanism() == Mechanism.STORED_INCONSISTENCY)
                .anySatisfy(c -> assertThat(c.compaction()).isTrue())
                .anySatisfy(c -> assertThat(c.compaction()).isFalse());
    }
}
