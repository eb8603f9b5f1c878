package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeTicksTest {
    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(TimeTicks.niceStepMicros(1, 90)).isEqualTo(100);
        assertThat(TimeTicks.niceStepMicros(1.5, 90)).isEqualTo(200);
        assertThat(TimeTicks.niceStepMicros(30, 90)).isEqualTo(5000);
        assertThat(TimeTicks.niceStepMicros(0.01, 90)).isEqualTo(1);
    }

    @Test
    void labelsUseTheUnitOfTheStep() {
        assertThat(TimeTicks.label(500, 100)).isEqualTo("500 µs");
        assertThat(TimeTicks.label(2500, 500)).isEqualTo("2.5 ms");
        assertThat(TimeTicks.label(14_000, 2000)).isEqualTo("14 ms");
        assertThat(TimeTicks.label(3_000_000, 1_000_000)).isEqualTo("3 s");
    }

    @Test
    void formatPicksAReadableUnit() {
        assertThat(TimeTicks.format(850)).isEqualTo("850 µs");
        assertThat(TimeTicks.format(7300)).isEqualTo("7.300 ms");
        assertThat(TimeTicks.format(2_500_000)).isEqualTo("2.500000 s");
    }

    @Test
    void tooltipsAndTablesUseMillisecondsWithMicrosecondPrecision() {
        assertThat(TimeTicks.millis(82_707)).isEqualTo("82.707 ms");
        assertThat(TimeTicks.millis(850)).isEqualTo("0.850 ms");
        assertThat(TimeTicks.millis(2_500_000)).isEqualTo("2500.000 ms");
        assertThat(TimeTicks.millis(-5)).isEqualTo("-0.005 ms");
    }
}
