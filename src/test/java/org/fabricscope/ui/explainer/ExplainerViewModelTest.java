package org.fabricscope.ui.explainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fabricscope.replay.explain.RaceTraceFixture;
import org.fabricscope.sim.RunStats;
import org.fabricscope.sim.experiment.PatchRerun;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Re-runs go through a Task, so these run with the FX toolkit started (no Stage is shown). */
@ExtendWith(ApplicationExtension.class)
class ExplainerViewModelTest {
    private final TraceSession session = new TraceSession();

    private static RunStats stats(long fpre004) {
        return new RunStats(1000, 100, 100 - fpre004, fpre004, fpre004, 0, 0, 0, 0, 0, -1, -1);
    }

    /** Only the barrier alone stops the failure in this stand-in. */
    private static final ExplainerViewModel.Runner BARRIER_IS_ENOUGH =
            (header, txn, block, patch, progress) -> patch.barrier()
                    ? new PatchRerun.Outcome(patch, stats(0), EventKind.READ_OK, 40)
                    : new PatchRerun.Outcome(patch, stats(2), EventKind.READ_FAIL, 30);

    private ExplainerViewModel openAt(FxRobot robot, ExplainerViewModel.Runner runner, int step) {
        ExplainerViewModel[] vm = new ExplainerViewModel[1];
        robot.interact(() -> {
            vm[0] = new ExplainerViewModel(session, runner);
            session.open(RaceTraceFixture.loaded());
            session.currentStepProperty().set(step);
        });
        return vm[0];
    }

    private static void awaitIdle(ExplainerViewModel vm) throws Exception {
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void activeOnlyOnAnFpre004WhileTheLastExplanationStaysShown(FxRobot robot) {
        ExplainerViewModel vm = openAt(robot, BARRIER_IS_ENOUGH, RaceTraceFixture.WRITE_ACK);
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.explanationProperty().get()).isNull();
        robot.interact(() -> session.currentStepProperty().set(RaceTraceFixture.FPRE004));
        assertThat(vm.activeProperty().get()).isTrue();
        assertThat(vm.explanationProperty().get().fpreSeq()).isEqualTo(RaceTraceFixture.FPRE004);
        robot.interact(() -> session.currentStepProperty().set(RaceTraceFixture.WRITE_ACK));
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.explanationProperty().get().fpreSeq()).isEqualTo(RaceTraceFixture.FPRE004);
    }

    @Test
    void whichSwitchAloneIsEnoughFillsOneRowPerSwitch(FxRobot robot) throws Exception {
        ExplainerViewModel vm = openAt(robot, BARRIER_IS_ENOUGH, RaceTraceFixture.FPRE004);
        robot.interact(vm::compareSwitches);
        awaitIdle(vm);
        assertThat(vm.switchOutcomes())
                .extracting(PatchRerun.Outcome::patch)
                .containsExactly(
                        new PatchSwitches(true, false, false),
                        new PatchSwitches(false, true, false),
                        new PatchSwitches(false, false, true));
        assertThat(vm.switchOutcomes()).extracting(PatchRerun.Outcome::passes).containsExactly(false, true, false);
        assertThat(vm.rerunStatusProperty().get()).isEqualTo("1 of 3 switches alone are enough on this seed.");
    }

    @Test
    void cancellingStopsTheRerunAndSaysSo(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ExplainerViewModel vm = openAt(
                robot,
                (header, txn, block, patch, progress) -> {
                    started.countDown();
                    while (!progress.isCancelled()) {
                        Thread.onSpinWait();
                    }
                    throw new CancelledException();
                },
                RaceTraceFixture.FPRE004);
        robot.interact(vm::rerunWithPatch);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(vm.runningProperty().get()).isTrue();
        robot.interact(vm::cancel);
        awaitIdle(vm);
        assertThat(vm.rerunStatusProperty().get()).isEqualTo("Re-run cancelled.");
        assertThat(vm.patchedOutcomeProperty().get()).isNull();
    }

    @Test
    void aScenarioThatCannotBeRebuiltIsReportedInWords(FxRobot robot) throws Exception {
        ExplainerViewModel vm = openAt(
                robot,
                (header, txn, block, patch, progress) -> {
                    throw new ScenarioException("unknown scenario 'canonical'");
                },
                RaceTraceFixture.FPRE004);
        robot.interact(vm::rerunWithPatch);
        awaitIdle(vm);
        assertThat(vm.rerunStatusProperty().get()).isEqualTo("Re-run failed: unknown scenario 'canonical'");
    }
}
