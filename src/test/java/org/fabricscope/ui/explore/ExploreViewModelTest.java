package org.fabricscope.ui.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.concurrent.Task;
import org.fabricscope.sim.explore.ExploreBounds;
import org.fabricscope.sim.explore.ExploreResult;
import org.fabricscope.sim.explore.Explorer;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.testing.Fx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Explore panel's view model without a window, on sample-scenarios/explore-minimal.json (seed
 * 2: its write lands on the block the read burst verifies twice). The ground truth is the {@link
 * Explorer} run directly with the same inputs.
 */
class ExploreViewModelTest {
    private static final Path MINIMAL = Path.of("sample-scenarios/explore-minimal.json");

    private record Opened(LoadedTrace loaded, int seq, String description) {}

    private record Compared(LoadedTrace a, int seqA, Trace b, String nameB) {}

    private final ExecutorService workers = BackgroundWork.workers();
    private final List<Opened> opened = new ArrayList<>();
    private final List<Compared> compared = new ArrayList<>();
    /** A clock that moves one second per reading: time figures are the view model's, not asserted. */
    private final AtomicLong clock = new AtomicLong();

    private ExploreViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        RunRequest panel = new RunRequest(Scenario.load(MINIMAL), 2, 1, PatchSwitches.NONE);
        vm = Fx.call(() -> new ExploreViewModel(
                () -> Optional.of(panel),
                Optional::empty,
                new ExploreViewModel.Window() {
                    @Override
                    public void open(LoadedTrace loaded, int seq, String description) {
                        opened.add(new Opened(loaded, seq, description));
                    }

                    @Override
                    public void compare(LoadedTrace a, int seqA, Trace b, String nameB) {
                        compared.add(new Compared(a, seqA, b, nameB));
                    }
                },
                workers,
                () -> clock.addAndGet(1_000_000_000L)));
    }

    @AfterEach
    void cleanUp() throws Exception {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static ExploreResult engine(String patch, int bound, boolean reduction) throws Exception {
        return new Explorer(
                        Scenario.load(MINIMAL),
                        2,
                        1,
                        PatchSwitches.parse(patch),
                        new ExploreBounds(8, bound, 5_000_000, true),
                        reduction)
                .explore(Progress.NONE);
    }

    private ExploreViewModel.Outcome explore() throws Exception {
        Task<ExploreViewModel.Outcome> task = Fx.call(vm::explore);
        assertThat(task).isNotNull();
        Fx.awaitDone(task);
        return Fx.call(() -> vm.resultProperty().get());
    }

    @Test
    void legacyResultFiguresAreTheEnginesAndTheCounterexampleOpensOnItsFpre004() throws Exception {
        Fx.run(() -> vm.boundProperty().set("5"));
        ExploreViewModel.Outcome o = explore();
        ExploreResult truth = engine("none", 5, true);

        ExploreResult r = o.main().result();
        assertThat(r.runs()).isEqualTo(truth.runs());
        assertThat(r.cut()).isEqualTo(truth.cut());
        assertThat(r.distinctStates()).isEqualTo(truth.distinctStates());
        assertThat(r.failing()).isEqualTo(truth.failing()).isPositive();
        assertThat(r.complete()).isTrue();
        assertThat(r.shortest().eventsToFpre004()).isEqualTo(truth.shortest().eventsToFpre004());
        assertThat(r.shortest().choices()).isEqualTo(truth.shortest().choices());
        assertThat(r.bounds()).isEqualTo(truth.bounds());
        assertThat(o.what()).isEqualTo("explore-minimal, seed 2, attempt 1");
        assertThat(o.ablation()).isEmpty();
        assertThat(Fx.call(() -> vm.statusProperty().get()))
                .isEqualTo("FPRE004 reachable: shortest counterexample "
                        + truth.shortest().eventsToFpre004() + " events to FPRE004 (" + truth.failing() + " of "
                        + truth.runs() + " schedules fail).");
        String figures = ExploreViewModel.figures(o.main());
        assertThat(figures)
                .contains("Bounds: 8 levels per timing draw, the first 5 choice points, every order of timers due at"
                        + " the same instant")
                .contains("Schedules explored: " + String.format("%,d", truth.runs()))
                .contains("Distinct states: " + String.format("%,d", truth.distinctStates()))
                .contains("Reduction vs naive: not measured");

        Task<LoadedTrace> open = Fx.call(vm::openCounterexample);
        Fx.awaitDone(open);
        assertThat(opened).hasSize(1);
        Opened cx = opened.get(0);
        assertThat(cx.loaded().trace().kind(cx.seq())).isEqualTo(EventKind.FPRE004);
        assertThat(cx.seq() + 1).isEqualTo(truth.shortest().eventsToFpre004());
        assertThat(cx.description()).contains(truth.shortest().eventsToFpre004() + " events to FPRE004");

        Task<LoadedTrace> compare = Fx.call(vm::compareWithNearestPassing);
        Fx.awaitDone(compare);
        assertThat(compared).hasSize(1);
        Compared c = compared.get(0);
        assertThat(c.a().trace().kind(c.seqA())).isEqualTo(EventKind.FPRE004);
        assertThat(c.b().size()).isPositive();
        for (int i = 0; i < c.b().size(); i++) {
            assertThat(c.b().kind(i)).as("event %d of the passing schedule", i).isNotEqualTo(EventKind.FPRE004);
        }
        // Another source: the result was about this one, so it goes (and with it the buttons).
        Fx.run(() -> vm.useScenarioFile(java.nio.file.Path.of("sample-scenarios/explore-verify-window.json")));
        assertThat(Fx.call(() -> vm.resultProperty().get())).isNull();
    }

    @Test
    void ablationRowsAndTheMeasuredReductionAreTheEngines() throws Exception {
        Fx.run(() -> {
            vm.boundProperty().set("3");
            vm.measureNaiveProperty().set(true);
            vm.ablationProperty().set(true);
        });
        ExploreViewModel.Outcome o = explore();

        ExploreResult naive = engine("none", 3, false);
        assertThat(o.main().naiveSchedules()).isEqualTo(naive.runs());
        assertThat(o.main().reduction())
                .isEqualTo((double) naive.runs() / engine("none", 3, true).runs());
        assertThat(ExploreViewModel.figures(o.main()))
                .contains("Reduction vs naive: " + String.format("%,d", naive.runs()) + " naive");
        assertThat(o.ablation())
                .extracting(ExploreViewModel.Ablation::switchName)
                .containsExactly("reorder", "barrier", "backoff");
        for (ExploreViewModel.Ablation a : o.ablation()) {
            ExploreResult truth = engine(a.switchName(), 3, true);
            assertThat(a.explored().result().runs()).as(a.switchName()).isEqualTo(truth.runs());
            assertThat(a.explored().result().distinctStates())
                    .as(a.switchName())
                    .isEqualTo(truth.distinctStates());
            assertThat(a.explored().result().failing()).as(a.switchName()).isEqualTo(truth.failing());
            assertThat(a.explored().result().patch()).isEqualTo(PatchSwitches.parse(a.switchName()));
        }
    }

    @Test
    void patchedExplorationSaysNoFpre004InAnyScheduleWithinTheBounds() throws Exception {
        Fx.run(() -> {
            vm.boundProperty().set("3");
            vm.reorderProperty().set(true);
            vm.barrierProperty().set(true);
            vm.backoffProperty().set(true);
        });
        ExploreViewModel.Outcome o = explore();
        ExploreResult truth = engine("all", 3, true);
        assertThat(o.main().result().runs()).isEqualTo(truth.runs());
        assertThat(o.main().result().shortest()).isNull();
        assertThat(Fx.call(() -> vm.statusProperty().get()))
                .isEqualTo("No FPRE004 in any of " + truth.runs() + " schedules within these bounds.");
        Task<LoadedTrace> none = Fx.call(vm::openCounterexample);
        assertThat(none).isNull();
    }

    @Test
    void cancelStopsTheSearchAndLeavesNoResult() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Task<ExploreViewModel.Outcome> task = Fx.call(() -> {
            vm.boundProperty().set(""); // every choice point at 16 levels: far more than the test waits for
            vm.jitterLevelsProperty().set("16");
            vm.progressProperty().addListener((obs, was, now) -> {
                if (now.contains("schedules ·")) {
                    started.countDown();
                }
            });
            return vm.explore();
        });
        assertThat(started.await(60, TimeUnit.SECONDS)).as("live progress").isTrue();
        Fx.run(vm::cancel);
        Fx.awaitDone(task);
        assertThat(task.isCancelled()).isTrue();
        assertThat(Fx.call(() -> vm.resultProperty().get())).isNull();
        assertThat(Fx.call(() -> vm.statusProperty().get())).contains("cancelled");
        assertThat(Fx.call(() -> vm.runningProperty().get())).isFalse();
        assertThat(Fx.call(() -> vm.progressProperty().get())).isEmpty();
    }

    @Test
    void invalidBoundsSayWhyAndStartNothing() throws Exception {
        Fx.run(() -> vm.jitterLevelsProperty().set("0"));
        assertThat(Fx.call(vm::explore)).isNull();
        assertThat(Fx.call(() -> vm.statusProperty().get()))
                .isEqualTo("Cannot explore: jitter levels must be 1..64: 0.");
        Fx.run(() -> {
            vm.jitterLevelsProperty().set("8");
            vm.boundProperty().set("five");
        });
        assertThat(Fx.call(vm::explore)).isNull();
        assertThat(Fx.call(() -> vm.statusProperty().get())).contains("whole numbers");
    }

    @Test
    void theScenarioPanelGivesScenarioSeedAttemptAndPatch() throws Exception {
        assertThat(Fx.call(() -> vm.sourceProperty().get())).isEqualTo("Scenario panel: explore-minimal");
        assertThat(Fx.call(() -> vm.seedProperty().get())).isEqualTo("2");
        assertThat(Fx.call(() -> vm.attemptProperty().get())).isEqualTo("1");
        assertThat(Fx.call(vm::patch)).isEqualTo(PatchSwitches.NONE);
        Fx.run(() -> vm.useScenarioFile(Path.of("sample-scenarios/fpre004-shrunk.json")));
        assertThat(Fx.call(() -> vm.sourceProperty().get())).isEqualTo("Scenario file: fpre004-shrunk.json");
    }

    @Test
    void aCounterexampleFoundBeforeTheScheduleLimitIsNotCalledTheShortest() throws Exception {
        org.fabricscope.sim.explore.ExploreResult cut = new org.fabricscope.sim.explore.Explorer(
                        org.fabricscope.sim.scenario.Scenario.load(
                                java.nio.file.Path.of("sample-scenarios/explore-minimal.json")),
                        2,
                        1,
                        org.fabricscope.trace.PatchSwitches.NONE,
                        new org.fabricscope.sim.explore.ExploreBounds(8, Integer.MAX_VALUE, 200, true),
                        true)
                .explore(org.fabricscope.trace.Progress.NONE);
        org.assertj.core.api.Assertions.assertThat(cut.complete()).isFalse();
        org.assertj.core.api.Assertions.assertThat(ExploreViewModel.headline(cut))
                .doesNotContain("shortest")
                .contains("stopped at the schedule limit", "shorter one may exist");
    }
}
