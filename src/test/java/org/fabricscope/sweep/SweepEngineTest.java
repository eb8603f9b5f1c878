package org.fabricscope.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.junit.jupiter.api.Test;

class SweepEngineTest {
    /** The fixed small sweep: ACK jitter 0, 3.65 ms and 7.3 ms on the reproducer, legacy and patched. */
    static SweepDefinition jitterSweep() {
        Scenario s = SweepGridTest.repro();
        return new SweepDefinition(
                s,
                List.of(Axis.parse("ackJitterMicrosMax=0..7.3ms:3", s)),
                SweepDefinition.parsePatches("none,all"),
                1,
                2,
                SweepDefinition.Mode.ATTEMPTS,
                20);
    }

    @Test
    void fpre004RateRisesWithJitterAndIsZeroWithoutJitterOrWithThePatch() {
        SweepResult r = new LocalRunner(2).run(jitterSweep(), null);
        CellResult none0 = r.find(java.util.Map.of("ackJitterMicrosMax", "0"), PatchSwitches.NONE);
        CellResult noneMid = r.find(java.util.Map.of("ackJitterMicrosMax", "3650"), PatchSwitches.NONE);
        CellResult noneHigh = r.find(java.util.Map.of("ackJitterMicrosMax", "7300"), PatchSwitches.NONE);
        assertThat(none0.attempts()).isEqualTo(40);
        assertThat(none0.fpre004Rate()).isLessThanOrEqualTo(0.05);
        assertThat(noneHigh.fpre004Rate()).isGreaterThan(none0.fpre004Rate());
        assertThat(noneHigh.fpre004Rate()).isGreaterThanOrEqualTo(noneMid.fpre004Rate());
        assertThat(noneHigh.fpre004RateLow()).isGreaterThan(none0.fpre004Rate());
        for (CellResult c : r.cells()) {
            if (c.cell().patch().equals(PatchSwitches.ALL)) {
                assertThat(c.attemptsWithFpre004()).isZero();
            }
        }
    }

    @Test
    void resultIsTheSameByteForByteForAnyThreadCount() {
        SweepDefinition d = jitterSweep();
        String one = new LocalRunner(1).run(d, null).toCsv();
        String three = new LocalRunner(3).run(d, null).toCsv();
        assertThat(three).isEqualTo(one);
    }
}
