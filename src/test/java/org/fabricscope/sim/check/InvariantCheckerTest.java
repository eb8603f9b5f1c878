package org.fabricscope.sim.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.experiment.Ablation;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceHeader;
import org.junit.jupiter.api.Test;

class InvariantCheckerTest {
    @Test
    void simulatedTracesKeepEveryInvariantOverManySeedsAndSwitches() throws Exception {
        for (String name : List.of("fpre004-repro", "file-x")) {
            Scenario s = Scenario.builtIn(name);
            if (name.equals("file-x")) {
                s = s.with("durationMicros", "300000");
            }
            for (PatchSwitches patch : Ablation.CONFIGURATIONS) {
                for (long seed = 1; seed <= 12; seed++) {
                    Trace t = Simulator.run(s, seed, 1, patch, true, Progress.NONE)
                            .trace();
                    InvariantChecker.Report r = InvariantChecker.check(t);
                    assertThat(r.violations())
                            .as(name + " seed " + seed + " patch " + patch)
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void pilotRackTracesKeepEveryInvariant() throws Exception {
        Scenario s = Scenario.builtIn("pilot-rack").with("durationMicros", "500000");
        for (PatchSwitches patch : List.of(PatchSwitches.NONE, PatchSwitches.ALL)) {
            for (long seed = 1; seed <= 3; seed++) {
                Trace t = Simulator.run(s, seed, 1, patch, true, Progress.NONE).trace();
                assertThat(InvariantChecker.check(t).violations())
                        .as("pilot-rack seed " + seed + " " + patch)
                        .isEmpty();
            }
        }
    }

    @Test
    void readyWhileLockedIsReportedUnderTheBarrier() {
        TraceHeader h = new TraceHeader(
                TraceHeader.FORMAT_NAME,
                TraceHeader.FORMAT_VERSION,
                "test",
                "hand-made",
                java.util.Map.of(),
                1,
                1,
                PatchSwitches.ALL,
                new Topology(1, 1, List.of(new Topology.BlockInfo(0, 0, "file-x"))));
        TraceBuilder b = new TraceBuilder(h);
        b.event(0, 0, 0, "writer@n0", EventKind.WRITE_LOCK, Field.LOCK_HOLDER, 0, 7, -1, 7);
        b.event(0, 0, 0, "writer@n0", EventKind.WRITE_PENDING, Field.LAST_WRITE_PENDING, 0, 1, 0, 7);
        b.event(5, 0, 0, "prefetch@n0", EventKind.PREFETCH_READY, Field.CACHE_STATE, 0, 2, -1, 0);
        b.event(9, 0, 0, "system", EventKind.BLOCK_INIT, null, 0, 0, -1, 0);
        InvariantChecker.Report r = InvariantChecker.check(b.build());
        assertThat(r.violations()).anyMatch(v -> v.contains("READY while write 7 holds the lock"));
    }

    @Test
    void wrongOldValueIsReported() {
        TraceHeader h = new TraceHeader(
                TraceHeader.FORMAT_NAME,
                TraceHeader.FORMAT_VERSION,
                "test",
                "hand-made",
                java.util.Map.of(),
                1,
                1,
                PatchSwitches.NONE,
                new Topology(1, 1, List.of(new Topology.BlockInfo(0, 0, "file-x"))));
        TraceBuilder b = new TraceBuilder(h);
        b.event(0, 0, 0, "system", EventKind.BLOCK_INIT, Field.EXTENT, 3, 4, -1, 0);
        InvariantChecker.Report r = InvariantChecker.check(b.build());
        assertThat(r.ok()).isFalse();
    }
}
