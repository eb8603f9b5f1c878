package org.fabricscope.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.junit.jupiter.api.Test;

class AttemptPoolTest {
    /** Uneven work, so that on several threads later attempts often finish before earlier ones. */
    private static long work(int attempt) {
        long x = attempt;
        int rounds = (attempt * 7919 % 13) * 20_000;
        for (int i = 0; i < rounds; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return attempt * 1_000_000L + (x & 0xffff);
    }

    private static List<Long> collect(int threads, int first, int last, int stopAfter) {
        List<Long> seen = new ArrayList<>();
        try (AttemptPool pool = new AttemptPool(threads)) {
            pool.stream(first, last, AttemptPoolTest::work, r -> {
                seen.add(r);
                return seen.size() < stopAfter;
            });
        }
        return seen;
    }

    @Test
    void handsResultsOverInAttemptOrderWhateverTheThreadCount() {
        List<Long> one = collect(1, 5, 104, Integer.MAX_VALUE);
        assertThat(one).hasSize(100);
        assertThat(one.get(0) / 1_000_000L).isEqualTo(5);
        assertThat(one.get(99) / 1_000_000L).isEqualTo(104);
        for (int threads : new int[] {2, 3, 8}) {
            assertThat(collect(threads, 5, 104, Integer.MAX_VALUE))
                    .as(threads + " threads")
                    .isEqualTo(one);
        }
    }

    @Test
    void stopsWhereTheSinkSaysSoAndDropsSpeculativeResults() {
        List<Long> one = collect(1, 1, 1_000, 17);
        assertThat(one).hasSize(17);
        assertThat(collect(2, 1, 1_000, 17)).isEqualTo(one);
        assertThat(collect(4, 1, 1_000, 17)).isEqualTo(one);
    }

    @Test
    void anEmptyRangeRunsNothing() {
        assertThat(collect(2, 10, 9, Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void anAttemptsFailureReachesTheCaller() {
        try (AttemptPool pool = new AttemptPool(2)) {
            assertThatThrownBy(() -> pool.stream(
                            1,
                            50,
                            a -> {
                                if (a == 20) {
                                    throw new IllegalStateException("attempt 20 broke");
                                }
                                return work(a);
                            },
                            r -> true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("attempt 20 broke");
        }
    }

    @Test
    void cancellingTheCallerStopsASoakOnTwoThreads() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total) {
                if (done > 0) {
                    cancelled.set(true);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        assertThatThrownBy(() ->
                        Soak.run(Scenario.builtIn("fpre004-repro"), 1, 100_000_000L, PatchSwitches.NONE, 2, progress))
                .isInstanceOf(CancelledException.class);
    }
}
