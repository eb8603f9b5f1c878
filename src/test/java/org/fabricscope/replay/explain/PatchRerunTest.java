package org.fabricscope.replay.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fabricscope.present.Fpre004Text;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.sim.experiment.PatchRerun;
import org.fabricscope.sim.experiment.ReproFinder;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

/** Against the real simulator: a legacy FPRE004, explained, then re-run with the patch. */
class PatchRerunTest {

    @Test
    void matchingReadIsTheFailureOfTheFixturesTransaction() {
        Trace trace = RaceTraceFixture.build();
        assertThat(PatchRerun.findMatchingRead(trace, RaceTraceFixture.TXN, RaceTraceFixture.BLOCK))
                .isEqualTo(RaceTraceFixture.READ_FAIL);
        assertThat(PatchRerun.findMatchingRead(trace, 502, RaceTraceFixture.BLOCK))
                .isEqualTo(40);
        assertThat(PatchRerun.findMatchingRead(trace, 0, RaceTraceFixture.BLOCK))
                .isEqualTo(-1);
    }

    @Test
    void canonicalFailureIsExplainedAndThePatchedRerunPasses() throws Exception {
        Scenario scenario = Scenario.builtIn("fpre004-repro");
        ReproResult repro = ReproFinder.find(scenario, 1L, 200, PatchSwitches.NONE, Progress.NONE);
        assertThat(repro.found())
                .as("legacy canonical scenario reproduces FPRE004")
                .isTrue();
        Trace trace = repro.result().trace();
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        int fpre = index.nextOfKind(EventKind.FPRE004, -1);

        Fpre004Explanation e = Fpre004Explanation.explain(index, fpre);
        assertThat(e.verifyBeginSeq()).isGreaterThanOrEqualTo(0);
        assertThat(e.checks()).isNotEmpty();
        assertThat(e.transactionId()).isNotZero();
        assertThat(Fpre004Text.of(e).inconsistency()).isNotBlank();

        PatchRerun.Outcome patched =
                new PatchRerun(trace.header(), e.transactionId(), e.block()).run(PatchSwitches.ALL, Progress.NONE);
        assertThat(patched.stats().fpre004()).isZero();
        assertThat(patched.passes()).isTrue();
        assertThat(patched.matchingRead()).isEqualTo(EventKind.READ_OK);

        List<PatchRerun.Outcome> alone =
                new PatchRerun(trace.header(), e.transactionId(), e.block()).runEachSwitchAlone(Progress.NONE);
        assertThat(alone).extracting(PatchRerun.Outcome::patch).containsExactlyElementsOf(PatchRerun.SINGLE_SWITCHES);
        assertThat(alone).allSatisfy(o -> assertThat(o.stats().reads()).isPositive());
    }
}
