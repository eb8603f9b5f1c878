package org.fabricscope.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.fabricscope.replay.explain.RaceTraceFixture;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

/** What a breakpoint's words mean: writes against reads, block-state conditions, sequences, disabling. */
class BreakpointSemanticsTest {
    private static final Trace RACE = RaceTraceFixture.build();
    private static final TraceIndex RACE_INDEX = TraceIndex.build(RACE, Progress.NONE);
    private static final Trace RANDOM = RandomTraces.generate(91, 12_000, 6);
    private static final TraceIndex RANDOM_INDEX = TraceIndex.build(RANDOM, Progress.NONE);
    private static final int READY = CacheState.READY.ordinal();

    private static List<Integer> hits(Breakpoint b, TraceIndex index) {
        List<Integer> out = new ArrayList<>();
        BreakpointSet set = BreakpointSet.of(b);
        for (int s = set.nextHit(index, -1); s >= 0; s = set.nextHit(index, s)) {
            out.add(s);
        }
        return out;
    }

    @Test
    void settingAValueStopsAtTheWriteNotAtTheVerifierReadingIt() {
        Breakpoint sets = Breakpoint.onValue(RaceTraceFixture.BLOCK, Field.CACHE_STATE, READY);
        assertThat(hits(sets, RACE_INDEX)).containsExactly(RaceTraceFixture.PREFETCH_READY);
        assertThat(sets.describe()).isEqualTo("any event on block 2 setting cacheState = READY");
    }

    @Test
    void readingAValueStopsAtTheVerifierChecksThatSawIt() {
        Breakpoint reads = Breakpoint.onValue(RaceTraceFixture.BLOCK, Field.CACHE_STATE, READY)
                .withAccess(Breakpoint.Access.READS);
        assertThat(hits(reads, RACE_INDEX)).containsExactly(RaceTraceFixture.CHECK_CACHE_STATE, 37);
        assertThat(reads.describe()).contains("reading cacheState = READY");
        Breakpoint either = reads.withAccess(Breakpoint.Access.ANY);
        assertThat(hits(either, RACE_INDEX))
                .containsExactly(RaceTraceFixture.PREFETCH_READY, RaceTraceFixture.CHECK_CACHE_STATE, 37);
    }

    @Test
    void writesAndReadsSplitEveryTouchOfAFieldOnARandomTrace() {
        for (int v = 0; v < 4; v++) {
            Breakpoint any = Breakpoint.any().withField(Field.CACHE_STATE).withValue(v);
            List<Integer> writes = hits(any.withAccess(Breakpoint.Access.WRITES), RANDOM_INDEX);
            List<Integer> reads = hits(any.withAccess(Breakpoint.Access.READS), RANDOM_INDEX);
            for (int s : writes) {
                assertThat(RANDOM_INDEX.isStateChange(s)).as("write %d", s).isTrue();
            }
            for (int s : reads) {
                assertThat(RANDOM.kind(s)).as("read %d", s).isIn(EventKind.VERIFY_CHECK, EventKind.FPRE004);
            }
            List<Integer> both = new ArrayList<>(writes);
            both.addAll(reads);
            both.sort(null);
            assertThat(hits(any, RANDOM_INDEX)).isEqualTo(both);
        }
    }

    @Test
    void aConditionIsEvaluatedOnTheBlocksStateAfterTheStep() {
        Breakpoint b = Breakpoint.onKind(EventKind.VERIFY_CHECK)
                .withCondition(StateCondition.parse("cacheState=READY && lastWritePending"));
        // Checks 22, 25 and 28 run while the write is pending; 37 and 38 after its release.
        assertThat(hits(b, RACE_INDEX))
                .containsExactly(
                        RaceTraceFixture.CHECK_CACHE_STATE,
                        RaceTraceFixture.CHECK_CACHE_VERSION,
                        RaceTraceFixture.CHECK_PENDING);
        Breakpoint after =
                Breakpoint.onKind(EventKind.VERIFY_CHECK).withCondition(StateCondition.parse("!lastWritePending"));
        assertThat(hits(after, RACE_INDEX)).containsExactly(37, 38, 43);
    }

    @Test
    void conditionsAgreeWithTheTrueStateOnARandomTrace() {
        StateCondition c = StateCondition.parse("cacheState=READY && lastWritePending && health!=QUARANTINED");
        Breakpoint b = Breakpoint.any().withCondition(c);
        List<Integer> expected = new ArrayList<>();
        for (int s = 0; s < RANDOM.size(); s++) {
            int block = RANDOM.block(s);
            if (block >= 0 && c.holds(RANDOM_INDEX.stateAt(block, s))) {
                expected.add(s);
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(hits(b, RANDOM_INDEX)).isEqualTo(expected);
    }

    @Test
    void aSequenceStopsAtTheSecondEventOnlyBetweenTheFirstAndTheEnd() {
        Breakpoint b =
                Breakpoint.onKind(EventKind.PREFETCH_READY).withSequence(EventKind.WRITE_LOCK, EventKind.WRITE_RELEASE);
        assertThat(hits(b, RACE_INDEX))
                .containsExactly(RaceTraceFixture.PREFETCH_READY_VERSION, RaceTraceFixture.PREFETCH_READY);
        assertThat(b.describe())
                .isEqualTo("PREFETCH_READY after a WRITE_LOCK on its block and before the WRITE_RELEASE");
        // No lock before the verifier's later checks on block 2 is still open: the release closed it.
        Breakpoint checks = Breakpoint.onKind(EventKind.VERIFY_CHECK)
                .withBlock(2)
                .withSequence(EventKind.WRITE_LOCK, EventKind.WRITE_RELEASE);
        assertThat(hits(checks, RACE_INDEX))
                .containsExactly(
                        RaceTraceFixture.CHECK_CACHE_STATE,
                        RaceTraceFixture.CHECK_CACHE_VERSION,
                        RaceTraceFixture.CHECK_PENDING);
    }

    /** The sequence by its definition: scan the whole trace back from each event. */
    private static boolean naiveSequence(Trace t, int seq, EventKind kind, EventKind first, EventKind end) {
        if (t.kind(seq) != kind || t.block(seq) < 0) {
            return false;
        }
        for (int p = seq - 1; p >= 0; p--) {
            if (t.block(p) != t.block(seq)) {
                continue;
            }
            if (t.kind(p) == end) {
                return false;
            }
            if (t.kind(p) == first) {
                return true;
            }
        }
        return false;
    }

    @Test
    void sequencesAgreeWithTheirDefinitionForwardBackwardAndBounded() {
        EventKind[][] cases = {
            {EventKind.PREFETCH_READY, EventKind.WRITE_LOCK, EventKind.WRITE_RELEASE},
            {EventKind.VERIFY_CHECK, EventKind.WRITE_LOCK, EventKind.WRITE_RELEASE},
            {EventKind.VERIFY_CHECK, EventKind.PREFETCH_READY, null},
            {EventKind.WRITE_LOCK, EventKind.WRITE_LOCK, EventKind.WRITE_RELEASE},
        };
        NaiveReplay naive = new NaiveReplay(RANDOM);
        for (EventKind[] c : cases) {
            for (int block : new int[] {-1, 3}) {
                Breakpoint b = Breakpoint.onKind(c[0]).withSequence(c[1], c[2]).withBlock(block);
                BreakpointSet set = BreakpointSet.of(b);
                boolean[] is = new boolean[RANDOM.size()];
                for (int s = 0; s < is.length; s++) {
                    is[s] = naiveSequence(RANDOM, s, c[0], c[1], c[2]) && (block < 0 || RANDOM.block(s) == block);
                }
                java.util.function.IntPredicate def = s -> is[s];
                for (int from = -1; from <= RANDOM.size(); from += 97) {
                    int f = from;
                    assertThat(set.nextHit(RANDOM_INDEX, f))
                            .as("next %s from %d", b.toSpec(), f)
                            .isEqualTo(naive.next(def, f));
                    assertThat(set.prevHit(RANDOM_INDEX, f))
                            .as("prev %s from %d", b.toSpec(), f)
                            .isEqualTo(naive.prev(def, f));
                    int next = naive.next(def, f);
                    int limit = f + 300;
                    assertThat(set.nextHit(RANDOM_INDEX, f, limit))
                            .as("bounded")
                            .isEqualTo(next >= 0 && next < limit ? next : -1);
                }
            }
        }
    }

    @Test
    void aDisabledBreakpointStaysInTheSetButNeverStops() {
        Breakpoint off = Breakpoint.fpre004().withEnabled(false);
        BreakpointSet set = BreakpointSet.of(off);
        assertThat(set.breakpoints()).containsExactly(off);
        assertThat(set.nextHit(RACE_INDEX, -1)).isEqualTo(-1);
        assertThat(set.prevHit(RACE_INDEX, RACE.size())).isEqualTo(-1);
        assertThat(set.matches(RACE_INDEX, RaceTraceFixture.FPRE004)).isFalse();
        assertThat(off.describe()).endsWith("(disabled)");
        assertThat(BreakpointSet.of(off, Breakpoint.fpre004().withBlock(3)).nextHit(RACE_INDEX, -1))
                .isEqualTo(RaceTraceFixture.SECOND_FPRE004);
    }

    @Test
    void theHitNamesTheFirstEnabledBreakpointThatMatches() {
        Breakpoint a = Breakpoint.fpre004().withEnabled(false);
        Breakpoint b = Breakpoint.any().withBlock(RaceTraceFixture.BLOCK).withField(Field.LAST_WRITE_PENDING);
        assertThat(BreakpointSet.of(a, b).hitAt(RACE_INDEX, RaceTraceFixture.FPRE004))
                .isEqualTo(b);
        assertThat(BreakpointSet.of(a, b).hitAt(RACE_INDEX, RaceTraceFixture.READ_FAIL))
                .isNull();
    }

    @Test
    void everyKindOfBreakpointRoundTripsThroughItsTextForm() {
        List<Breakpoint> all = List.of(
                Breakpoint.fpre004(),
                Breakpoint.any(),
                Breakpoint.onValue(82, Field.CACHE_STATE, CacheState.INVALID.ordinal()),
                Breakpoint.onValue(82, Field.CACHE_STATE, CacheState.INVALID.ordinal())
                        .withAccess(Breakpoint.Access.READS),
                Breakpoint.any().withField(Field.HEALTH),
                Breakpoint.any()
                        .withField(Field.LAST_WRITE_PENDING)
                        .withValue(0)
                        .withAccess(Breakpoint.Access.WRITES),
                Breakpoint.onKind(EventKind.VERIFY_CHECK)
                        .withActor("verifier@n1")
                        .withCondition(
                                StateCondition.parse("cacheState = ready && lastWritePending && lockHolder != 0")),
                Breakpoint.onKind(EventKind.PREFETCH_READY)
                        .withBlock(82)
                        .withSequence(EventKind.WRITE_LOCK, EventKind.WRITE_RELEASE)
                        .withEnabled(false),
                Breakpoint.onKind(EventKind.VERIFY_CHECK).withSequence(EventKind.PREFETCH_READY, null),
                Breakpoint.any().withActor("odd; actor \\ name\nwith a newline"));
        for (Breakpoint b : all) {
            assertThat(Breakpoint.parse(b.toSpec())).as(b.toSpec()).isEqualTo(b);
        }
        BreakpointSet set = BreakpointSet.of(all.toArray(new Breakpoint[0]));
        assertThat(BreakpointSet.parse(set.toSpec())).isEqualTo(set);
        assertThat(set.toSpec().lines().count()).isEqualTo(all.size());
    }

    @Test
    void theTextFormIsShortAndReadable() {
        Breakpoint b = Breakpoint.onKind(EventKind.PREFETCH_READY)
                .withBlock(82)
                .withSequence(EventKind.WRITE_LOCK, EventKind.WRITE_RELEASE)
                .withCondition(StateCondition.parse("cacheState=READY&&lastWritePending=true"));
        assertThat(b.toSpec())
                .isEqualTo(
                        "PREFETCH_READY; block 82; after WRITE_LOCK; before WRITE_RELEASE; when cacheState=READY && lastWritePending");
        assertThat(Breakpoint.onValue(3, Field.CACHE_STATE, CacheState.INVALID.ordinal())
                        .toSpec())
                .isEqualTo("any; block 3; sets cacheState = INVALID");
    }

    @Test
    void badTextFormsAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> Breakpoint.parse("PREFETCH_REDY"))
                .hasMessageContaining("Unknown event kind 'PREFETCH_REDY'");
        assertThatThrownBy(() -> Breakpoint.parse("any; block x")).hasMessageContaining("block number, not 'x'");
        assertThatThrownBy(() -> Breakpoint.parse("any; sets cachestate = READY"))
                .hasMessageContaining("Unknown field 'cachestate'");
        assertThatThrownBy(() -> Breakpoint.parse("any; colour red")).hasMessageContaining("Unknown part 'colour red'");
        assertThatThrownBy(() -> Breakpoint.parse("any; before WRITE_RELEASE"))
                .hasMessageContaining("say what starts it");
        assertThatThrownBy(() -> BreakpointSet.parse("FPRE004\n\n# mine\nany; when cacheState=BLUE"))
                .hasMessageStartingWith("line 4: ")
                .hasMessageContaining("EMPTY, FILLING, READY, INVALID");
    }

    @Test
    void badConditionsSayWhatIsWrong() {
        assertThatThrownBy(() -> StateCondition.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> StateCondition.parse("cachState=READY"))
                .hasMessageContaining("Unknown field 'cachState'")
                .hasMessageContaining("cacheState");
        assertThatThrownBy(() -> StateCondition.parse("cacheState"))
                .hasMessageContaining("not true/false")
                .hasMessageContaining("cacheState=");
        assertThatThrownBy(() -> StateCondition.parse("cacheState=READY &&")).hasMessageContaining("each side of &&");
        assertThatThrownBy(() -> StateCondition.parse("cacheState=")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> StateCondition.parse("version=1.5"))
                .hasMessageContaining("version is an integer, not '1.5'");
        assertThatThrownBy(() -> StateCondition.parse("cacheState=READY || lastWritePending"))
                .hasMessageContaining("one comparison");
        assertThat(StateCondition.parse("lastWritePending=false")).isEqualTo(StateCondition.parse("!lastWritePending"));
    }
}
