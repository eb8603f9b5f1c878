package org.fabricscope.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.junit.jupiter.api.Test;

class SweepGridTest {
    static Scenario repro() {
        try {
            return Scenario.builtIn("fpre004-repro");
        } catch (org.fabricscope.sim.scenario.ScenarioException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rangeInSetUnitsGivesEvenlySpacedCanonicalValues() {
        Axis a = Axis.parse("ackJitterMicrosMax=0..8ms:5", repro());
        assertThat(a.values()).containsExactly("0", "2000", "4000", "6000", "8000");
        assertThat(Axis.parse("ackJitterMicrosMax=7.3ms,500us, 0", repro()).values())
                .containsExactly("7300", "500", "0");
        // 0..10 in 4 steps: 0, 3.33, 6.67, 10 rounded half up to whole numbers
        assertThat(Axis.parse("readBurstSize=1..11:4", repro()).values()).containsExactly("1", "4", "8", "11");
    }

    @Test
    void badAxesAreRefusedWithTheParameterNamed() {
        assertThatThrownBy(() -> Axis.parse("ackJiterMicrosMax=0,1", repro()))
                .hasMessageContaining("did you mean 'ackJitterMicrosMax'");
        assertThatThrownBy(() -> Axis.parse("readBurstSize=1..3:5", repro())).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> Axis.parse("readBurstSize=0,4", repro())).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Axis.parse("readBurstSize", repro())).hasMessageContaining("PARAM=");
        assertThatThrownBy(() -> Axis.parse("ackJitterMicrosMax=0..8kg:3", repro()))
                .hasMessageContaining("ackJitterMicrosMax");
    }

    @Test
    void gridIsEveryCombinationWithFirstAxisSlowestAndPatchesFastest() {
        SweepDefinition d = new SweepDefinition(
                repro(),
                List.of(Axis.parse("ackJitterMicrosMax=0,7300", repro()), Axis.parse("readBurstSize=4,8,12", repro())),
                SweepDefinition.parsePatches("none,all"),
                1,
                2,
                SweepDefinition.Mode.ATTEMPTS,
                40);
        List<SweepCell> cells = d.cells();
        assertThat(cells).hasSize(12);
        assertThat(d.cellCount()).isEqualTo(12);
        assertThat(cells.get(0).values())
                .containsExactly(
                        java.util.Map.entry("ackJitterMicrosMax", "0"), java.util.Map.entry("readBurstSize", "4"));
        assertThat(cells.get(0).patch()).isEqualTo(PatchSwitches.NONE);
        assertThat(cells.get(1).patch()).isEqualTo(PatchSwitches.ALL);
        assertThat(cells.get(2).value("readBurstSize")).isEqualTo("8");
        assertThat(cells.get(6).value("ackJitterMicrosMax")).isEqualTo("7300");
        assertThat(cells.get(11).value("readBurstSize")).isEqualTo("12");
        assertThat(cells.get(11).index()).isEqualTo(11);
        // 40 attempts in units of 16: 16 + 16 + 8, for each of 12 cells and 2 seeds
        List<WorkUnit> units = SweepEngine.units(d);
        assertThat(units).hasSize(12 * 2 * 3);
        assertThat(units.get(2)).isEqualTo(new WorkUnit(2, 0, 1, 33, 40));
        assertThat(units.get(3)).isEqualTo(new WorkUnit(3, 0, 2, 1, 16));
    }

    @Test
    void patchListCombinesSwitchesWithPlus() {
        assertThat(SweepDefinition.parsePatches("none, all,reorder,barrier+backoff"))
                .containsExactly(
                        PatchSwitches.NONE,
                        PatchSwitches.ALL,
                        new PatchSwitches(true, false, false),
                        new PatchSwitches(false, true, true));
        assertThatThrownBy(() -> SweepDefinition.parsePatches("none,bogus")).hasMessageContaining("bogus");
        assertThatThrownBy(() -> new SweepDefinition(
                        repro(),
                        List.of(),
                        SweepDefinition.parsePatches("none,legacy"),
                        1,
                        1,
                        SweepDefinition.Mode.ATTEMPTS,
                        1))
                .hasMessageContaining("listed twice");
    }

    @Test
    void wilsonIntervalMatchesHandComputedValues() {
        // 5 of 100, z = 1.96: centre (0.05 + 0.019208) / 1.038415 = 0.066648,
        // half 1.959964 * sqrt(0.000475 + 0.0000960) / 1.038415 = 0.045103
        double[] ci = Wilson.interval95(5, 100);
        assertThat(ci[0]).isCloseTo(0.021543, within(1e-6));
        assertThat(ci[1]).isCloseTo(0.111750, within(1e-6));
        // 0 of 10: low 0, high z²/(n + z²) = 3.841459 / 13.841459 = 0.277533
        double[] zero = Wilson.interval95(0, 10);
        assertThat(zero[0]).isZero();
        assertThat(zero[1]).isCloseTo(0.277533, within(1e-6));
        // 10 of 10 mirrors it
        assertThat(Wilson.interval95(10, 10)[0]).isCloseTo(1 - 0.277533, within(1e-6));
        assertThat(Wilson.interval95(0, 0)).containsExactly(0.0, 1.0);
    }
}
