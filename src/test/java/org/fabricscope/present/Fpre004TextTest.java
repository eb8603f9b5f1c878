package org.fabricscope.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fabricscope.replay.explain.Fpre004Explanation;
import org.fabricscope.replay.explain.Fpre004Explanation.CheckRead;
import org.fabricscope.replay.explain.Fpre004Explanation.PatchedOutcome;
import org.fabricscope.replay.explain.Fpre004Explanation.PatchedRead;
import org.fabricscope.replay.explain.Fpre004Explanation.SlippedEvent;
import org.fabricscope.replay.explain.Mechanism;
import org.fabricscope.replay.explain.PairKind;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.junit.jupiter.api.Test;

/**
 * The wording over facts written by hand: each test states the facts of an FPRE004 and the sentence
 * a reader must get from them, independently of how the explanation finds those facts in a trace.
 */
class Fpre004TextTest {
    private static final CheckRead CACHE_READY = new CheckRead(10, 12_300, Field.CACHE_STATE, 2);
    private static final CheckRead PENDING = new CheckRead(11, 12_450, Field.LAST_WRITE_PENDING, 1);

    /** Facts of a stored inconsistency of a pending write, with the given patched outcome. */
    private static Fpre004Explanation facts(
            CheckRead first,
            CheckRead second,
            Mechanism mechanism,
            int writeId,
            List<SlippedEvent> slipped,
            List<PatchedRead> patched,
            PatchedOutcome outcome,
            boolean approximate,
            int lockAtFirst,
            int cachedVersion,
            int mediaVersion) {
        return new Fpre004Explanation(
                12,
                4,
                12_600,
                9,
                77,
                "verifier@n0",
                List.of(CACHE_READY, PENDING),
                slipped,
                first,
                second,
                List.of(),
                PairKind.PENDING_WRITE,
                mechanism,
                null,
                writeId,
                -1,
                -1,
                8,
                EventKind.PREFETCH_READY,
                "prefetch@n0",
                11_000,
                -1,
                -1,
                -1,
                List.of(),
                patched,
                outcome,
                approximate,
                lockAtFirst,
                cachedVersion,
                mediaVersion);
    }

    private static Fpre004Explanation stored(List<PatchedRead> patched, PatchedOutcome outcome) {
        return facts(
                CACHE_READY, PENDING, Mechanism.STORED_INCONSISTENCY, 9, List.of(), patched, outcome, false, 9, 0, 0);
    }

    @Test
    void thePairReadsFirstWithSecond() {
        assertThat(Fpre004Text.of(stored(List.of(), PatchedOutcome.UNKNOWN)).inconsistency())
                .isEqualTo("cacheState=READY (read at 12.300 ms) with lastWritePending=true (read at 12.450 ms)");
    }

    @Test
    void aPairOfOneFieldOrNoneSaysSo() {
        Fpre004Explanation one = facts(
                CACHE_READY,
                null,
                Mechanism.UNDETERMINED,
                0,
                List.of(),
                List.of(),
                PatchedOutcome.UNKNOWN,
                false,
                0,
                0,
                0);
        Fpre004Explanation none = facts(
                null, null, Mechanism.UNDETERMINED, 0, List.of(), List.of(), PatchedOutcome.UNKNOWN, false, 0, 0, 0);

        assertThat(Fpre004Text.of(one).inconsistency())
                .isEqualTo("cacheState=READY (read at 12.300 ms) did not match what the verifier expected.");
        assertThat(Fpre004Text.of(none).inconsistency())
                .isEqualTo("The FPRE004 names no field; the verifier's reads are listed above.");
        assertThat(Fpre004Text.of(none).headline()).endsWith(": the FPRE004 names no field");
        assertThat(Fpre004Text.of(one).headline())
                .endsWith(": the verifier found cacheState=READY (read at 12.300 ms) did not match what the verifier"
                        + " expected.");
    }

    @Test
    void theHeadlineNamesTheWriteOrSaysAWrite() {
        Fpre004Explanation named = stored(List.of(), PatchedOutcome.UNKNOWN);
        Fpre004Explanation anonymous = facts(
                CACHE_READY,
                PENDING,
                Mechanism.STORED_INCONSISTENCY,
                0,
                List.of(),
                List.of(),
                PatchedOutcome.UNKNOWN,
                false,
                0,
                0,
                0);

        assertThat(Fpre004Text.of(named).headline())
                .isEqualTo(
                        Mechanism.STORED_INCONSISTENCY.title()
                                + ": the cache buffer was marked READY while write 9 was still pending, and the verifier found both");
        assertThat(Fpre004Text.of(anonymous).headline()).contains("while a write was still pending");
    }

    @Test
    void theSummaryCountsSlippedEventsAndNamesTheirActorsOnce() {
        List<SlippedEvent> slipped = List.of(
                new SlippedEvent(10, 12_310, "write@n0", EventKind.WRITE_LOCK, Field.LOCK_HOLDER, 0, 9),
                new SlippedEvent(11, 12_310, "write@n0", EventKind.WRITE_PENDING, Field.LAST_WRITE_PENDING, 0, 1),
                new SlippedEvent(12, 12_400, "compact@n0", EventKind.COMPACT_COPY, Field.COMPACTION, 0, 1));
        Fpre004Explanation e = facts(
                CACHE_READY,
                PENDING,
                Mechanism.STORED_INCONSISTENCY,
                9,
                slipped,
                List.of(),
                PatchedOutcome.UNKNOWN,
                false,
                9,
                0,
                0);

        assertThat(Fpre004Text.of(e).summary())
                .startsWith("The read of block 4 (txn 77) failed with FPRE004 at 12.600 ms. ")
                .contains("The verifier read cacheState=READY first and 0.150 ms later lastWritePending=true: ")
                .contains("The block really held that pair: it began at 11.000 ms with PREFETCH_READY by prefetch@n0.")
                .contains("3 events from write@n0, compact@n0 slipped in between the verifier's checks.");
    }

    @Test
    void withNoChecksThePatchedOrderCannotBeReplayed() {
        Fpre004Text t = Fpre004Text.of(stored(List.of(), PatchedOutcome.UNKNOWN));

        assertThat(t.patchedVerdict()).isEqualTo("No checks were recorded, so the patched order cannot be replayed.");
        assertThat(t.switchNotes().get(0).here()).isEqualTo("Here: cannot be replayed, no checks were recorded.");
    }

    @Test
    void aWaitingPatchedOrderNamesTheLockHolderAndItsFirstRead() {
        List<PatchedRead> reads = List.of(new PatchedRead(12_300, Field.LAST_WRITE_PENDING, 1));

        Fpre004Text t = Fpre004Text.of(stored(reads, PatchedOutcome.WAITS_FOR_WRITE));

        assertThat(t.patchedVerdict())
                .isEqualTo("The patched order reads lastWritePending first: at 12.300 ms it would have seen"
                        + " lastWritePending=true (the lock was held by write 9), so it would have waited for the write to"
                        + " complete and read from the media instead of trusting the cache: no FPRE004.");
        assertThat(t.switchNotes())
                .extracting(Fpre004Text.SwitchNote::name)
                .containsExactly("reorder", "barrier", "backoff");
        assertThat(t.switchNotes().get(1).here())
                .startsWith("Here: prefetch@n0 marked the buffer READY while a write held the lock;");
        assertThat(t.switchNotes().get(2).here()).contains("can only make the stored inconsistency rarer");
    }

    @Test
    void aStaleBufferFailsThePatchedOrderTooWithBothVersions() {
        List<PatchedRead> reads = List.of(
                new PatchedRead(12_300, Field.LAST_WRITE_PENDING, 0),
                new PatchedRead(12_450, Field.LOCK_HOLDER, 0),
                new PatchedRead(12_600, Field.CACHE_STATE, 2));
        Fpre004Explanation e = facts(
                CACHE_READY,
                PENDING,
                Mechanism.STORED_INCONSISTENCY,
                9,
                List.of(),
                reads,
                PatchedOutcome.FAILS_TOO,
                true,
                0,
                41,
                42);

        Fpre004Text t = Fpre004Text.of(e);

        assertThat(t.patchedVerdict())
                .isEqualTo("The patched order would have found no write pending, then a READY buffer holding version 41"
                        + " while the media held version 42: it too would have raised FPRE004. The buffer itself was"
                        + " stale; no check order hides that. (The legacy run stopped after 2 checks, so the later reads"
                        + " are placed at its last one.)");
        assertThat(t.switchNotes().get(0).here()).isEqualTo("Here: not enough, the buffer itself was stale.");
        assertThat(t.summary()).endsWith("the stale buffer would have failed the checksum too.");
    }

    @Test
    void aMediaReadInThePatchedOrderNamesTheFirstAndLastRead() {
        List<PatchedRead> reads = List.of(
                new PatchedRead(12_300, Field.LAST_WRITE_PENDING, 0),
                new PatchedRead(12_450, Field.LOCK_HOLDER, 0),
                new PatchedRead(12_600, Field.CACHE_STATE, 3));

        assertThat(Fpre004Text.of(stored(reads, PatchedOutcome.READS_MEDIA)).patchedVerdict())
                .isEqualTo(
                        "The patched order reads lastWritePending first: at 12.300 ms it would have seen false and no"
                                + " lock held, then cacheState=INVALID at 12.600 ms, so it would have read the block from the"
                                + " media: a consistent read, no FPRE004.");
    }
}
