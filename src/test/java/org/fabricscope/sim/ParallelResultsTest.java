package org.fabricscope.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabricscope.sim.experiment.Ablation;
import org.fabricscope.sim.experiment.AblationResult;
import org.fabricscope.sim.experiment.ReproFinder;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.sim.experiment.Soak;
import org.fabricscope.sim.experiment.SoakResult;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.junit.jupiter.api.Test;

class ParallelResultsTest {
    @Test
    void reproFinderFindsTheSameAttemptOnOneOrTwoThreads() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        for (long seed = 1; seed <= 5; seed++) {
            ReproResult one = ReproFinder.find(s, seed, 40, PatchSwitches.NONE, 1, Progress.NONE);
            ReproResult two = ReproFinder.find(s, seed, 40, PatchSwitches.NONE, 2, Progress.NONE);
            assertThat(two.attempt()).as("seed " + seed).isEqualTo(one.attempt());
            assertThat(two.result().stats())
                    .as("seed " + seed)
                    .isEqualTo(one.result().stats());
        }
    }

    @Test
    void reproFinderReportsNotFoundWhenPatched() throws Exception {
        ReproResult r = ReproFinder.find(Scenario.builtIn("fpre004-repro"), 3, 30, PatchSwitches.ALL, 2, Progress.NONE);
        assertThat(r.found()).isFalse();
        assertThat(r.attempts()).isEqualTo(30);
        assertThat(r.result()).isNull();
    }

    @Test
    void soakIsIdenticalOnOneOrTwoThreads() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        SoakResult one = Soak.run(s, 8, 20_000, PatchSwitches.NONE, 1, Progress.NONE);
        SoakResult two = Soak.run(s, 8, 20_000, PatchSwitches.NONE, 2, Progress.NONE);
        assertThat(two).isEqualTo(one);
        assertThat(one.reads()).isGreaterThanOrEqualTo(20_000);
    }

    @Test
    void ablationShowsEachSwitchAloneAndAllTogether() throws Exception {
        AblationResult r = Ablation.run(Scenario.builtIn("fpre004-repro"), 2, 40, 10_000, 2, Progress.NONE);
        assertThat(r.rows())
                .extracting(AblationResult.Row::label)
                .containsExactly("none", "reorder", "barrier", "backoff", "all");
        AblationResult.Row legacy = r.rows().get(0);
        AblationResult.Row all = r.rows().get(4);
        assertThat(legacy.attemptsWithFpre004()).isPositive();
        assertThat(all.attemptsWithFpre004()).isZero();
        assertThat(legacy.prefetchLatencyDeltaMicros()).isZero();
        assertThat(all.prefetchLatencyDeltaMicros()).isPositive();
    }
}
