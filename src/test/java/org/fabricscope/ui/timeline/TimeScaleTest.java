package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeScaleTest {
    private final TimeScale scale = new TimeScale();

    @BeforeEach
    void showTenMillisecondsOnAThousandPixels() {
        scale.setWidth(1000);
        scale.setBounds(0, 10_000);
        scale.fitAll();
    }

    @Test
    void timeAtXIsTheInverseOfXForTime() {
        scale.zoomAround(300, 7.3);
        for (double t : new double[] {0, 1234.5, 5000, 9999}) {
            assertThat(scale.timeAtX(scale.xForTime(t))).isCloseTo(t, within(1e-6));
        }
        for (double x : new double[] {0, 17, 500, 999}) {
            assertThat(scale.xForTime(scale.timeAtX(x))).isCloseTo(x, within(1e-6));
        }
    }

    @Test
    void fitAllShowsTheWholeRangeInsideThePadding() {
        assertThat(scale.xForTime(0)).isCloseTo(TimeScale.PAD_PIXELS, within(1e-6));
        assertThat(scale.xForTime(10_000)).isCloseTo(1000 - TimeScale.PAD_PIXELS, within(1e-6));
        assertThat(scale.isFitAll()).isTrue();
    }

    @Test
    void zoomingKeepsTheTimeUnderTheMouseUnderTheMouse() {
        double before = scale.timeAtX(640);
        scale.zoomAround(640, 4);
        assertThat(scale.timeAtX(640)).isCloseTo(before, within(1e-6));
        assertThat(scale.microsPerPixel()).isCloseTo(10_000.0 / 980 / 4, within(1e-9));
        scale.zoomAround(640, 0.5);
        assertThat(scale.timeAtX(640)).isCloseTo(before, within(1e-6));
    }

    @Test
    void zoomingOutStopsAtFitAll() {
        scale.zoomAround(500, 0.01);
        assertThat(scale.isFitAll()).isTrue();
        assertThat(scale.startMicros()).isCloseTo(-TimeScale.PAD_PIXELS * scale.microsPerPixel(), within(1e-6));
    }

    @Test
    void zoomingInStopsAtTheDeepestScale() {
        scale.zoomAround(500, 1e9);
        assertThat(scale.microsPerPixel()).isEqualTo(TimeScale.MIN_MICROS_PER_PIXEL);
    }

    @Test
    void panningIsClampedToTheDataAndItsPadding() {
        scale.zoomAround(0, 10);
        scale.panPixels(1e9);
        assertThat(scale.endMicros()).isCloseTo(10_000 + TimeScale.PAD_PIXELS * scale.microsPerPixel(), within(1e-6));
        scale.panPixels(-1e9);
        assertThat(scale.startMicros()).isCloseTo(-TimeScale.PAD_PIXELS * scale.microsPerPixel(), within(1e-6));
    }

    @Test
    void fitShowsExactlyTheRequestedRange() {
        scale.fit(2000, 3000);
        assertThat(scale.startMicros()).isCloseTo(2000, within(1e-6));
        assertThat(scale.endMicros()).isCloseTo(3000, within(1e-6));
    }

    @Test
    void centerOnPutsTheTimeInTheMiddle() {
        scale.zoomAround(0, 20);
        scale.centerOn(6000);
        assertThat(scale.xForTime(6000)).isCloseTo(500, within(1e-6));
        assertThat(scale.isVisible(6000)).isTrue();
        assertThat(scale.isVisible(100)).isFalse();
    }

    @Test
    void zoomingAboutAPointKeepsThatTimeAtItsPixelInAndOut() {
        TimeScale scale = new TimeScale();
        scale.setBounds(0, 100_000);
        scale.setWidth(1000);
        scale.fitAll();
        scale.zoomAround(500, 8);
        double cursorTime = 41_234;
        double x = scale.xForTime(cursorTime);
        for (double factor : new double[] {1.5, 1.5, 1.5, 1 / 1.5, 1 / 1.5}) {
            scale.zoomAround(x, factor);
            assertThat(scale.xForTime(cursorTime)).isCloseTo(x, within(1e-6));
        }
    }

    @Test
    void zoomingOutNearTheEndKeepsThePointInViewThoughTheEdgeMovesIt() {
        TimeScale scale = new TimeScale();
        scale.setBounds(0, 100_000);
        scale.setWidth(1000);
        scale.fit(99_000, 100_000);
        double t = 99_990;
        scale.zoomAround(scale.xForTime(t), 1 / 1.5);
        assertThat(scale.isVisible(t)).isTrue();
    }
}
