package org.fabricscope.replay.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fabricscope.present.Fpre004Text;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.junit.jupiter.api.Test;

/** The two mechanisms on the runs where each was found, and on small hand-built traces that pin the rules. */
class MechanismCasesTest {
    private static final int READY = CacheState.READY.ordinal();
    private static final int INVALID = CacheState.INVALID.ordinal();

    private static TraceIndex simulate(String set, long seed, int attempt) throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        if (set != null) {
            String[] kv = set.split("=", 2);
            s = s.with(kv[0], kv[1]);
        }
        Trace t = Simulator.run(s, seed, attempt, PatchSwitches.NONE, true, Progress.NONE)
                .trace();
        return TraceIndex.build(t, Progress.NONE);
    }

    @Test
    void aWriteBeginningBetweenTheTwoReadsIsATornReadNotAPrefetchDuringALock() throws Exception {
        TraceIndex index = simulate("ackJitterMicrosMax=0", 1, 27);
        Trace trace = index.trace();
        Fpre004Explanation e = Fpre004Explanation.explain(index, 6280);
        assertThat(e.block()).isEqualTo(82);
        assertThat(e.mechanism()).isEqualTo(Mechanism.TORN_READ);
        assertThat(Fpre004Text.of(e).headline()).startsWith("Torn read").doesNotContain("marked READY while");
        assertThat(trace.kind(e.tearSeq())).isEqualTo(EventKind.WRITE_PENDING);
        assertThat(trace.timeMicros(e.tearSeq())).isEqualTo(82_784L);
        assertThat(e.window().atFirstRead().get(Field.LAST_WRITE_PENDING)).isZero();
        assertThat(e.window().atExposingRead().get(Field.CACHE_STATE)).isEqualTo(INVALID);
        assertThat(e.story().get(0)).isInstanceOfSatisfying(StoryStep.ReadyWhileConsistent.class, s -> {
            assertThat(s.kind()).isEqualTo(EventKind.PREFETCH_READY);
            assertThat(s.cacheState()).isEqualTo(READY);
            assertThat(s.lastWritePending())
                    .as("consistent when it became READY")
                    .isEqualTo(index.stateAt(e.block(), s.seq()).get(Field.LAST_WRITE_PENDING))
                    .isZero();
        });
        assertThat(e.story())
                .filteredOn(StoryStep.WriteBeganBetweenReads.class::isInstance)
                .singleElement()
                .isEqualTo(new StoryStep.WriteBeganBetweenReads(
                        e.tearSeq(), 82_784L, e.writeId(), trace.actor(e.tearSeq()), true));
        assertThat(e.patchedOutcome()).isNotEqualTo(Fpre004Explanation.PatchedOutcome.FAILS_TOO);
        assertThat(e.patchedReads().get(0).value()).isZero();
        assertThat(Fpre004Text.of(e).switchNotes())
                .filteredOn(n -> n.name().equals("barrier"))
                .singleElement()
                .extracting(Fpre004Text.SwitchNote::here)
                .asString()
                .contains("does not address a torn read");
    }

    @Test
    void thePrefetchMarkingReadyDuringALateWritesLockIsAStoredInconsistency() throws Exception {
        TraceIndex index = simulate(null, 1, 6);
        List<Integer> fpres = Fpre004Explanation.fpre004Seqs(index);
        assertThat(fpres).hasSize(1);
        Fpre004Explanation e = Fpre004Explanation.explain(index, fpres.get(0));
        Trace trace = index.trace();
        assertThat(e.mechanism()).isEqualTo(Mechanism.STORED_INCONSISTENCY);
        assertThat(trace.kind(e.completingSeq())).isEqualTo(EventKind.PREFETCH_READY);
        assertThat(index.stateAt(e.block(), e.completingSeq()).get(Field.LOCK_HOLDER))
                .isEqualTo(e.writeId())
                .isNotZero();
        assertThat(e.window().brokenAtFirstRead()).isTrue();
        assertThat(e.patchedWouldWait()).isTrue();
        assertThat(e.ackTimeMicros()).isGreaterThan(e.timeMicros());
        assertThat(e.ackJitterMicros()).isPositive();
        assertThat(trace.kind(e.ackSeq())).isEqualTo(EventKind.WRITE_ACK);
        assertThat(e.story())
                .last()
                .isEqualTo(new StoryStep.AckArrived(
                        e.ackSeq(),
                        e.ackTimeMicros(),
                        e.writeId(),
                        trace.arg(e.ackSeq()),
                        e.ackTimeMicros() - e.timeMicros()));
        assertThat(e.story())
                .filteredOn(StoryStep.MarkedReadyDuringWrite.class::isInstance)
                .singleElement()
                .isEqualTo(new StoryStep.MarkedReadyDuringWrite(
                        e.completingSeq(),
                        trace.timeMicros(e.completingSeq()),
                        trace.actor(e.completingSeq()),
                        EventKind.PREFETCH_READY,
                        e.writeId()));
    }

    @Test
    void theDefaultReproducersFpre004IsAPrefetchRefillThatCompactionAskedForDuringTheLock() throws Exception {
        // The app opens the first attempt of fpre004-repro, base seed 1, that raises FPRE004.
        int first = 1;
        while (Simulator.run(Scenario.builtIn("fpre004-repro"), 1, first, PatchSwitches.NONE, false, Progress.NONE)
                        .stats()
                        .fpre004()
                == 0) {
            first++;
        }
        TraceIndex index = simulate(null, 1, first);
        Trace trace = index.trace();
        Fpre004Explanation e = Fpre004Explanation.explain(
                index, Fpre004Explanation.fpre004Seqs(index).get(0));
        assertThat(e.mechanism()).as("attempt " + first).isEqualTo(Mechanism.STORED_INCONSISTENCY);
        int ready = e.completingSeq();
        assertThat(trace.kind(ready)).isEqualTo(EventKind.PREFETCH_READY);
        int fill = ready;
        while (trace.kind(fill) != EventKind.PREFETCH_START) {
            fill = trace.cause(fill);
        }
        assertThat(trace.kind(trace.cause(fill)).name())
                .as("what started the fill")
                .startsWith("COMPACT_");
        assertThat(e.story())
                .filteredOn(StoryStep.CompactionAskedRefill.class::isInstance)
                .singleElement()
                .isEqualTo(new StoryStep.CompactionAskedRefill(
                        fill,
                        trace.timeMicros(fill),
                        trace.actor(trace.cause(fill)),
                        trace.timeMicros(compactCopyBefore(trace, trace.cause(fill))),
                        trace.actor(fill),
                        false));
        assertThat(index.stateAt(e.block(), fill).get(Field.LOCK_HOLDER))
                .as("the write held the lock when the refill started")
                .isEqualTo(e.writeId());
    }

    @Test
    void compactionsRefreshCuttingAPrefetchFillShortDuringALockIsAStoredInconsistency() throws Exception {
        // Found by a search over fpre004-repro, base seed 1: compaction's refresh marked a FILLING
        // buffer READY while a late write still held the block's lock.
        TraceIndex index = simulate(null, 1, 26);
        Trace trace = index.trace();
        Fpre004Explanation e = Fpre004Explanation.explain(index, 5679);
        assertThat(e.block()).isEqualTo(78);
        assertThat(e.mechanism()).isEqualTo(Mechanism.STORED_INCONSISTENCY);
        assertThat(trace.kind(e.completingSeq())).isEqualTo(EventKind.COMPACT_REFRESH);
        assertThat(index.stateAt(e.block(), e.completingSeq() - 1).get(Field.CACHE_STATE))
                .as("a prefetch fill was in flight")
                .isEqualTo(CacheState.FILLING.ordinal());
        assertThat(index.stateAt(e.block(), e.completingSeq()).get(Field.LOCK_HOLDER))
                .isNotZero();
        assertThat(e.story())
                .filteredOn(StoryStep.FillStarted.class::isInstance)
                .singleElement()
                .satisfies(s -> {
                    assertThat(trace.kind(s.seq())).isEqualTo(EventKind.PREFETCH_START);
                    assertThat(((StoryStep.FillStarted) s).cutShortByRefresh()).isTrue();
                });
        assertThat(e.story())
                .filteredOn(StoryStep.CompactionCopyBegan.class::isInstance)
                .singleElement()
                .satisfies(s -> assertThat(trace.kind(s.seq())).isEqualTo(EventKind.COMPACT_COPY));
        assertThat(e.story())
                .filteredOn(StoryStep.RefreshMarkedReady.class::isInstance)
                .singleElement()
                .isEqualTo(new StoryStep.RefreshMarkedReady(
                        e.completingSeq(),
                        trace.timeMicros(e.completingSeq()),
                        trace.actor(e.completingSeq()),
                        EventKind.COMPACT_REFRESH,
                        index.stateAt(e.block(), e.completingSeq()).get(Field.LOCK_HOLDER)));
        assertThat(Fpre004Text.of(e).switchNotes())
                .filteredOn(n -> n.name().equals("barrier"))
                .singleElement()
                .extracting(Fpre004Text.SwitchNote::here)
                .asString()
                .contains("compaction");
    }

    /** The COMPACT_COPY that began the compaction pass of {@code seq}, following causes back. */
    private static int compactCopyBefore(Trace trace, int seq) {
        int s = seq;
        while (trace.kind(s) != EventKind.COMPACT_COPY) {
            s = trace.cause(s);
        }
        return s;
    }

    // ---- hand-built traces: one block, two writes' worth of events, every change recorded

    /** Block 0 READY at version 1 with no write; the verifier reads cacheState at 100 µs. */
    private static TraceBuilder readyBlock() {
        TraceBuilder b = new TraceBuilder(RaceTraceFixture.header());
        b.event(0, 0, 0, "system", EventKind.BLOCK_INIT, Field.VERSION, 0, 1, -1, 0);
        b.event(0, 0, 0, "system", EventKind.BLOCK_INIT, Field.CHECKSUM, 0, 101, -1, 0);
        b.event(10, 0, 0, "prefetch@n0", EventKind.PREFETCH_FILL, Field.CACHE_VERSION, 0, 1, -1, 1);
        b.event(20, 0, 0, "prefetch@n0", EventKind.PREFETCH_READY, Field.CACHE_STATE, 0, READY, -1, 1);
        return b;
    }

    @Test
    void theMomentInsideAWritesInstantBeforeItInvalidatesTheBufferDoesNotCountAsStored() {
        TraceBuilder b = readyBlock();
        int begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        int c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        // One instant: lock, pending (READY and pending for one step), invalidate.
        b.event(110, 0, 0, "writer@n0", EventKind.WRITE_LOCK, Field.LOCK_HOLDER, 0, 7, -1, 7);
        int pending = b.event(110, 0, 0, "writer@n0", EventKind.WRITE_PENDING, Field.LAST_WRITE_PENDING, 0, 1, -1, 7);
        b.event(110, 0, 0, "writer@n0", EventKind.CACHE_INVALIDATE, Field.CACHE_STATE, READY, INVALID, -1, 7);
        int c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.LAST_WRITE_PENDING, 1, 1, c1, 5);
        int fpre = b.event(120, 0, 0, "verifier@n0", EventKind.FPRE004, Field.LAST_WRITE_PENDING, 1, 1, c2, 5);
        TraceIndex index = TraceIndex.build(b.build(), Progress.NONE);
        Fpre004Explanation e = Fpre004Explanation.explain(index, fpre);
        assertThat(e.mechanism()).isEqualTo(Mechanism.TORN_READ);
        assertThat(e.tearSeq()).isEqualTo(pending);
        assertThat(e.writeId()).isEqualTo(7);
    }

    @Test
    void aBufferMarkedReadyBetweenTheReadsWhileTheWriteHoldsTheLockIsStored() {
        TraceBuilder b = readyBlock();
        int begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        int c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        b.event(110, 0, 0, "writer@n0", EventKind.WRITE_LOCK, Field.LOCK_HOLDER, 0, 7, -1, 7);
        b.event(110, 0, 0, "writer@n0", EventKind.WRITE_PENDING, Field.LAST_WRITE_PENDING, 0, 1, -1, 7);
        b.event(110, 0, 0, "writer@n0", EventKind.CACHE_INVALIDATE, Field.CACHE_STATE, READY, INVALID, -1, 7);
        int again = b.event(
                115, 0, 0, "compaction@n0", EventKind.COMPACT_REFRESH, Field.CACHE_STATE, INVALID, READY, -1, 1);
        int c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.LAST_WRITE_PENDING, 1, 1, c1, 5);
        int fpre = b.event(120, 0, 0, "verifier@n0", EventKind.FPRE004, Field.LAST_WRITE_PENDING, 1, 1, c2, 5);
        Fpre004Explanation e = Fpre004Explanation.explain(TraceIndex.build(b.build(), Progress.NONE), fpre);
        assertThat(e.mechanism()).isEqualTo(Mechanism.STORED_INCONSISTENCY);
        assertThat(e.completingSeq()).isEqualTo(again);
        assertThat(e.window().brokenAtFirstRead()).isFalse();
        assertThat(e.window().brokenAtExposingRead()).isTrue();
    }

    @Test
    void aWriteLandingBetweenTheCacheVersionAndChecksumReadsIsATornStaleRead() {
        TraceBuilder b = readyBlock();
        int begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        int c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        int c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_VERSION, 1, 1, c1, 5);
        int landed = b.event(130, 0, 0, "writer@n0", EventKind.WRITE_MEDIA, Field.VERSION, 1, 2, -1, 8);
        b.event(130, 0, 0, "writer@n0", EventKind.WRITE_MEDIA, Field.CHECKSUM, 101, 202, -1, 8);
        b.event(130, 0, 0, "writer@n0", EventKind.CACHE_INVALIDATE, Field.CACHE_STATE, READY, INVALID, -1, 8);
        int c3 = b.event(140, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CHECKSUM, 202, 202, c2, 5);
        int fpre = b.event(140, 0, 0, "verifier@n0", EventKind.FPRE004, Field.CHECKSUM, 202, 202, c3, 5);
        Fpre004Explanation e = Fpre004Explanation.explain(TraceIndex.build(b.build(), Progress.NONE), fpre);
        assertThat(e.pairKind()).isEqualTo(PairKind.STALE_VERSION);
        assertThat(e.mechanism()).isEqualTo(Mechanism.TORN_READ);
        assertThat(e.tearSeq()).isEqualTo(landed);
        assertThat(Fpre004Text.of(e).headline()).contains("landed between");
    }

    @Test
    void aReadyBufferOfAnOlderVersionThanTheMediaIsAStoredStaleVersion() {
        TraceBuilder b = readyBlock();
        int landed = b.event(50, 0, 0, "writer@n0", EventKind.WRITE_MEDIA, Field.VERSION, 1, 2, -1, 8);
        b.event(50, 0, 0, "writer@n0", EventKind.WRITE_MEDIA, Field.CHECKSUM, 101, 202, -1, 8);
        int begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        int c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        int c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_VERSION, 1, 1, c1, 5);
        int c3 = b.event(140, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CHECKSUM, 202, 202, c2, 5);
        int fpre = b.event(140, 0, 0, "verifier@n0", EventKind.FPRE004, Field.CHECKSUM, 202, 202, c3, 5);
        Fpre004Explanation e = Fpre004Explanation.explain(TraceIndex.build(b.build(), Progress.NONE), fpre);
        assertThat(e.mechanism()).isEqualTo(Mechanism.STORED_INCONSISTENCY);
        assertThat(e.completingSeq()).isEqualTo(landed);
        assertThat(e.patchedOutcome()).isEqualTo(Fpre004Explanation.PatchedOutcome.FAILS_TOO);
    }

    @Test
    void aReadTheTraceDoesNotBackLeavesTheMechanismUndeterminedAndSaysWhy() {
        TraceBuilder b = readyBlock();
        int begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        int c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        // No write recorded, yet the verifier reads a pending write.
        int c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.LAST_WRITE_PENDING, 1, 1, c1, 5);
        int fpre = b.event(120, 0, 0, "verifier@n0", EventKind.FPRE004, Field.LAST_WRITE_PENDING, 1, 1, c2, 5);
        Fpre004Explanation e = Fpre004Explanation.explain(TraceIndex.build(b.build(), Progress.NONE), fpre);
        assertThat(e.mechanism()).isEqualTo(Mechanism.UNDETERMINED);
        assertThat(Fpre004Text.of(e).summary())
                .contains("cannot be told", "lastWritePending=true at step " + c2, "records lastWritePending=false");
        assertThat(Fpre004Text.of(e).headline()).doesNotContain("Stored", "Torn");
    }
}
