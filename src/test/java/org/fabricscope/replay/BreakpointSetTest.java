package org.fabricscope.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

class BreakpointSetTest {
    private static final Trace TRACE = RandomTraces.generate(77, 8_000, 8);
    private static final TraceIndex INDEX = TraceIndex.build(TRACE, Progress.NONE);
    private static final NaiveReplay NAIVE = new NaiveReplay(TRACE);

    private static void assertNavigationMatchesScan(BreakpointSet set) {
        for (int from = -1; from <= TRACE.size(); from += 13) {
            int f = from;
            assertThat(set.nextHit(INDEX, from))
                    .as("next from %d for %s", from, set)
                    .isEqualTo(NAIVE.next(i -> set.matches(INDEX, i), f));
            assertThat(set.prevHit(INDEX, from))
                    .as("prev from %d for %s", from, set)
                    .isEqualTo(NAIVE.prev(i -> set.matches(INDEX, i), f));
        }
    }

    @Test
    void aBoundedSearchFindsOnlyHitsBeforeItsLimit() {
        BreakpointSet set = BreakpointSet.of(
                Breakpoint.fpre004(),
                Breakpoint.onValue(2, Field.LAST_WRITE_PENDING, 1),
                Breakpoint.any().withActor("ack@n0"));
        for (int from = -1; from < TRACE.size(); from += 17) {
            int next = set.nextHit(INDEX, from);
            for (int limit : new int[] {from + 1, from + 5, from + 200, TRACE.size()}) {
                int expected = next >= 0 && next < limit ? next : -1;
                assertThat(set.nextHit(INDEX, from, limit))
                        .as("from %d before %d", from, limit)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void fpre004BreakpointStopsAtEachFpre004InTurn() {
        BreakpointSet set = BreakpointSet.of(Breakpoint.fpre004());
        int first = set.nextHit(INDEX, -1);
        assertThat(first).isGreaterThanOrEqualTo(0);
        assertThat(TRACE.kind(first)).isEqualTo(EventKind.FPRE004);
        int second = set.nextHit(INDEX, first);
        assertThat(second).isEqualTo(INDEX.nextOfKind(EventKind.FPRE004, first));
        assertThat(set.prevHit(INDEX, first + 1)).isEqualTo(first);
        assertThat(set.prevHit(INDEX, first)).isEqualTo(INDEX.prevOfKind(EventKind.FPRE004, first));
        assertNavigationMatchesScan(set);
    }

    @Test
    void conditionsAreAndedWithinABreakpoint() {
        Breakpoint b = Breakpoint.onKind(EventKind.PREFETCH_READY)
                .withBlock(3)
                .withField(Field.CACHE_STATE)
                .withValue(CacheState.READY.ordinal())
                .withActor("prefetch@n0");
        int hit = BreakpointSet.of(b).nextHit(INDEX, -1);
        assertThat(hit).isGreaterThanOrEqualTo(0);
        assertThat(TRACE.kind(hit)).isEqualTo(EventKind.PREFETCH_READY);
        assertThat(TRACE.block(hit)).isEqualTo(3);
        assertThat(TRACE.actor(hit)).isEqualTo("prefetch@n0");
        assertThat(TRACE.newValue(hit)).isEqualTo(CacheState.READY.ordinal());
        assertNavigationMatchesScan(BreakpointSet.of(b));
    }

    @Test
    void breakpointsInASetAreOred() {
        BreakpointSet set = BreakpointSet.of(Breakpoint.fpre004(), Breakpoint.onValue(2, Field.LAST_WRITE_PENDING, 1));
        assertNavigationMatchesScan(set);
        assertNavigationMatchesScan(BreakpointSet.of(Breakpoint.any().withActor("ack@n0")));
        assertNavigationMatchesScan(BreakpointSet.of(Breakpoint.any().withField(Field.HEALTH)));
        assertNavigationMatchesScan(
                BreakpointSet.of(Breakpoint.onKind(EventKind.VERIFY_CHECK).withBlock(5)));
    }

    @Test
    void breakpointOnAnUnknownActorNeverHits() {
        BreakpointSet set = BreakpointSet.of(Breakpoint.any().withActor("nobody"));
        assertThat(set.nextHit(INDEX, -1)).isEqualTo(-1);
        assertThat(set.prevHit(INDEX, TRACE.size())).isEqualTo(-1);
    }

    @Test
    void emptySetNeverHits() {
        assertThat(BreakpointSet.empty().nextHit(INDEX, -1)).isEqualTo(-1);
        assertThat(BreakpointSet.empty().prevHit(INDEX, TRACE.size())).isEqualTo(-1);
    }

    @Test
    void withAndWithoutReturnNewSetsWithoutDuplicates() {
        BreakpointSet one = BreakpointSet.empty().with(Breakpoint.fpre004());
        assertThat(one.with(Breakpoint.fpre004())).isSameAs(one);
        assertThat(one.without(Breakpoint.fpre004()).isEmpty()).isTrue();
        assertThat(one.breakpoints()).isEqualTo(List.of(Breakpoint.fpre004()));
        assertThat(BreakpointSet.empty().isEmpty()).isTrue();
    }

    @Test
    void valueWithoutFieldIsRefused() {
        assertThatThrownBy(() -> Breakpoint.any().withValue(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the field");
    }

    @Test
    void valuesParseAsPeopleWriteThem() {
        assertThat(Breakpoint.parseValue(Field.CACHE_STATE, "ready")).isEqualTo(CacheState.READY.ordinal());
        assertThat(Breakpoint.parseValue(Field.LAST_WRITE_PENDING, "true")).isEqualTo(1);
        assertThat(Breakpoint.parseValue(Field.VERSION, " 17 ")).isEqualTo(17);
        assertThatThrownBy(() -> Breakpoint.parseValue(Field.CACHE_STATE, "CLEAN"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EMPTY, FILLING, READY, INVALID");
    }

    @Test
    void describeNamesEveryCondition() {
        assertThat(Breakpoint.fpre004().withBlock(3).describe()).isEqualTo("FPRE004 on block 3");
        assertThat(Breakpoint.onValue(1, Field.CACHE_STATE, 2)
                        .withActor("prefetch@n0")
                        .describe())
                .isEqualTo("any event on block 1 by prefetch@n0 setting cacheState = READY");
    }
}
