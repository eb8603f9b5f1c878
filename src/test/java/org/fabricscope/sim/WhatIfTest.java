package org.fabricscope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.fabricscope.diff.DiffClass;
import org.fabricscope.diff.TraceDiff;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.EventIdentity;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Intervention;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.trace.io.TraceWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What-if forks of the canonical reproduction (fpre004-repro, seed 1, attempt 6, legacy), whose
 * events are found by the explanation of its FPRE004, not by their step numbers: a write locks the
 * block and lands, its ACK comes late; a prefetch fill marks the buffer READY beside
 * lastWritePending, and the verifier raises FPRE004.
 */
class WhatIfTest {
    private static int WRITE_ISSUE;
    private static int PREFETCH_READY;
    private static int FPRE004;
    private static int ACK;

    private static Scenario scenario;
    private static Trace original;
    private static long[] keys;

    @BeforeAll
    static void original() throws Exception {
        scenario = Scenario.builtIn("fpre004-repro");
        original = TraceReader.read(Path.of("sample-traces/fpre004-repro-legacy.jsonl"), Progress.NONE);
        keys = EventIdentity.of(original);
        org.fabricscope.replay.TraceIndex index = org.fabricscope.replay.TraceIndex.build(original, Progress.NONE);
        FPRE004 = org.fabricscope.replay.explain.Fpre004Explanation.fpre004Seqs(index)
                .get(0);
        var e = org.fabricscope.replay.explain.Fpre004Explanation.explain(index, FPRE004);
        PREFETCH_READY = e.completingSeq();
        ACK = e.ackSeq();
        int lock = index.lastChange(e.block(), org.fabricscope.trace.Field.LOCK_HOLDER, FPRE004);
        WRITE_ISSUE = original.cause(lock);
        assertThat(original.kind(WRITE_ISSUE)).isEqualTo(EventKind.WRITE_ISSUE);
        assertThat(original.kind(PREFETCH_READY)).isEqualTo(EventKind.PREFETCH_READY);
        assertThat(original.kind(FPRE004)).isEqualTo(EventKind.FPRE004);
        assertThat(original.kind(ACK)).isEqualTo(EventKind.WRITE_ACK);
    }

    private static Trace fork(Intervention... interventions) throws Exception {
        return WhatIf.fork(scenario, 1, 6, PatchSwitches.NONE, List.of(interventions), Progress.NONE)
                .trace();
    }

    @Test
    void advancingTheLateAckBeforeThePrefetchReadyRemovesFpre004AndTheAckIsTheFirstDivergence() throws Exception {
        long before = original.timeMicros(PREFETCH_READY) - original.timeMicros(ACK) - 20; // 20 µs before READY
        Trace fork = fork(Intervention.shift(keys[ACK], before));

        TraceDiff d = TraceDiff.compare(original, fork);

        assertThat(TraceDiff.fpre004Count(fork)).isZero();
        assertThat(d.fpre004OnlyInA()).containsExactly(FPRE004);
        TraceDiff.Divergence first = d.firstDivergence();
        assertThat(first.diffClass()).isEqualTo(DiffClass.CHANGED);
        assertThat(first.seqA()).isEqualTo(ACK);
        assertThat(fork.kind(first.seqB())).isEqualTo(EventKind.WRITE_ACK);
        assertThat(fork.timeMicros(first.seqB())).isEqualTo(original.timeMicros(PREFETCH_READY) - 20);
        assertThat(first.timeMicros()).isEqualTo(original.timeMicros(PREFETCH_READY) - 20);
        // It records the jitter it really had.
        assertThat(fork.arg(first.seqB())).isEqualTo(original.arg(ACK) + (int) before);
    }

    @Test
    void delayingThePrefetchReadyPastTheAckRemovesFpre004() throws Exception {
        long past = original.timeMicros(ACK) - original.timeMicros(PREFETCH_READY) + 20;
        Trace fork = fork(Intervention.shift(keys[PREFETCH_READY], past));

        TraceDiff d = TraceDiff.compare(original, fork);

        assertThat(TraceDiff.fpre004Count(fork)).isZero();
        int ready = d.partnerOfA(PREFETCH_READY);
        assertThat(fork.timeMicros(ready)).isEqualTo(original.timeMicros(ACK) + 20);
        assertThat(fork.timeMicros(ready)).isGreaterThan(fork.timeMicros(d.partnerOfA(ACK)));
        // Up to the moment the READY no longer happens, the runs are the same.
        assertThat(d.firstDivergence().timeMicros()).isGreaterThanOrEqualTo(original.timeMicros(PREFETCH_READY));
    }

    @Test
    void droppingTheWriteRemovesFpre004() throws Exception {
        Trace fork = fork(Intervention.drop(keys[WRITE_ISSUE]));

        TraceDiff d = TraceDiff.compare(original, fork);

        assertThat(TraceDiff.fpre004Count(fork)).isZero();
        assertThat(d.firstDivergence().seqA()).isEqualTo(WRITE_ISSUE);
        assertThat(d.firstDivergence().diffClass()).isEqualTo(DiffClass.ONLY_IN_A);
    }

    @Test
    void aForkRerunsByteIdenticallyFromItsHeader() throws Exception {
        // A fill on another node after the moved ACK: both interventions still find their event.
        int firstFill = original.firstAtOrAfter(13_000);
        while (original.kind(firstFill) != EventKind.PREFETCH_START || original.node(firstFill) == 2) {
            firstFill++;
        }
        Trace fork = fork(Intervention.shift(keys[ACK], -500), Intervention.drop(keys[firstFill]));

        Trace again = WhatIf.rerun(fork.header(), Progress.NONE).trace();

        assertThat(bytes(again)).isEqualTo(bytes(fork));
        assertThat(fork.header().interventions()).hasSize(2);
        String header = new String(bytes(fork), java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElseThrow();
        assertThat(header)
                .endsWith(",\"interventions\":[{\"event\":\"" + EventIdentity.text(keys[ACK])
                        + "\",\"deltaMicros\":-500},{\"event\":\"" + EventIdentity.text(keys[firstFill])
                        + "\",\"drop\":true}]}");
    }

    @Test
    void anInterventionThatAnEarlierOneMakesUnreachableIsRefused() {
        assertThatThrownBy(() -> fork(Intervention.drop(keys[WRITE_ISSUE]), Intervention.shift(keys[ACK], -100)))
                .isInstanceOf(InterventionException.class)
                .hasMessageContaining("intervention 2 (advance")
                .hasMessageContaining("no longer reaches that event");
    }

    @Test
    void aRunWithoutInterventionsIsTheOrdinaryRun() throws Exception {
        assertThat(bytes(fork())).isEqualTo(bytes(original));
    }

    @Test
    void anInterventionNamingNoEventIsRefused() {
        assertThatThrownBy(() -> fork(Intervention.drop(0x1234L)))
                .isInstanceOf(InterventionException.class)
                .hasMessageContaining("intervention 1 (drop 0000000000001234): no event of the run");
    }

    @Test
    void advancingAnAckBeforeItsWriteLandedIsRefused() {
        long tooFar = -(original.timeMicros(ACK) - 6000);

        assertThatThrownBy(() -> fork(Intervention.shift(keys[ACK], tooFar)))
                .isInstanceOf(InterventionException.class)
                .hasMessageContaining("cannot advance WRITE_ACK #" + ACK)
                .hasMessageContaining("set in motion at " + landedMicros() + " µs")
                .hasMessageContaining("at most " + (original.timeMicros(ACK) - landedMicros()) + " µs earlier");
    }

    @Test
    void aDelayPastTheClocksRangeIsRefusedAsSuchNotAsANegativeTime() {
        assertThatThrownBy(() -> fork(Intervention.shift(keys[ACK], Long.MAX_VALUE)))
                .isInstanceOf(InterventionException.class)
                .hasMessageContaining("beyond the simulated clock's range")
                .hasMessageNotContaining("negative time");
        assertThat(Intervention.shift(keys[ACK], Long.MIN_VALUE).toString())
                .contains("advance")
                .contains("by 9223372036854775808 µs");
    }

    @Test
    void movingAnEventBeforeTimeZeroOrDroppingAReadIsRefused() {
        assertThatThrownBy(() -> fork(Intervention.shift(keys[FPRE004], -20_000)))
                .hasMessageContaining("negative time");
        assertThatThrownBy(() -> fork(Intervention.drop(keys[FPRE004])))
                .hasMessageContaining("cannot drop FPRE004 #" + FPRE004)
                .hasMessageContaining("only WRITE_ISSUE");
        assertThatThrownBy(() -> fork(Intervention.shift(keys[1], 5))).hasMessageContaining("initial state");
    }

    @Test
    void runningThePrefetchReadyAfterTheAckRemovesFpre004AndRerunsByteIdentically() throws Exception {
        Trace fork = fork(Intervention.runAfter(keys[PREFETCH_READY], keys[ACK]));

        TraceDiff d = TraceDiff.compare(original, fork);

        assertThat(TraceDiff.fpre004Count(fork)).isZero();
        int ack = d.partnerOfA(ACK);
        int ready = d.partnerOfA(PREFETCH_READY);
        assertThat(ready).isGreaterThan(ack);
        // The held step runs at the ACK's moment, right after the ACK's step.
        assertThat(fork.timeMicros(ready)).isEqualTo(fork.timeMicros(ack));
        assertThat(d.firstDivergence().timeMicros()).isGreaterThanOrEqualTo(original.timeMicros(PREFETCH_READY));
        assertThat(bytes(WhatIf.rerun(fork.header(), Progress.NONE).trace())).isEqualTo(bytes(fork));
        assertThat(new String(bytes(fork), java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .findFirst()
                        .orElseThrow())
                .endsWith(",\"interventions\":[{\"event\":\"" + EventIdentity.text(keys[PREFETCH_READY])
                        + "\",\"runAfter\":\"" + EventIdentity.text(keys[ACK]) + "\"}]}");
    }

    @Test
    void runningAWriteAfterItsOwnAckIsRefusedAsACausalDependency() {
        assertThatThrownBy(() -> fork(Intervention.runAfter(keys[WRITE_ISSUE], keys[ACK])))
                .isInstanceOf(InterventionException.class)
                .hasMessageContaining("cannot run WRITE_ISSUE #" + WRITE_ISSUE + " ")
                .hasMessageContaining("after WRITE_ACK #" + ACK)
                .hasMessageContaining("causal dependency");
    }

    @Test
    void aReorderNamingNoEventOrTheWrongOrderIsRefused() {
        assertThatThrownBy(() -> fork(Intervention.runAfter(keys[PREFETCH_READY], 0x1234L)))
                .isInstanceOf(InterventionException.class)
                .hasMessageContaining("(run " + EventIdentity.text(keys[PREFETCH_READY]) + " after 0000000000001234)")
                .hasMessageContaining("no event of the run")
                .hasMessageContaining("0000000000001234 to run after");
        assertThatThrownBy(() -> fork(Intervention.runAfter(keys[ACK], keys[PREFETCH_READY])))
                .isInstanceOf(InterventionException.class)
                .hasMessageContaining("already runs after PREFETCH_READY #" + PREFETCH_READY);
    }

    /** When the write whose ACK this is landed its data (what set the ACK in motion). */
    private static long landedMicros() {
        int s = ACK;
        while (original.kind(s) != EventKind.WRITE_MEDIA || original.arg(s) != original.arg(WRITE_ISSUE)) {
            s--;
        }
        return original.timeMicros(s);
    }

    private static byte[] bytes(Trace t) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceWriter.write(t, out, Progress.NONE);
        return out.toByteArray();
    }
}
