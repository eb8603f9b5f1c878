package org.fabricscope.replay.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

class EventTextTest {
    private final Trace trace = RaceTraceFixture.build();

    @Test
    void millisecondsKeepMicrosecondPrecision() {
        assertThat(EventText.millis(12_300)).isEqualTo("12.300 ms");
        assertThat(EventText.millis(5)).isEqualTo("0.005 ms");
        assertThat(EventText.millis(-1_500)).isEqualTo("-1.500 ms");
    }

    @Test
    void stateChangeShowsOldAndNewValuesByFieldType() {
        assertThat(EventText.change(trace, RaceTraceFixture.PREFETCH_READY)).isEqualTo("cacheState FILLING → READY");
        assertThat(EventText.change(trace, RaceTraceFixture.WRITE_PENDING)).isEqualTo("lastWritePending false → true");
    }

    @Test
    void checkShowsTheValueRead() {
        assertThat(EventText.change(trace, RaceTraceFixture.CHECK_CACHE_STATE)).isEqualTo("cacheState = READY");
    }

    @Test
    void ackArgumentIsItsJitter() {
        assertThat(EventText.arg(trace, RaceTraceFixture.WRITE_ACK)).isEqualTo("jitter 7.300 ms");
        assertThat(EventText.arg(trace, RaceTraceFixture.READ_ISSUE)).isEqualTo("txn 501");
    }
}
