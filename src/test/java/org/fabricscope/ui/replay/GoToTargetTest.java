package org.fabricscope.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoToTargetTest {
    @Test
    void plainNumberOrHashIsAStep() {
        assertThat(GoToTarget.parse("1234")).isEqualTo(new GoToTarget(false, 1234));
        assertThat(GoToTarget.parse(" #77 ")).isEqualTo(new GoToTarget(false, 77));
    }

    @Test
    void unitsConvertToMicroseconds() {
        assertThat(GoToTarget.parse("12.5ms")).isEqualTo(new GoToTarget(true, 12_500));
        assertThat(GoToTarget.parse("300us")).isEqualTo(new GoToTarget(true, 300));
        assertThat(GoToTarget.parse("300µs")).isEqualTo(new GoToTarget(true, 300));
        assertThat(GoToTarget.parse("1.2 s")).isEqualTo(new GoToTarget(true, 1_200_000));
        assertThat(GoToTarget.parse(".5MS")).isEqualTo(new GoToTarget(true, 500));
    }

    @Test
    void subMicrosecondTimeRoundsUpToTheNextTick() {
        assertThat(GoToTarget.parse("0.0001ms")).isEqualTo(new GoToTarget(true, 1));
    }

    @Test
    void anythingElseIsRejectedWithTheAcceptedForms() {
        assertThatThrownBy(() -> GoToTarget.parse("12 minutes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12.5ms");
    }
}
