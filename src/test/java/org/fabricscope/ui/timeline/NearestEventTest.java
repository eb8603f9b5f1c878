package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabricscope.trace.ActorKind;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

/** Which event a click picks: nearest in time on the lane clicked, else in the whole trace. */
class NearestEventTest {
    private static final Trace TRACE = SyntheticTrace.generate(40, 4000, 5);
    private static final MarkerIndex ALL = MarkerIndex.build(TRACE, null, Progress.NONE);

    private static LaneLayout.Lane block(int b) {
        return new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, b, "block " + b);
    }

    /** Brute force: the event on block b (or any, b = -1) nearest to t; ties to the earlier. */
    private static long nearestDistance(int b, double t) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < TRACE.size(); i++) {
            if (b < 0 || TRACE.block(i) == b) {
                best = Math.min(best, Math.abs(TRACE.timeMicros(i) - t));
            }
        }
        return (long) best;
    }

    @Test
    void aClickOnALanePicksThatLanesEventNearestInTimeHoweverFar() {
        for (double t = TRACE.startMicros();
                t < TRACE.endMicros();
                t += (TRACE.endMicros() - TRACE.startMicros()) / 37.0) {
            int seq = NearestEvent.forClick(ALL, TRACE, block(3), t);
            assertThat(TRACE.block(seq)).isEqualTo(3);
            assertThat((long) Math.abs(TRACE.timeMicros(seq) - t)).isEqualTo(nearestDistance(3, t));
        }
    }

    @Test
    void aClickOnNoLaneOrAnEmptyLanePicksTheNearestEventOfTheTrace() {
        MarkerIndex onlyBlock3 = MarkerIndex.build(TRACE, s -> TRACE.block(s) == 3, Progress.NONE);
        double t = (TRACE.startMicros() + TRACE.endMicros()) / 2.0 + 0.3;

        int any = NearestEvent.forClick(ALL, TRACE, null, t);
        assertThat((long) Math.abs(TRACE.timeMicros(any) - t)).isEqualTo(nearestDistance(-1, t));
        // Block 5's lane is empty under this filter: the click falls through to the shown events.
        int filtered = NearestEvent.forClick(onlyBlock3, TRACE, block(5), t);
        assertThat(TRACE.block(filtered)).isEqualTo(3);
        assertThat((long) Math.abs(TRACE.timeMicros(filtered) - t)).isEqualTo(nearestDistance(3, t));
    }

    @Test
    void aTieInTimeGoesToTheFpre004() {
        int fpre = -1;
        for (int i = 0; i < TRACE.size() && fpre < 0; i++) {
            if (TRACE.kind(i) == EventKind.FPRE004) {
                fpre = i;
            }
        }
        assertThat(fpre).as("the synthetic trace has an FPRE004").isNotNegative();
        long t = TRACE.timeMicros(fpre);
        assertThat(NearestEvent.forClick(ALL, TRACE, block(TRACE.block(fpre)), t))
                .isEqualTo(fpre);
        LaneLayout.Lane verifier = new LaneLayout.Lane(LaneLayout.LaneKind.ACTOR, ActorKind.VERIFIER.ordinal(), "v");
        assertThat(TRACE.timeMicros(NearestEvent.forClick(ALL, TRACE, verifier, t)))
                .isEqualTo(t);
    }

    @Test
    void hoverKeepsItsTolerance() {
        int seq = NearestEvent.forClick(ALL, TRACE, block(3), TRACE.startMicros());
        double far = TRACE.timeMicros(seq) + 1e6;
        assertThat(NearestEvent.onLane(ALL, TRACE, block(3), far, 5)).isEqualTo(-1);
    }
}
