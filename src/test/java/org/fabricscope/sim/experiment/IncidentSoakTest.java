package org.fabricscope.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

class IncidentSoakTest {
    private static final long READS = 20_000;

    @Test
    void tilesAddUpToTheSoaksFigures() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        IncidentMap map = IncidentSoak.run(s, 8, READS, PatchSwitches.NONE, 1, Progress.NONE);
        assertThat(map.soak()).isEqualTo(Soak.run(s, 8, READS, PatchSwitches.NONE, 1, Progress.NONE));
        assertThat(map.tiles()).hasSize((s.model().archiveCount + 1) * s.model().nodes);
        long sum = map.tiles().stream().mapToLong(IncidentMap.Tile::fpre004).sum();
        assertThat(sum).isPositive().isEqualTo(map.soak().fpre004());
        for (FileFigures f : map.soak().files()) {
            long perFile = 0;
            int nodes = 0;
            for (int n = 0; n < map.nodes(); n++) {
                perFile += map.tile(f.file(), n).fpre004();
                nodes += map.tile(f.file(), n).failed() ? 1 : 0;
            }
            assertThat(perFile).as(f.file()).isEqualTo(f.fpre004());
            assertThat(nodes).as(f.file()).isEqualTo(f.fpre004Nodes());
        }
    }

    @Test
    void mapIsIdenticalOnOneOrTwoThreads() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        IncidentMap one = IncidentSoak.run(s, 8, READS, PatchSwitches.NONE, 1, Progress.NONE);
        IncidentMap two = IncidentSoak.run(s, 8, READS, PatchSwitches.NONE, 2, Progress.NONE);
        assertThat(two).isEqualTo(one);
    }

    @Test
    void aTilesFirstFailingAttemptRecordedHasItsFpre004AtTheKeptEvent() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        IncidentMap map = IncidentSoak.run(s, 8, READS, PatchSwitches.NONE, 2, Progress.NONE);
        int checked = 0;
        for (IncidentMap.Tile t : map.tiles()) {
            if (!t.failed()) {
                assertThat(t.firstAttempt()).isEqualTo(-1);
                continue;
            }
            SimulationResult r = Simulator.run(s, 8, t.firstAttempt(), PatchSwitches.NONE, true, Progress.NONE);
            Trace trace = r.trace();
            int seq = t.firstSeq();
            assertThat(trace.kind(seq)).isEqualTo(EventKind.FPRE004);
            assertThat(trace.node(seq)).isEqualTo(t.node());
            assertThat(trace.header().topology().block(trace.block(seq)).file()).isEqualTo(t.file());
            // The first on this tile in that attempt: no earlier FPRE004 of the same file and node.
            for (int i = 0; i < seq; i++) {
                boolean sameTile = trace.kind(i) == EventKind.FPRE004
                        && trace.node(i) == t.node()
                        && trace.header()
                                .topology()
                                .block(trace.block(i))
                                .file()
                                .equals(t.file());
                assertThat(sameTile).as("event " + i).isFalse();
            }
            if (++checked == 3) {
                break;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void patchedSoakLeavesEveryTileClear() throws Exception {
        IncidentMap map =
                IncidentSoak.run(Scenario.builtIn("fpre004-repro"), 8, READS, PatchSwitches.ALL, 2, Progress.NONE);
        assertThat(map.maxTileFpre004()).isZero();
        assertThat(map.tiles()).noneMatch(IncidentMap.Tile::failed);
    }
}
