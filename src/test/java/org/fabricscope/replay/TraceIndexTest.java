package org.fabricscope.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.junit.jupiter.api.Test;

class TraceIndexTest {
    private static final Trace TRACE = RandomTraces.generate(2024, 6_000, 6);
    private static final NaiveReplay NAIVE = new NaiveReplay(TRACE);

    private static TraceIndex[] bothKindPaths() {
        return new TraceIndex[] {TraceIndex.build(TRACE, Progress.NONE), TraceIndex.build(TRACE, Progress.NONE, 0)};
    }

    @Test
    void stateAtEveryStepEqualsANaiveFoldFromTheStart() {
        TraceIndex index = TraceIndex.build(TRACE, Progress.NONE);
        int blocks = TRACE.header().topology().blockCount();
        int[][] folded = new int[blocks][Field.count()];
        for (int b = 0; b < blocks; b++) {
            assertThat(index.stateAt(b, -1)).isEqualTo(new BlockState(b, new int[Field.count()]));
        }
        for (int step = 0; step < TRACE.size(); step++) {
            if (NAIVE.isChange(step) && TRACE.block(step) >= 0) {
                folded[TRACE.block(step)][TRACE.fieldOrdinal(step)] = TRACE.newValue(step);
            }
            for (int b = 0; b < blocks; b++) {
                assertThat(index.stateAt(b, step))
                        .as("block %d at step %d", b, step)
                        .isEqualTo(new BlockState(b, folded[b]));
            }
        }
    }

    @Test
    void stepBackRestoresPreviousBlockState() {
        TraceIndex index = TraceIndex.build(TRACE, Progress.NONE);
        int seq = index.nextOfKind(EventKind.PREFETCH_READY, -1);
        int block = TRACE.block(seq);
        BlockState before = index.stateAt(block, seq - 1);
        BlockState after = index.stateAt(block, seq);
        assertThat(after.get(TRACE.field(seq))).isEqualTo(TRACE.newValue(seq));
        assertThat(before.get(TRACE.field(seq))).isEqualTo(TRACE.oldValue(seq));
        assertThat(index.stateAt(block, seq - 1)).isEqualTo(before);
    }

    @Test
    void lastChangeMatchesABackwardScan() {
        TraceIndex index = TraceIndex.build(TRACE, Progress.NONE);
        for (int step = -1; step < TRACE.size(); step += 7) {
            for (int b = 0; b < 6; b++) {
                for (Field f : Field.values()) {
                    assertThat(index.lastChange(b, f, step))
                            .as("%s of block %d at %d", f, b, step)
                            .isEqualTo(NAIVE.lastChange(b, f, step));
                }
            }
        }
    }

    @Test
    void blockNavigationMatchesALinearScan() {
        TraceIndex index = TraceIndex.build(TRACE, Progress.NONE);
        for (int b = 0; b < 6; b++) {
            int block = b;
            int n = 0;
            for (int from = -1; from <= TRACE.size(); from++) {
                assertThat(index.nextOfBlock(block, from)).isEqualTo(NAIVE.next(i -> TRACE.block(i) == block, from));
                assertThat(index.prevOfBlock(block, from)).isEqualTo(NAIVE.prev(i -> TRACE.block(i) == block, from));
                assertThat(index.nextTransitionOfBlock(block, from))
                        .isEqualTo(NAIVE.next(i -> TRACE.block(i) == block && NAIVE.isChange(i), from));
                assertThat(index.prevTransitionOfBlock(block, from))
                        .isEqualTo(NAIVE.prev(i -> TRACE.block(i) == block && NAIVE.isChange(i), from));
            }
            for (int i = 0; i < TRACE.size(); i++) {
                if (TRACE.block(i) == block) {
                    assertThat(index.blockEvent(block, n++)).isEqualTo(i);
                }
            }
            assertThat(index.blockEventCount(block)).isEqualTo(n);
        }
    }

    @Test
    void kindNavigationMatchesALinearScanWithAndWithoutSortedLists() {
        for (TraceIndex index : bothKindPaths()) {
            for (EventKind kind : EventKind.values()) {
                long count = java.util.stream.IntStream.range(0, TRACE.size())
                        .filter(i -> TRACE.kind(i) == kind)
                        .count();
                assertThat(index.countOfKind(kind)).isEqualTo((int) count);
                for (int from = -1; from <= TRACE.size(); from += 3) {
                    assertThat(index.nextOfKind(kind, from))
                            .as("next %s from %d", kind, from)
                            .isEqualTo(NAIVE.next(i -> TRACE.kind(i) == kind, from));
                    assertThat(index.prevOfKind(kind, from))
                            .as("prev %s from %d", kind, from)
                            .isEqualTo(NAIVE.prev(i -> TRACE.kind(i) == kind, from));
                }
            }
        }
    }

    @Test
    void rareKindsGetSortedListsAndTheBudgetZeroIndexHasNone() {
        TraceIndex index = TraceIndex.build(TRACE, Progress.NONE);
        assertThat(index.hasSortedListOf(EventKind.FPRE004)).isTrue();
        assertThat(index.hasSortedListOf(EventKind.READ_FAIL)).isTrue();
        TraceIndex none = TraceIndex.build(TRACE, Progress.NONE, 0);
        assertThat(none.hasSortedListOf(EventKind.FPRE004)).isEqualTo(none.countOfKind(EventKind.FPRE004) == 0);
    }

    @Test
    void effectsAreTheEventsNamingItAsCause() {
        TraceIndex index = TraceIndex.build(TRACE, Progress.NONE);
        for (int seq = 0; seq < TRACE.size(); seq += 5) {
            assertThat(Arrays.stream(index.effects(seq)).boxed().collect(Collectors.toList()))
                    .isEqualTo(NAIVE.effects(seq));
        }
    }

    @Test
    void emptyTraceAnswersNothing() {
        Trace empty = new TraceBuilder(RandomTraces.header(1, 3, 1, false)).build();
        TraceIndex index = TraceIndex.build(empty, Progress.NONE);
        assertThat(index.nextOfKind(EventKind.FPRE004, -1)).isEqualTo(-1);
        assertThat(index.prevOfKind(EventKind.FPRE004, 0)).isEqualTo(-1);
        assertThat(index.nextOfBlock(2, -1)).isEqualTo(-1);
        assertThat(index.stateAt(2, 5)).isEqualTo(new BlockState(2, new int[Field.count()]));
        assertThat(index.lastChange(1, Field.VERSION, 10)).isEqualTo(-1);
    }

    @Test
    void unknownBlockIsRefused() {
        TraceIndex index = TraceIndex.build(TRACE, Progress.NONE);
        assertThatThrownBy(() -> index.stateAt(6, 0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("no block 6");
    }

    @Test
    void buildReportsProgressAndCanBeCancelled() {
        Trace big = RandomTraces.generate(5, 300_000, 16);
        AtomicLong updates = new AtomicLong();
        TraceIndex.build(big, new Progress() {
            @Override
            public void update(long done, long total) {
                assertThat(done).isLessThanOrEqualTo(total);
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(updates.get()).isGreaterThan(3);
        assertThatThrownBy(() -> TraceIndex.build(big, new Progress() {
                    @Override
                    public void update(long done, long total) {}

                    @Override
                    public boolean isCancelled() {
                        return true;
                    }
                }))
                .isInstanceOf(CancelledException.class);
    }
}
