package org.fabricscope.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.core.IdSet;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

/** The workload-operation sets a shrunk reproducer uses: readTransactionsSkipped, writesSkipped, ... */
class OperationSetParametersTest {
    @Test
    void setsAreWrittenAsSortedMergedRanges() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro").with("writesSkipped", " 7, 3-5,1,2 ,9-9");
        assertThat(s.get("writesSkipped")).isEqualTo("1-5,7,9");
        assertThat(s.parameters()).containsEntry("writesSkipped", "1-5,7,9");
        assertThat(IdSet.parse("1-5,7,9", 1, 100).contains(6)).isFalse();
        assertThat(IdSet.parse("1-5,7,9", 1, 100).size()).isEqualTo(7);
    }

    @Test
    void emptySetsAreLeftOutOfTheParametersTraceHeadersRecord() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        assertThat(s.get("readTransactionsSkipped")).isEmpty();
        assertThat(s.parameters()).doesNotContainKeys("readBurstsSkipped", "readTransactionsSkipped", "writesSkipped");
        Trace t = Simulator.run(s.with("durationMicros", "2000"), 1, 1, PatchSwitches.NONE, true, Progress.NONE)
                .trace();
        assertThat(t.header().parameters()).doesNotContainKey("writesSkipped");
    }

    @Test
    void badSetsAreRefusedInOneLineNamingTheParameter() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        assertThatThrownBy(() -> s.with("writesSkipped", "3-x"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("writesSkipped")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> s.with("writesSkipped", "5-2")).hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> s.with("writesSkipped", "0")).hasMessageContaining("outside");
        StringBuilder many = new StringBuilder();
        for (int i = 1; i < 100; i += 2) {
            many.append(i).append(',');
        }
        assertThatThrownBy(() -> s.with("writesSkipped", many.toString() + "200"))
                .hasMessageContaining("at most 64 characters");
    }

    @Test
    void aSkippedWriteIsNotIssuedAndTheOthersKeepTheirNumbersAndTimes() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        Trace all =
                Simulator.run(s, 1, 6, PatchSwitches.NONE, true, Progress.NONE).trace();
        Trace skipped = Simulator.run(s.with("writesSkipped", "2"), 1, 6, PatchSwitches.NONE, true, Progress.NONE)
                .trace();
        List<long[]> allWrites = writes(all);
        List<long[]> kept = writes(skipped);
        assertThat(allWrites.size()).isGreaterThan(2);
        allWrites.remove(1);
        assertThat(kept).usingRecursiveComparison().isEqualTo(allWrites);
    }

    @Test
    void skippedOperationsChangeNothingBeforeTheirTime() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        Trace all =
                Simulator.run(s, 1, 6, PatchSwitches.NONE, true, Progress.NONE).trace();
        int firstIssue = -1;
        for (int i = 0; i < all.size() && firstIssue < 0; i++) {
            if (all.kind(i) == EventKind.READ_ISSUE && all.arg(i) == 30) {
                firstIssue = i;
            }
        }
        Trace cut = Simulator.run(
                        s.with("readTransactionsSkipped", "30-40").with("compactionPassesSkipped", "200-300"),
                        1,
                        6,
                        PatchSwitches.NONE,
                        true,
                        Progress.NONE)
                .trace();
        for (int i = 0; i < firstIssue; i++) {
            assertThat(cut.kind(i)).isEqualTo(all.kind(i));
            assertThat(cut.timeMicros(i)).isEqualTo(all.timeMicros(i));
            assertThat(cut.block(i)).isEqualTo(all.block(i));
        }
        assertThat(cut.kind(firstIssue) == EventKind.READ_ISSUE && cut.arg(firstIssue) == 30)
                .isFalse();
    }

    private static List<long[]> writes(Trace t) {
        List<long[]> w = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.WRITE_ISSUE) {
                w.add(new long[] {t.arg(i), t.timeMicros(i), t.block(i)});
            }
        }
        return w;
    }
}
