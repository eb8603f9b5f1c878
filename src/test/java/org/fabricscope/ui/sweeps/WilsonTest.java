package org.fabricscope.ui.sweeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {
    @Test
    void intervalsMatchHandComputedWilsonScores() {
        // (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), z = 1.96: worked by hand (and the
        // textbook's 5 of 100 → 2.15 % .. 11.17 %).
        assertThat(Wilson.interval(5, 100)[0]).isCloseTo(0.021544, within(1e-6));
        assertThat(Wilson.interval(5, 100)[1]).isCloseTo(0.111750, within(1e-6));
        assertThat(Wilson.interval(50, 100)[0]).isCloseTo(0.403832, within(1e-6));
        assertThat(Wilson.interval(50, 100)[1]).isCloseTo(0.596168, within(1e-6));
        assertThat(Wilson.interval(1, 1_000_000)[1]).isCloseTo(5.6649e-6, within(1e-9));
    }

    @Test
    void noFailureStillHasAnUpperBound() {
        double[] ci = Wilson.interval(0, 100);
        assertThat(ci[0]).isZero();
        // z² / (n + z²)
        assertThat(ci[1]).isCloseTo(0.036993, within(1e-6));
        assertThat(Wilson.interval(0, 0)).containsExactly(0, 1);
    }
}
