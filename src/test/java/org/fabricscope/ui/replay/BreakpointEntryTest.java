package org.fabricscope.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fabricscope.replay.explain.RaceTraceFixture;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

class BreakpointEntryTest {
    private final Trace trace = RaceTraceFixture.build();

    @Test
    void defaultBreakpointMatchesEveryFpre004AndNothingElse() {
        int matches = 0;
        for (int s = 0; s < trace.size(); s++) {
            if (BreakpointEntry.FPRE004.matches(trace, s)) {
                matches++;
            }
        }
        assertThat(matches).isEqualTo(2);
        assertThat(BreakpointEntry.FPRE004.matches(trace, RaceTraceFixture.FPRE004)).isTrue();
    }

    @Test
    void everySetPartMustAgree() {
        BreakpointEntry readyOnBlock2 = new BreakpointEntry(null, 2, "prefetch@n1", Field.CACHE_STATE, CacheState.READY.ordinal());
        assertThat(readyOnBlock2.matches(trace, RaceTraceFixture.PREFETCH_READY)).isTrue();
        assertThat(readyOnBlock2.matches(trace, RaceTraceFixture.PREFETCH_START)).isFalse(); // FILLING, not READY
        assertThat(readyOnBlock2.matches(trace, RaceTraceFixture.CHECK_CACHE_STATE)).isFalse(); // the verifier, not prefetch
    }

    @Test
    void valuesParseByFieldType() {
        assertThat(BreakpointEntry.parseValue(Field.CACHE_STATE, "ready")).isEqualTo(CacheState.READY.ordinal());
        assertThat(BreakpointEntry.parseValue(Field.LAST_WRITE_PENDING, "true")).isEqualTo(1);
        assertThat(BreakpointEntry.parseValue(Field.VERSION, "17")).isEqualTo(17);
        assertThatThrownBy(() -> BreakpointEntry.parseValue(Field.CACHE_STATE, "clean"))
                .hasMessageContaining("EMPTY, FILLING, READY, INVALID");
    }

    @Test
    void describesItselfByItsSetParts() {
        assertThat(new BreakpointEntry(null, 3, null, Field.CACHE_STATE, 2)).hasToString("block 3 · cacheState=READY");
    }
}
