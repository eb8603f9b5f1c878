package org.fabricscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/**
 * On simulator traces of every built-in scenario, state reconstruction, last change and the
 * transition searches agree with a replay from the start: for every block at every step where it
 * changes (each change is a possible group boundary of the index) and just before it, and for all
 * blocks at regular steps.
 */
class SimulatedStateAtProperties {
    private static final int FIELDS = Field.count();

    @Provide
    Arbitrary<String> scenarios() {
        return Arbitraries.of(Scenario.builtInNames());
    }

    @Property(tries = 8)
    void everyBlocksStateEqualsAReplayFromTheStart(
            @ForAll("scenarios") String scenario, @ForAll @LongRange(min = 1, max = 1_000) long seed) throws Exception {
        Scenario s = Scenario.builtIn(scenario).with("durationMicros", "300000");
        Trace trace = Simulator.run(s, seed, 1, PatchSwitches.NONE, true, Progress.NONE)
                .trace();
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        NaiveReplay naive = new NaiveReplay(trace);
        int blocks = trace.header().topology().blockCount();
        int[][] state = new int[blocks][FIELDS];
        int[][] lastOf = new int[blocks][FIELDS];
        int[] lastTransition = new int[blocks];
        for (int[] row : lastOf) {
            Arrays.fill(row, -1);
        }
        Arrays.fill(lastTransition, -1);
        for (int b = 0; b < blocks; b++) {
            check(index, b, -1, state[b], lastOf[b], lastTransition[b]);
        }
        for (int step = 0; step < trace.size(); step++) {
            int b = trace.block(step);
            boolean change = b >= 0 && naive.isChange(step);
            if (change) {
                check(index, b, step - 1, state[b], lastOf[b], lastTransition[b]);
                assertThat(index.nextTransitionOfBlock(b, step - 1)).isEqualTo(step);
                int f = trace.fieldOrdinal(step);
                state[b][f] = trace.newValue(step);
                lastOf[b][f] = step;
                lastTransition[b] = step;
                check(index, b, step, state[b], lastOf[b], lastTransition[b]);
            }
            if (step % 499 == 0) {
                for (int other = 0; other < blocks; other++) {
                    check(index, other, step, state[other], lastOf[other], lastTransition[other]);
                }
            }
        }
        for (int b = 0; b < blocks; b++) {
            check(index, b, Integer.MAX_VALUE, state[b], lastOf[b], lastTransition[b]);
            assertThat(index.nextTransitionOfBlock(b, trace.size() - 1)).isEqualTo(-1);
        }
    }

    private static void check(TraceIndex index, int block, int step, int[] state, int[] lastOf, int lastTransition) {
        assertThat(index.stateAt(block, step))
                .as("block %d at step %d", block, step)
                .isEqualTo(new BlockState(block, state));
        for (Field f : Field.values()) {
            assertThat(index.lastChange(block, f, step))
                    .as("last %s of block %d at %d", f, block, step)
                    .isEqualTo(lastOf[f.ordinal()]);
        }
        if (step != Integer.MAX_VALUE) {
            assertThat(index.prevTransitionOfBlock(block, step + 1))
                    .as("previous transition of block %d before %d", block, step + 1)
                    .isEqualTo(lastTransition);
        }
    }
}
