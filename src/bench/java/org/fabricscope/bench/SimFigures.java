package org.fabricscope.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.experiment.ReproFinder;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.sim.experiment.Soak;
import org.fabricscope.sim.experiment.SoakResult;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/** Simulator speed and the seed sweep's parallel speed-up. */
final class SimFigures {
    static final String[] SPEED_SCENARIOS = {"fpre004-repro", "pilot-rack"};
    private static final long SEED = 20_240_601L;

    private SimFigures() {}

    /**
     * Events per second of wall time for each of {@link #SPEED_SCENARIOS}, unrecorded (what a sweep
     * does), one thread, after a warm-up; attempts 1, 2, … until {@code seconds} have passed.
     */
    static Map<String, Object> eventsPerSecond(double seconds) throws ScenarioException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : SPEED_SCENARIOS) {
            Scenario s = Scenario.builtIn(name);
            for (int a = 1; a <= 3; a++) {
                Simulator.run(s, SEED + 1, a, PatchSwitches.NONE, false, Progress.NONE);
            }
            long events = 0;
            long t0 = System.nanoTime();
            long deadline = t0 + (long) (seconds * 1e9);
            int attempt = 1;
            do {
                events += Simulator.run(s, SEED, attempt++, PatchSwitches.NONE, false, Progress.NONE)
                        .stats()
                        .events();
            } while (System.nanoTime() < deadline);
            out.put(name, events / ((System.nanoTime() - t0) / 1e9));
        }
        return out;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    /** What one sweep found; equal for equal work, whatever the thread count. */
    record SweepOutcome(SoakResult soak, boolean reproFound, int reproAttempt, int reproAttempts) {}

    /**
     * The sweep: a patched find-repro over {@code attempts} attempts of {@code fpre004-repro} (it never
     * finds one, so it runs them all) plus a legacy soak of about as many attempts.
     */
    static SweepOutcome sweep(int attempts, long soakReads, int threads) throws ScenarioException {
        Scenario s = Scenario.builtIn("fpre004-repro");
        ReproResult repro = ReproFinder.find(s, SEED, attempts, PatchSwitches.ALL, threads, Progress.NONE);
        SoakResult soak = Soak.run(s, SEED, soakReads, PatchSwitches.NONE, threads, Progress.NONE);
        return new SweepOutcome(soak, repro.found(), repro.attempt(), repro.attempts());
    }

    /**
     * Times the sweep on one thread and on every core (best of {@value #SWEEP_ROUNDS} each, taking
     * turns, after a warm-up, so that
     * the JIT and the shared machine's noise do not favour either) and checks that both found the
     * same.
     */
    /** Timed rounds of each sweep: both times wander by up to 40 % run to run on a shared machine. */
    static final int SWEEP_ROUNDS = 3;

    static Map<String, Object> sweepSpeedup(int attempts) throws ScenarioException {
        int cores = Runtime.getRuntime().availableProcessors();
        Scenario s = Scenario.builtIn("fpre004-repro");
        long readsPerAttempt = Math.max(
                1,
                Simulator.run(s, SEED, 1, PatchSwitches.NONE, false, Progress.NONE)
                        .stats()
                        .reads());
        long soakReads = readsPerAttempt * attempts;
        sweep(Math.max(4, attempts / 8), readsPerAttempt * Math.max(4, attempts / 8), cores);
        double one = Double.MAX_VALUE;
        double all = Double.MAX_VALUE;
        SweepOutcome oneOut = null;
        SweepOutcome allOut = null;
        double cpuUsed = 0;
        for (int round = 0; round < SWEEP_ROUNDS; round++) {
            long t0 = System.nanoTime();
            oneOut = sweep(attempts, soakReads, 1);
            one = Math.min(one, (System.nanoTime() - t0) / 1e9);
            long c0 = processCpuNanos();
            t0 = System.nanoTime();
            allOut = sweep(attempts, soakReads, cores);
            double wall = (System.nanoTime() - t0) / 1e9;
            if (wall < all) {
                all = wall;
                cpuUsed = (processCpuNanos() - c0) / 1e9 / wall;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sweep_speedup", one / all);
        out.put("sweep_identical", oneOut.equals(allOut));
        out.put("sweep_threads", cores);
        out.put("sweep_attempts", attempts + allOut.soak().attempts());
        out.put("sweep_s_one_thread", one);
        out.put("sweep_s_all_threads", all);
        // How many cores' worth of CPU the process actually got during the all-cores sweep: on a
        // shared machine a speed-up below the core count is often this, not the code.
        out.put("sweep_cpu_cores_used", cpuUsed);
        out.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return out;
    }
}
