package org.fabricscope.bench;

import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/**
 * {@code bench sim-speed}: prints the simulator's speed (events per second of wall time) on the
 * canonical reproducer and the pilot rack, with and without recording a trace; the JSON benchmark
 * measures only the unrecorded speed.
 */
final class SimulatorSpeedBenchmark {
    private SimulatorSpeedBenchmark() {}

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

    static void main(String[] args) throws Exception {
        measure("fpre004-repro", 200, false);
        measure("fpre004-repro", 100, true);
        measure("pilot-rack", 10, false);
        measure("pilot-rack", 5, true);
    }
}
