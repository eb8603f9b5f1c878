package org.fabricscope.sim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fabricscope.trace.EventKind;
import org.junit.jupiter.api.Test;

/** The engine's always-on assertions: time only moves forward, a cause is an earlier event. */
class EngineAssertionsTest {
    @Test
    void theClockNeverGoesBackwards() {
        assertThat(Engine.checkForward(100, 100)).isEqualTo(100);
        assertThat(Engine.checkForward(100, 250)).isEqualTo(250);
        assertThatThrownBy(() -> Engine.checkForward(100, 99))
                .isInstanceOf(ModelAssertionError.class)
                .hasMessageContaining("time went backwards")
                .hasMessageContaining("t=99 µs")
                .hasMessageContaining("t=100 µs");
    }

    @Test
    void anEventCausedByItselfOrALaterEventIsABug() {
        Engine engine = new Engine(null, 100, 100, null);
        int first = engine.emit(-1, 0, "a", EventKind.RETRY, null, 0, 0, -1, 0);
        engine.emit(-1, 0, "a", EventKind.RETRY, null, 0, 0, first, 0);

        assertThatThrownBy(() -> engine.emit(-1, 0, "a", EventKind.RETRY, null, 0, 0, 2, 0))
                .isInstanceOf(ModelAssertionError.class)
                .hasMessageContaining("event 2 (RETRY by a) names cause 2");
        assertThatThrownBy(() -> engine.emit(-1, 0, "a", EventKind.RETRY, null, 0, 0, -2, 0))
                .isInstanceOf(ModelAssertionError.class);
        assertThat(engine.eventCount()).isEqualTo(2);
    }

    @Test
    void aRunWhoseTimersGoForwardRunsToTheEnd() {
        Engine engine = new Engine(null, 100, 100, null);
        engine.at(50, () -> engine.after(10, () -> engine.emit(-1, 0, "a", EventKind.RETRY, null, 0, 0, -1, 0)));

        engine.run(100);

        assertThat(engine.now()).isEqualTo(60);
        assertThat(engine.eventCount()).isEqualTo(1);
    }

    @Test
    void pollingAnEmptyQueueIsABug() {
        assertThatThrownBy(() -> new EventQueue(4).poll()).isInstanceOf(ModelAssertionError.class);
    }
}
