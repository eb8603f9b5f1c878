package org.fabricscope.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sweep.spark.SparkRunner;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Spark runner, embedded on local[2], against the local runner. */
class SparkRunnerTest {
    private static SparkRunner spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkRunner.start("local[2]");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void sparkOnLocal2GivesTheLocalRunnersCsvAndJsonByteForByte() {
        SweepDefinition d = SweepEngineTest.jitterSweep();
        SweepResult local = new LocalRunner(2).run(d, null);
        long[] lastProgress = {-1, -1};
        SweepResult onSpark = spark.run(d, new Progress() {
            @Override
            public void update(long done, long total) {
                lastProgress[0] = done;
                lastProgress[1] = total;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(onSpark.toCsv()).isEqualTo(local.toCsv());
        assertThat(onSpark.toJson()).isEqualTo(local.toJson());
        assertThat(lastProgress)
                .containsExactly(
                        SweepEngine.units(d).size(), SweepEngine.units(d).size());
    }

    @Test
    void soakCellsOnSparkMatchTheLocalRunner() {
        Scenario s = SweepGridTest.repro();
        SweepDefinition d = new SweepDefinition(
                s,
                List.of(Axis.parse("readBurstSize=4,12", s)),
                SweepDefinition.parsePatches("none"),
                3,
                2,
                SweepDefinition.Mode.READS,
                1500);
        assertThat(spark.run(d, null).toCsv())
                .isEqualTo(new LocalRunner(1).run(d, null).toCsv());
    }

    @Test
    void anErrorInAnExecutorTaskReachesTheDriverAsItsOneLineMessage() {
        Scenario s = SweepGridTest.repro();
        SweepDefinition d = new SweepDefinition(
                s,
                List.of(Axis.parse("readClients=0", s)),
                SweepDefinition.parsePatches("none"),
                1,
                1,
                SweepDefinition.Mode.READS,
                10);
        assertThatThrownBy(() -> spark.run(d, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issues no reads");
    }

    @Test
    void cancellingStopsTheSparkJob() {
        Progress cancelled = new Progress() {
            @Override
            public void update(long done, long total) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> spark.run(SweepEngineTest.jitterSweep(), cancelled))
                .isInstanceOf(CancelledException.class);
        // the context is still usable afterwards
        SweepDefinition tiny = new SweepDefinition(
                SweepGridTest.repro(),
                List.of(),
                SweepDefinition.parsePatches("all"),
                1,
                1,
                SweepDefinition.Mode.ATTEMPTS,
                2);
        assertThat(spark.run(tiny, null).cells()).hasSize(1);
    }
}
