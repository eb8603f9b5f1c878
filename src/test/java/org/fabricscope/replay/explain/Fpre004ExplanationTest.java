package org.fabricscope.replay.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fabricscope.present.Fpre004Text;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.replay.explain.Fpre004Explanation.CheckRead;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.junit.jupiter.api.Test;

class Fpre004ExplanationTest {
    private final Trace trace = RaceTraceFixture.build();
    private final TraceIndex index = TraceIndex.build(trace, Progress.NONE);
    private final Fpre004Explanation explanation = Fpre004Explanation.explain(index, RaceTraceFixture.FPRE004);

    @Test
    void checksAreListedInTheOrderTheVerifierMadeThemWithTimeAndValueSeen() {
        List<CheckRead> checks = explanation.checks();
        assertThat(checks)
                .extracting(CheckRead::field)
                .containsExactly(Field.CACHE_STATE, Field.CACHE_VERSION, Field.LAST_WRITE_PENDING);
        assertThat(checks).extracting(CheckRead::timeMicros).containsExactly(12_300L, 12_380L, 12_450L);
        assertThat(checks).extracting(c -> c.field().format(c.value())).containsExactly("READY", "1", "true");
    }

    @Test
    void causeChainLeadsBackToVerifyBeginAndTheClientTransaction() {
        assertThat(explanation.verifyBeginSeq()).isEqualTo(RaceTraceFixture.VERIFY_BEGIN);
        assertThat(explanation.transactionId()).isEqualTo(RaceTraceFixture.TXN);
        assertThat(explanation.block()).isEqualTo(RaceTraceFixture.BLOCK);
    }

    @Test
    void onlyOtherActorsEventsOnTheSameBlockCountAsSlippedIn() {
        assertThat(explanation.slipped())
                .extracting(Fpre004Explanation.SlippedEvent::seq)
                .containsExactly(
                        RaceTraceFixture.COMPACT_COPY,
                        RaceTraceFixture.COMPACT_SWITCH_EXTENT,
                        RaceTraceFixture.COMPACT_SWITCH_STATE);
        assertThat(explanation.slipped().get(0).actor()).isEqualTo("compaction@n1");
        assertThat(explanation.slipped().get(0).change()).isEqualTo("compaction IDLE → COPYING");
    }

    @Test
    void inconsistentPairIsCacheReadyReadBeforeLastWritePending() {
        assertThat(explanation.firstOfPair().field()).isEqualTo(Field.CACHE_STATE);
        assertThat(explanation.secondOfPair().field()).isEqualTo(Field.LAST_WRITE_PENDING);
        assertThat(Fpre004Text.of(explanation).inconsistency())
                .isEqualTo("cacheState=READY (read at 12.300 ms) with lastWritePending=true (read at 12.450 ms)");
    }

    @Test
    void pairOriginsAreThePrefetchReadyAndTheWritePending() {
        assertThat(explanation.pairOrigins())
                .containsExactly(RaceTraceFixture.PREFETCH_READY, RaceTraceFixture.WRITE_PENDING);
    }

    @Test
    void patchedOrderWouldHaveSeenThePendingWriteAtTheFirstCheckAndWaited() {
        Fpre004Explanation.PatchedRead first = explanation.patchedReads().get(0);
        assertThat(first.field()).isEqualTo(Field.LAST_WRITE_PENDING);
        assertThat(first.timeMicros()).isEqualTo(12_300L);
        assertThat(first.value()).isEqualTo(1);
        assertThat(explanation.patchedWouldWait()).isTrue();
        assertThat(explanation.lockHolderAtFirstCheck()).isEqualTo(RaceTraceFixture.WRITE_ID);
        assertThat(Fpre004Text.of(explanation).patchedVerdict())
                .contains("waited for the write to complete", "read from the media");
    }

    @Test
    void summarySaysInPlainWordsThatTheCacheWasReadyWhileAWriteWasPending() {
        assertThat(Fpre004Text.of(explanation).summary())
                .contains(
                        "txn 501",
                        "12.450 ms",
                        "cache was marked ready while a write was still pending",
                        "compaction@n1");
    }

    @Test
    void failureExposedByOneFieldNamesThatFieldAlone() {
        Fpre004Explanation second = Fpre004Explanation.explain(index, RaceTraceFixture.SECOND_FPRE004);
        assertThat(second.firstOfPair().field()).isEqualTo(Field.CACHE_VERSION);
        assertThat(second.secondOfPair()).isNull();
        assertThat(second.slipped()).isEmpty();
        assertThat(second.patchedWouldWait()).isFalse();
    }

    @Test
    void checksumMismatchIsExplainedAsDataOfAnotherVersion() {
        TraceBuilder b = new TraceBuilder(RaceTraceFixture.header());
        int begin = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 9);
        int version = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_VERSION, 3, 3, begin, 9);
        int checksum = b.event(140, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CHECKSUM, 55, 55, version, 9);
        int fpre = b.event(140, 0, 0, "verifier@n0", EventKind.FPRE004, Field.CHECKSUM, 55, 55, checksum, 9);
        Trace small = b.build();
        Fpre004Explanation e = Fpre004Explanation.explain(TraceIndex.build(small, Progress.NONE), fpre);
        assertThat(Fpre004Text.of(e).inconsistency())
                .isEqualTo("cacheVersion=3 (read at 0.120 ms) with checksum=55 (read at 0.140 ms)");
        assertThat(Fpre004Text.of(e).summary()).contains("checksum did not match", "txn 9");
        assertThat(e.patchedWouldWait()).isFalse();
    }

    @Test
    void explainingAnEventThatIsNotAnFpre004IsRefused() {
        assertThat(trace.kind(RaceTraceFixture.READ_FAIL)).isEqualTo(EventKind.READ_FAIL);
        assertThatThrownBy(() -> Fpre004Explanation.explain(index, RaceTraceFixture.READ_FAIL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an FPRE004");
    }
}
