package org.fabricscope.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sweep.Axis;
import org.fabricscope.sweep.LocalRunner;
import org.fabricscope.sweep.SparkSupport;
import org.fabricscope.sweep.SweepDefinition;
import org.fabricscope.sweep.SweepResult;

/**
 * Sweep throughput: cells per second of the same grid on local threads and on Spark {@code
 * local[2]} (when Spark is on the class path: {@code mvn -Pspark exec:exec -Dsweep.args="bench"}),
 * their ratio, Spark's start-up, and whether both gave the same CSV.
 */
final class SweepFigures {
    private SweepFigures() {}

    /**
     * @param sweepAttempts the bench's seed-sweep size; a hundredth of it (2 to 64) is each cell's
     *     attempts, and below 100 (the unit test's tiny run) Spark is not started: its start-up
     *     would dwarf the run
     */
    static Map<String, Object> measure(int sweepAttempts) throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        SweepDefinition d = new SweepDefinition(
                s,
                List.of(Axis.parse("ackJitterMicrosMax=0..7.3ms:3", s)),
                SweepDefinition.parsePatches("none,all"),
                1,
                1,
                SweepDefinition.Mode.ATTEMPTS,
                Math.max(2, Math.min(64, sweepAttempts / 100)));
        Map<String, Object> out = new LinkedHashMap<>();
        int threads = Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        SweepResult local = new LocalRunner(threads).run(d, null);
        double localS = (System.nanoTime() - t0) / 1e9;
        out.put("sweep_cells", d.cellCount());
        out.put("sweep_cells_per_s", d.cellCount() / localS);
        out.put("sweep_cells_per_s_spark_local2", null);
        out.put("sweep_spark_vs_local", null);
        out.put("sweep_spark_startup_s", null);
        out.put("sweep_spark_identical", null);
        if (!SparkSupport.available() || sweepAttempts < 100) {
            return out;
        }
        long s0 = System.nanoTime();
        try (SparkSupport.SweepRunnerHandle spark = SparkSupport.start("local[2]")) {
            double startupS = (System.nanoTime() - s0) / 1e9;
            long t1 = System.nanoTime();
            SweepResult onSpark = spark.runner().run(d, null);
            double sparkS = (System.nanoTime() - t1) / 1e9;
            out.put("sweep_cells_per_s_spark_local2", d.cellCount() / sparkS);
            out.put("sweep_spark_vs_local", localS / sparkS);
            out.put("sweep_spark_startup_s", startupS);
            out.put("sweep_spark_identical", onSpark.toCsv().equals(local.toCsv()));
        }
        return out;
    }
}
