package org.fabricscope.present;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabricscope.replay.explain.StoryStep;
import org.fabricscope.trace.EventKind;
import org.junit.jupiter.api.Test;

/** The sentences of story steps the golden files do not reach: an unnamed write, no lock holder, no copy found. */
class StoryTextTest {
    @Test
    void aWriteTheTraceDoesNotNameIsAWrite() {
        assertThat(StoryText.sentence(new StoryStep.WriteTookLock(3, 1_500, 0, EventKind.WRITE_PENDING, "writer@n1")))
                .isEqualTo("A write took the block's lock and set lastWritePending at 1.500 ms (WRITE_PENDING,"
                        + " writer@n1).");
        assertThat(StoryText.sentence(new StoryStep.WriteBeganBetweenReads(4, 2_000, 0, "writer@n1", false)))
                .isEqualTo("Between the two reads, at 2.000 ms, a write took the lock and set lastWritePending"
                        + " (writer@n1).");
        assertThat(StoryText.sentence(new StoryStep.WriteLandedBetweenReads(4, 2_000, 0, 3, "writer@n1")))
                .isEqualTo("Between the reads, at 2.000 ms, a write landed version 3 on the media (writer@n1) and"
                        + " invalidated the buffer.");
        assertThat(StoryText.sentence(new StoryStep.AckMissing(-1, 9_000, 0)))
                .isEqualTo("A write's completion ACK had not arrived by the end of the trace: the write was still"
                        + " pending.");
    }

    @Test
    void aBufferMarkedReadyWithNoLockHolderIsMarkedWhileAWriteWasPending() {
        assertThat(StoryText.sentence(
                        new StoryStep.MarkedReadyDuringWrite(7, 8_232, "prefetch@n2", EventKind.PREFETCH_READY, 0)))
                .isEqualTo("At 8.232 ms prefetch@n2 (PREFETCH_READY) marked the buffer READY while a write was still"
                        + " pending, without looking at the lock: from here the block was both \"last write pending\""
                        + " and \"cache ready\".");
        assertThat(StoryText.sentence(
                        new StoryStep.RefreshMarkedReady(7, 8_232, "compaction@n0", EventKind.COMPACT_REFRESH, 0)))
                .contains("it marked the buffer READY while a write was still pending, without looking at the lock");
    }

    @Test
    void aRefillAskedByCompactionWithoutItsCopyInTheTraceSaysOnlyThatItMovedTheBlock() {
        assertThat(StoryText.sentence(
                        new StoryStep.CompactionAskedRefill(9, 4_000, "compaction@n0", -1, "prefetch@n0", true)))
                .isEqualTo("compaction@n0 moved the block to a new extent; its legacy cache refresh found the buffer"
                        + " stale and asked prefetch@n0 to refill it, which started filling at 4.000 ms, before the"
                        + " write took the lock: compaction and prefetch at work on the block together.");
    }

    /**
     * Ground truth: file-x seed 3 attempt 4, FPRE004 #81984 (a torn read), whose buffer became
     * READY while a write was pending. The sentence calls a READY state consistent exactly when
     * the block's true state at that step had no write pending.
     */
    @Test
    void readyBesideAPendingWriteIsNeverCalledAConsistentState() throws Exception {
        org.fabricscope.replay.TraceIndex index = org.fabricscope.replay.TraceIndex.build(
                org.fabricscope.sim.Simulator.run(
                                org.fabricscope.sim.scenario.Scenario.builtIn("file-x"),
                                3,
                                4,
                                org.fabricscope.trace.PatchSwitches.NONE,
                                true,
                                org.fabricscope.trace.Progress.NONE)
                        .trace(),
                org.fabricscope.trace.Progress.NONE);
        int checked = 0;
        int pendingCases = 0;
        for (int fpre : org.fabricscope.replay.explain.Fpre004Explanation.fpre004Seqs(index)) {
            var e = org.fabricscope.replay.explain.Fpre004Explanation.explain(index, fpre);
            for (var step : e.story()) {
                if (step instanceof org.fabricscope.replay.explain.StoryStep.ReadyWhileConsistent r) {
                    boolean pending =
                            index.stateAt(e.block(), r.seq()).get(org.fabricscope.trace.Field.LAST_WRITE_PENDING) != 0;
                    pendingCases += pending ? 1 : 0;
                    if (pending) {
                        // The sentence says that write landed before the verifier's first read: true?
                        org.assertj.core.api.Assertions.assertThat(index.stateAt(
                                                e.block(), e.checks().get(0).seq())
                                        .get(org.fabricscope.trace.Field.LAST_WRITE_PENDING))
                                .as("FPRE004 #" + fpre + " at the first check")
                                .isZero();
                    }
                    org.assertj.core.api.Assertions.assertThat(
                                    StoryText.sentence(r).contains("consistent state"))
                            .as("FPRE004 #" + fpre + ": " + StoryText.sentence(r))
                            .isEqualTo(!pending);
                    checked++;
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(checked).isPositive();
        org.assertj.core.api.Assertions.assertThat(pendingCases).isPositive();
    }
}
