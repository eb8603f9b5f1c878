package org.fabricscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/** "Back is exact": the state at any step equals a fold from the start, whatever the trace. */
class StateReconstructionProperties {
    @Property(tries = 40)
    void stateAtAnyStepEqualsAFoldFromTheStart(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 1_500) int events,
            @ForAll @IntRange(min = 1, max = 12) int blocks) {
        Trace trace = RandomTraces.generate(seed, events, blocks);
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        NaiveReplay naive = new NaiveReplay(trace);
        int[][] folded = new int[blocks][Field.count()];
        for (int step = 0; step < trace.size(); step++) {
            if (trace.block(step) >= 0 && naive.isChange(step)) {
                folded[trace.block(step)][trace.fieldOrdinal(step)] = trace.newValue(step);
            }
            for (int b = 0; b < blocks; b++) {
                assertThat(index.stateAt(b, step)).isEqualTo(new BlockState(b, folded[b]));
            }
        }
    }

    @Property(tries = 40)
    void steppingBackwardFromTheEndRevisitsEveryStateExactly(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 800) int events) {
        Trace trace = RandomTraces.generate(seed, events, 3);
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        NaiveReplay naive = new NaiveReplay(trace);
        for (int step = trace.size() - 1; step >= -1; step--) {
            for (int b = 0; b < 3; b++) {
                assertThat(index.stateAt(b, step)).isEqualTo(new BlockState(b, naive.stateAt(b, step)));
            }
        }
    }
}
