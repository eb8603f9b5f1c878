package org.fabricscope.sim.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
    @Test
    void sameSeedGivesSameStream() {
        SplitMix64 a = new SplitMix64(99);
        SplitMix64 b = new SplitMix64(99);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void attemptSeedsDifferPerAttemptAndPerBaseSeed() {
        assertThat(SplitMix64.attemptSeed(1, 1)).isNotEqualTo(SplitMix64.attemptSeed(1, 2));
        assertThat(SplitMix64.attemptSeed(1, 2)).isNotEqualTo(SplitMix64.attemptSeed(2, 1));
    }

    @Test
    void uniformStaysWithinItsInclusiveBounds() {
        SplitMix64 r = new SplitMix64(5);
        boolean sawMin = false;
        boolean sawMax = false;
        for (int i = 0; i < 10_000; i++) {
            long v = r.uniform(3, 7);
            assertThat(v).isBetween(3L, 7L);
            sawMin |= v == 3;
            sawMax |= v == 7;
        }
        assertThat(sawMin && sawMax).isTrue();
    }
}
