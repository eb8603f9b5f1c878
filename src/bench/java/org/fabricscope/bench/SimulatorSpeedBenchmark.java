package org.fabricscope.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.junit.jupiter.api.Test;

/**
 * Prints the simulator's speed (events per second of wall time). A benchmark, not a timed test: it
 * asserts only that work was done.
 */
class SimulatorSpeedBenchmarkTest {
    private static long measure(String scenario, int attempts, boolean record) throws Exception {
        Scenario s = Scenario.builtIn(scenario);
        for (int a = 1; a <= 3; a++) {
            Simulator.run(s, 100, a, PatchSwitches.NONE, record, Progress.NONE);
        }
        long events = 0;
        long start = System.nanoTime();
        for (int a = 1; a <= attempts; a++) {
            events += Simulator.run(s, 1, a, PatchSwitches.NONE, record, Progress.NONE)
                    .stats()
                    .events();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "speed: %s %s: %,d events in %.2f s = %,.0f events/s%n",
                scenario, record ? "recorded" : "unrecorded", events, seconds, events / seconds);
        return events;
    }

    @Test
    void printsEventsPerSecond() throws Exception {
        assertThat(measure("fpre004-repro", 200, false)).isPositive();
        assertThat(measure("fpre004-repro", 100, true)).isPositive();
        assertThat(measure("pilot-rack", 10, false)).isPositive();
        assertThat(measure("pilot-rack", 5, true)).isPositive();
    }
}
