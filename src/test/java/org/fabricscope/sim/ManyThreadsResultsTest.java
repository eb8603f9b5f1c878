package org.fabricscope.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.fabricscope.sim.experiment.Ablation;
import org.fabricscope.sim.experiment.AblationResult;
import org.fabricscope.sim.experiment.ReproFinder;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.sim.experiment.Soak;
import org.fabricscope.sim.experiment.SoakResult;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.io.TraceWriter;
import org.junit.jupiter.api.Test;

/**
 * Sweeps give the same answers on one thread and on more threads than this machine has cores
 * (ParallelResultsTest compares one and two): more workers than cores make attempts finish out of
 * order, which is exactly what the attempt-ordered hand-back has to hide.
 */
class ManyThreadsResultsTest {
    private static final int MANY = 7;

    @Test
    void reproFinderFindsTheSameAttemptAndTraceBytesOnOneOrManyThreads() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        for (long seed : new long[] {2, 11, -3}) {
            ReproResult one = ReproFinder.find(s, seed, 60, PatchSwitches.NONE, 1, Progress.NONE);
            ReproResult many = ReproFinder.find(s, seed, 60, PatchSwitches.NONE, MANY, Progress.NONE);

            assertThat(many.found()).as("seed " + seed).isEqualTo(one.found());
            assertThat(many.attempt()).as("seed " + seed).isEqualTo(one.attempt());
            if (one.found()) {
                assertThat(bytes(many.result())).as("seed " + seed).isEqualTo(bytes(one.result()));
            }
        }
    }

    @Test
    void soakIsIdenticalOnOneOrManyThreads() throws Exception {
        Scenario s = Scenario.builtIn("pilot-rack").with("durationMicros", "200000");
        SoakResult one = Soak.run(s, 5, 30_000, PatchSwitches.NONE, 1, Progress.NONE);
        SoakResult many = Soak.run(s, 5, 30_000, PatchSwitches.NONE, MANY, Progress.NONE);

        assertThat(many).isEqualTo(one);
    }

    @Test
    void ablationIsIdenticalOnOneOrManyThreads() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        AblationResult one = Ablation.run(s, 4, 30, 8_000, 1, Progress.NONE);
        AblationResult many = Ablation.run(s, 4, 30, 8_000, MANY, Progress.NONE);

        assertThat(many).isEqualTo(one);
    }

    private static byte[] bytes(SimulationResult r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceWriter.write(r.trace(), out, Progress.NONE);
        return out.toByteArray();
    }
}
