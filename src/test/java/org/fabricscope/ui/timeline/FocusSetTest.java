package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.ActorKind;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The focus of an FPRE004, on real simulated traces: which lanes, which time range. */
class FocusSetTest {
    /** The committed legacy reproduction (seed 1, attempt 6): one FPRE004, a stored inconsistency. */
    static final Path LEGACY = Path.of("sample-traces/fpre004-repro-legacy.jsonl");

    private static Trace legacy;
    private static TraceIndex legacyIndex;

    @BeforeAll
    static void read() throws Exception {
        legacy = TraceReader.read(LEGACY, Progress.NONE);
        legacyIndex = TraceIndex.build(legacy, Progress.NONE);
    }

    private static int onlyFpre004(TraceIndex index) {
        int seq = index.nextOfKind(EventKind.FPRE004, -1);
        assertThat(seq).as("an FPRE004 in the trace").isNotNegative();
        return seq;
    }

    @Test
    void theWindowOfAStoredInconsistencyStartsAtTheLockOfTheWriteTheVerifierSawPending() {
        int fpre = onlyFpre004(legacyIndex);
        FocusSet f = FocusSet.of(legacy, legacyIndex, fpre);

        assertThat(f.block()).isEqualTo(legacy.block(fpre));
        assertThat(legacy.kind(f.writeLockSeq())).isEqualTo(EventKind.WRITE_LOCK);
        assertThat(legacy.block(f.writeLockSeq())).isEqualTo(f.block());
        // The lock the verifier saw is the last lock change before the FPRE004, and still held.
        assertThat(f.writeLockSeq()).isEqualTo(legacyIndex.lastChange(f.block(), Field.LOCK_HOLDER, fpre));
        assertThat(legacyIndex.stateAt(f.block(), fpre).get(Field.LAST_WRITE_PENDING))
                .isEqualTo(1);
        assertThat(legacy.kind(f.verifyBeginSeq())).isEqualTo(EventKind.VERIFY_BEGIN);
        // Here the write locked long before the checks began: the window starts at the lock.
        assertThat(f.writeLockSeq()).isLessThan(f.verifyBeginSeq());
        assertThat(f.windowStartSeq()).isEqualTo(f.writeLockSeq());
    }

    @Test
    void theTimeRangeIsTheWindowWithASmallMarginOnEachSide() {
        int fpre = onlyFpre004(legacyIndex);
        FocusSet f = FocusSet.of(legacy, legacyIndex, fpre);
        long lock = legacy.timeMicros(f.writeLockSeq());
        long end = legacy.timeMicros(fpre);
        long margin = Math.max(FocusSet.MIN_MARGIN_MICROS, Math.round((end - lock) * FocusSet.MARGIN_FRACTION));

        assertThat(f.fromMicros()).isEqualTo(lock - margin);
        assertThat(f.toMicros()).isEqualTo(end + margin);
        assertThat(margin).isLessThan((end - lock) / 10);
    }

    @Test
    void theLanesAreTheBlockFirstThenTheBlocksCausallyLinkedToItThenItsActorsPerNode() {
        int fpre = onlyFpre004(legacyIndex);
        FocusSet f = FocusSet.of(legacy, legacyIndex, fpre);
        int block = f.block();

        assertThat(f.blocks().get(0)).isEqualTo(block);
        // Every event on the block in the window has its actor's lane on its node, and so has its
        // cause; no other lane is there.
        Set<FocusSet.ActorLane> expected = new HashSet<>();
        Set<Integer> linked = new HashSet<>();
        for (int seq = f.windowStartSeq(); seq <= fpre; seq++) {
            int cause = legacy.cause(seq);
            if (legacy.block(seq) == block) {
                expected.add(new FocusSet.ActorLane(legacy.kind(seq).actorKind(), legacy.node(seq)));
                if (cause >= 0) {
                    expected.add(new FocusSet.ActorLane(legacy.kind(cause).actorKind(), legacy.node(cause)));
                }
                if (cause >= 0 && legacy.block(cause) >= 0 && legacy.block(cause) != block) {
                    linked.add(legacy.block(cause));
                }
            } else if (legacy.block(seq) >= 0 && cause >= 0 && legacy.block(cause) == block) {
                linked.add(legacy.block(seq));
            }
        }
        assertThat(f.actorLanes()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(f.blocks().subList(1, f.blocks().size()))
                .containsExactlyInAnyOrderElementsOf(linked)
                .isSorted();
        // On this trace: the write path, the verifier and prefetch on the block's node, and the
        // neighbour whose read started the prefetch that marked the cache READY.
        int node = legacy.header().topology().block(block).node();
        assertThat(f.actorLanes())
                .contains(
                        new FocusSet.ActorLane(ActorKind.WRITE_PATH, node),
                        new FocusSet.ActorLane(ActorKind.VERIFIER, node),
                        new FocusSet.ActorLane(ActorKind.PREFETCH, node));
        assertThat(f.blocks()).hasSizeGreaterThan(1);
        // The client that issued the write (on the block's node) and the one whose misaligned read
        // on a neighbour started the check.
        assertThat(f.actorLanes()).extracting(FocusSet.ActorLane::kind).contains(ActorKind.CLIENT);
    }

    @Test
    void aTornReadsWindowStartsAtTheVerifiersFirstCheckBeforeTheWriteSlippedIn() throws Exception {
        // The torn read from the issue: fpre004-repro, seed 1, attempt 27, no ACK jitter. The write
        // locked the block between the verifier's read of cacheState and its read of lastWritePending.
        Scenario scenario = Scenario.builtIn("fpre004-repro").with("ackJitterMicrosMax", "0");
        SimulationResult r = Simulator.run(scenario, 1, 27, PatchSwitches.NONE, true, Progress.NONE);
        Trace trace = r.trace();
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        int fpre = onlyFpre004(index);
        FocusSet f = FocusSet.of(trace, index, fpre);

        assertThat(f.writeLockSeq()).as("a write held the block at the FPRE004").isNotNegative();
        assertThat(f.writeLockSeq()).isGreaterThan(f.verifyBeginSeq());
        assertThat(f.windowStartSeq()).isEqualTo(f.verifyBeginSeq());
        assertThat(f.fromMicros()).isLessThan(trace.timeMicros(f.verifyBeginSeq()));
        assertThat(f.toMicros()).isGreaterThan(trace.timeMicros(fpre));
        assertThat(f.actorLanes())
                .extracting(FocusSet.ActorLane::kind)
                .contains(ActorKind.WRITE_PATH, ActorKind.VERIFIER);
    }

    @Test
    void focusGroupsShowTheBlocksThenTheActorsAndNameTheFpre004() {
        int fpre = onlyFpre004(legacyIndex);
        FocusSet f = FocusSet.of(legacy, legacyIndex, fpre);
        var groups = f.groups(legacy);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).title()).contains("FPRE004 #" + fpre).contains("block " + f.block());
        assertThat(groups.get(0).lanes()).extracting(LaneLayout.Lane::id).containsExactlyElementsOf(f.blocks());
        assertThat(groups.get(1).lanes())
                .allSatisfy(l -> assertThat(l.kind()).isEqualTo(LaneLayout.LaneKind.ACTOR_NODE));
        assertThat(f.actorNodeLaneIds()).hasSize(f.actorLanes().size()).isSorted();
    }

    @Test
    void onlyAnFpre004CanBeFocused() {
        assertThatThrownBy(() -> FocusSet.of(legacy, legacyIndex, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
