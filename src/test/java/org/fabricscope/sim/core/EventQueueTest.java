package org.fabricscope.sim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    @Test
    void timersFireInTimeOrderAndTiesInSchedulingOrder() {
        EventQueue q = new EventQueue(1000);
        List<String> fired = new ArrayList<>();
        q.add(20, () -> fired.add("c"));
        q.add(10, () -> fired.add("a"));
        q.add(20, () -> fired.add("d"));
        q.add(10, () -> fired.add("b"));
        for (int i = 0; i < 300; i++) {
            int n = i;
            q.add(30, () -> fired.add("t" + n));
        }
        while (!q.isEmpty()) {
            q.poll().fire();
        }
        assertThat(fired.subList(0, 4)).containsExactly("a", "b", "c", "d");
        for (int i = 0; i < 300; i++) {
            assertThat(fired.get(4 + i)).isEqualTo("t" + i);
        }
    }

    @Test
    void exceedingTheQueueLimitNamesTheLimit() {
        EventQueue q = new EventQueue(2);
        q.add(1, () -> {});
        q.add(2, () -> {});
        assertThatThrownBy(() -> q.add(3, () -> {}))
                .isInstanceOf(SimulationLimitException.class)
                .hasMessageContaining("maxQueueSize");
    }
}
