package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.ActorKind;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

/** The sampled marker search finds exactly the index a plain scan finds, for any start and time. */
class MarkerSearchTest {
    private static int scan(Trace trace, int[] seqs, int from, double t) {
        int i = from;
        while (i < seqs.length && trace.timeMicros(seqs[i]) < t) {
            i++;
        }
        return i;
    }

    @Test
    void sampledSearchAgreesWithAScanOnEveryLaneAndCategory() {
        Trace trace = RandomTraces.generate(5, 20_000, 6);
        MarkerIndex index = MarkerIndex.build(trace, null, Progress.NONE);
        SplittableRandom r = new SplittableRandom(9);
        long span = trace.endMicros() - trace.startMicros() + 2;
        int checked = 0;
        for (int lane = 0; lane < ActorKind.values().length + 6; lane++) {
            LaneLayout.Lane l = lane < ActorKind.values().length
                    ? new LaneLayout.Lane(LaneLayout.LaneKind.ACTOR, lane, "a")
                    : new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, lane - ActorKind.values().length, "b");
            for (MarkerCategory cat : MarkerCategory.values()) {
                int[] seqs = index.markers(l, cat);
                for (int q = 0; q < 200; q++) {
                    int from = r.nextInt(seqs.length + 2);
                    double t = trace.startMicros() - 1 + r.nextDouble() * span;
                    if (q % 4 == 0 && from < seqs.length) {
                        t = trace.timeMicros(seqs[Math.min(seqs.length - 1, from + r.nextInt(20))]);
                    }
                    int expected = Math.min(scan(trace, seqs, Math.min(from, seqs.length), t), seqs.length);
                    assertThat(index.firstAtOrAfter(l, cat, from, t))
                            .as("%s %s from %d t %f", l, cat, from, t)
                            .isEqualTo(expected);
                    assertThat(index.firstAtOrAfter(seqs, Math.min(from, seqs.length), t))
                            .isEqualTo(expected);
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }
}
