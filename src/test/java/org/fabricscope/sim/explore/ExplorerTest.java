package org.fabricscope.sim.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorerTest {
    /** Seed of the sample scenarios: its write lands on the block the read burst verifies twice. */
    static final long SEED = 2;

    static Scenario minimal() throws Exception {
        return Scenario.load(Path.of("sample-scenarios/explore-minimal.json"));
    }

    static Scenario verifyWindow() throws Exception {
        return Scenario.load(Path.of("sample-scenarios/explore-verify-window.json"));
    }

    static ExploreResult explore(Scenario s, String patch, int levels, boolean reduction) {
        return new Explorer(s, SEED, 1, PatchSwitches.parse(patch), ExploreBounds.of(levels), reduction)
                .explore(Progress.NONE);
    }

    /**
     * One reader, no writer, two blocks, prefetch depth 2, 3 levels, workload 5000 µs.
     *
     * <p>By hand: the exponential levels of mean 10000 µs are its 1/6, 1/2 and 5/6 quantiles:
     * 1823, 6931 and 17918 µs. (1) The first think time: 1823 lies within the workload, the other
     * two end after it and count as one level: 2 branches; the later one does nothing more: 1
     * schedule. (2) The burst at 1823 µs draws the next think time (now 1823: 1823 fits, the rest
     * merge: 2 branches), then its one read prefetches both blocks (depth 2 wraps to the read block,
     * which the read sends to the media and does not cache): two fills of 800, 1000 or 1200 µs: 3 ×
     * 3 = 9; when both fills take the same time (3 of the 9) their two landings are due at the same
     * instant and land in either order: 9 + 3 = 12 per branch. (3) The second burst (at 1823 + 300
     * + 1823 = 3946 µs) merges its think time (one level) and finds both buffers READY (filled by
     * 3023 µs): no fill, no choice. Total 1 + 2 × 12 = 25.
     */
    @Test
    void exploringATinyScenarioGivesTheScheduleCountComputedByHand() throws Exception {
        Scenario s = Scenario.builtIn("quiet")
                .with("nodes", "1")
                .with("drivesPerNode", "1")
                .with("archiveCount", "1")
                .with("archiveBlocks", "2")
                .with("durationMicros", "5000")
                .with("readClients", "1")
                .with("readBurstSize", "1")
                .with("readSpacingMicros", "300")
                .with("readBurstGapMicrosMean", "10000")
                .with("misalignedReadPercent", "0")
                .with("writeClients", "0")
                .with("compactionEnabled", "false")
                .with("prefetchDepthBlocks", "2")
                .with("prefetchFillMicrosMin", "800")
                .with("prefetchFillMicrosMax", "1200")
                .with("hotArchiveReadPercent", "0");
        ExploreResult naive = explore(s, "none", 3, false);
        assertThat(naive.runs()).isEqualTo(25);
        assertThat(naive.complete()).isTrue();
        assertThat(naive.failing()).isZero();
        ExploreResult reduced = explore(s, "none", 3, true);
        assertThat(reduced.runs()).isLessThanOrEqualTo(25);
        assertThat(reduced.failing()).isZero();
    }

    @Test
    void oneLevelAndNoTieOrderingIsExactlyTheOrdinaryRun() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro").with("durationMicros", "20000");
        SimulationResult ordinary = Simulator.run(s, 1, 1, PatchSwitches.NONE, true, Progress.NONE);
        SimulationResult explored = new Explorer(
                        s, 1, 1, PatchSwitches.NONE, new ExploreBounds(1, Integer.MAX_VALUE, 10, false), false)
                .replay(new int[0]);
        assertThat(explored.stats()).isEqualTo(ordinary.stats());
        assertThat(explored.trace().size()).isEqualTo(ordinary.trace().size());
        for (int i = 0; i < ordinary.trace().size(); i++) {
            assertThat(explored.trace().timeMicros(i))
                    .isEqualTo(ordinary.trace().timeMicros(i));
            assertThat(explored.trace().kind(i)).isEqualTo(ordinary.trace().kind(i));
        }
    }

    @Test
    void legacyExplorationFindsAShortestCounterexampleWhoseScheduleFileReRunsIt(@TempDir Path dir) throws Exception {
        ExploreResult r = explore(minimal(), "none", 8, true);
        assertThat(r.complete()).isTrue();
        assertThat(r.shortest()).isNotNull();
        assertThat(r.violations()).isEmpty();
        // The nearest passing schedule differs in one choice and passes.
        assertThat(r.nearestPassing()).isNotNull();
        assertThat(r.nearestPassing().fails()).isFalse();
        Path file = dir.resolve("cx.schedule.json");
        ScheduleFile.write(
                file,
                new ScheduleFile.Spec(
                        minimal(),
                        SEED,
                        1,
                        PatchSwitches.NONE,
                        r.bounds(),
                        r.shortest().choices()),
                "cx.jsonl");
        ScheduleFile.Spec spec = ScheduleFile.read(file);
        SimulationResult again = spec.explorer().replay(spec.choices());
        assertThat(again.stats().firstFpre004Seq()).isEqualTo(r.shortest().firstFpre004Seq());
        assertThat(again.stats().events()).isEqualTo(r.shortest().events());
        SimulationResult third = spec.explorer().replay(spec.choices());
        assertThat(third.trace().size()).isEqualTo(again.trace().size());
    }

    @Test
    void patchedExplorationFindsNoFpre004InAnySchedule() throws Exception {
        for (Scenario s : new Scenario[] {minimal(), verifyWindow()}) {
            ExploreResult r = explore(s, "all", 8, true);
            assertThat(r.complete()).isTrue();
            assertThat(r.failing()).isZero();
            assertThat(r.shortest()).isNull();
            assertThat(r.violations()).isEmpty();
            assertThat(r.verdict()).startsWith("no FPRE004 in any of " + r.runs() + " schedules within");
        }
    }

    /**
     * The exhaustive ablation at 8 levels. The late-ACK path (explore-minimal) is closed by each
     * switch alone; the write-between-checks path (explore-verify-window: a write takes the lock
     * between the legacy verifier's cacheState and lastWritePending checks) is closed only by
     * reorder: barrier alone and backoff alone each leave a counterexample. Reorder alone is enough
     * in both, as random sampling said.
     */
    @Test
    void exhaustiveAblationReorderAloneSufficesBarrierAndBackoffAloneDoNot() throws Exception {
        Scenario window = verifyWindow();
        assertThat(explore(window, "none", 8, true).shortest()).isNotNull();
        assertThat(explore(window, "reorder", 8, true).failing()).isZero();
        assertThat(explore(window, "barrier", 8, true).shortest()).isNotNull();
        assertThat(explore(window, "backoff", 8, true).shortest()).isNotNull();
        Scenario min = minimal();
        assertThat(explore(min, "reorder", 8, true).failing()).isZero();
        assertThat(explore(min, "barrier", 8, true).failing()).isZero();
        assertThat(explore(min, "backoff", 8, true).failing()).isZero();
    }

    @Test
    void stateHashingNeverLosesACounterexampleThatNaiveEnumerationFinds() throws Exception {
        int withCounterexample = 0;
        long naiveRuns = 0;
        long reducedRuns = 0;
        for (Scenario s : new Scenario[] {minimal(), verifyWindow()}) {
            for (String patch : new String[] {"none", "barrier", "backoff"}) {
                // The sample scenarios are timed for 8 levels; the small bounds cut the number of
                // explored choice points instead (later draws keep their seeded values).
                for (int choices : new int[] {3, 5, Integer.MAX_VALUE}) {
                    ExploreBounds b = new ExploreBounds(8, choices, 1_000_000, true);
                    PatchSwitches sw = PatchSwitches.parse(patch);
                    ExploreResult naive = new Explorer(s, SEED, 1, sw, b, false).explore(Progress.NONE);
                    ExploreResult reduced = new Explorer(s, SEED, 1, sw, b, true).explore(Progress.NONE);
                    String what = s.name() + " " + patch + " " + choices;
                    assertThat(reduced.shortest() != null).as(what).isEqualTo(naive.shortest() != null);
                    naiveRuns += naive.runs();
                    reducedRuns += reduced.runs();
                    if (naive.shortest() != null) {
                        withCounterexample++;
                        assertThat(reduced.shortest().eventsToFpre004())
                                .as(what)
                                .isEqualTo(naive.shortest().eventsToFpre004());
                    }
                    assertThat(reduced.runs()).as(what).isLessThanOrEqualTo(naive.runs());
                }
            }
        }
        // The comparison means something: counterexamples to lose, and runs actually saved.
        assertThat(withCounterexample).isGreaterThanOrEqualTo(4);
        assertThat(reducedRuns).isLessThan(naiveRuns);
    }

    @Test
    void aSearchCutByTheScheduleLimitDoesNotCallItsCounterexampleTheShortest() throws Exception {
        Scenario s = minimal();
        ExploreResult full = explore(s, "none", 8, true);
        ExploreResult cut = new Explorer(
                        s, SEED, 1, PatchSwitches.NONE, new ExploreBounds(8, Integer.MAX_VALUE, 200, true), true)
                .explore(Progress.NONE);
        assertThat(full.complete()).isTrue();
        assertThat(cut.complete()).isFalse();
        assertThat(cut.shortest()).isNotNull();
        assertThat(full.verdict()).contains("shortest schedule").doesNotContain("schedule limit");
        assertThat(cut.verdict()).doesNotContain("shortest").contains("stopped at the schedule limit");
    }
}
