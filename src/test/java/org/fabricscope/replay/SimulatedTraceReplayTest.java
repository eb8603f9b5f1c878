package org.fabricscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.trace.io.TraceWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trace I/O and the replay index on a real simulated FPRE004 reproduction, not a fixture. */
class SimulatedTraceReplayTest {
    private static Trace trace;

    @BeforeAll
    static void simulateUntilFpre004() throws Exception {
        Scenario scenario = Scenario.builtIn("fpre004-repro");
        for (int attempt = 0; attempt < 60; attempt++) {
            SimulationResult r = Simulator.run(scenario, 1, attempt, PatchSwitches.NONE, true, Progress.NONE);
            if (r.stats().fpre004() > 0) {
                trace = r.trace();
                return;
            }
        }
        throw new AssertionError("no FPRE004 in 60 attempts of fpre004-repro, seed 1");
    }

    private static byte[] bytes(Trace t) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceWriter.write(t, out, Progress.NONE);
        return out.toByteArray();
    }

    @Test
    void simulatedTraceRoundTripsToIdenticalBytes() throws Exception {
        byte[] first = bytes(trace);
        Trace back = TraceReader.read(new ByteArrayInputStream(first), "sim.jsonl", first.length, Progress.NONE);
        assertThat(back.size()).isEqualTo(trace.size());
        assertThat(back.header()).isEqualTo(trace.header());
        assertThat(bytes(back)).isEqualTo(first);
    }

    @Test
    void fpre004BreakpointFindsTheVerifiersFailure() {
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        int hit = BreakpointSet.of(Breakpoint.fpre004()).nextHit(index, -1);
        assertThat(hit).isGreaterThanOrEqualTo(0);
        assertThat(trace.kind(hit)).isEqualTo(EventKind.FPRE004);
        assertThat(index.countOfKind(EventKind.FPRE004)).isPositive();
    }

    @Test
    void stateAtMatchesAFoldFromTheStartOnTheSimulatedTrace() {
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        int blocks = trace.header().topology().blockCount();
        int[][] folded = new int[blocks][Field.count()];
        Random random = new Random(1);
        for (int step = 0; step < trace.size(); step++) {
            int b = trace.block(step);
            if (b >= 0 && index.isStateChange(step)) {
                folded[b][trace.fieldOrdinal(step)] = trace.newValue(step);
            }
            if (b >= 0) {
                assertThat(index.stateAt(b, step)).isEqualTo(new BlockState(b, folded[b]));
            }
            if (step % 50 == 0) {
                int other = random.nextInt(blocks);
                assertThat(index.stateAt(other, step)).isEqualTo(new BlockState(other, folded[other]));
            }
        }
    }

    @Test
    void stateChangesCarryTheBlocksTrueOldValue() {
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        for (int step = 0; step < trace.size(); step++) {
            if (index.isStateChange(step)) {
                assertThat(index.stateAt(trace.block(step), step - 1).get(trace.field(step)))
                        .as("old value of event %d (%s)", step, trace.kind(step))
                        .isEqualTo(trace.oldValue(step));
            }
        }
    }
}
