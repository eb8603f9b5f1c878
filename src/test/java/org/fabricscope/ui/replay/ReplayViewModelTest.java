package org.fabricscope.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabricscope.replay.Breakpoint;
import org.fabricscope.replay.explain.RaceTraceFixture;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayViewModelTest {
    private final TraceSession session = new TraceSession();
    private final ReplayViewModel vm = new ReplayViewModel(session);

    @BeforeEach
    void open() {
        session.open(RaceTraceFixture.loaded());
    }

    @Test
    void stepForwardAndBackMoveTheCursorByOneEvent() {
        session.currentStepProperty().set(10);
        vm.stepForward();
        assertThat(session.getCurrentStep()).isEqualTo(11);
        assertThat(session.selectedEventProperty().get()).isEqualTo(11);
        vm.stepBack();
        vm.stepBack();
        assertThat(session.getCurrentStep()).isEqualTo(9);
    }

    @Test
    void stepBackRestoresPreviousBlockState() {
        session.currentStepProperty().set(RaceTraceFixture.PREFETCH_READY - 1);
        var before = session.getTrace().index().stateAt(RaceTraceFixture.BLOCK, session.getCurrentStep());
        vm.stepForward();
        assertThat(session.getTrace()
                        .index()
                        .stateAt(RaceTraceFixture.BLOCK, session.getCurrentStep())
                        .get(Field.CACHE_STATE))
                .isEqualTo(CacheState.READY.ordinal());
        vm.stepBack();
        assertThat(session.getTrace().index().stateAt(RaceTraceFixture.BLOCK, session.getCurrentStep()))
                .isEqualTo(before);
    }

    @Test
    void nothingAppliesWithoutATrace() {
        session.open(null);
        assertThat(vm.hasTraceProperty().get()).isFalse();
        assertThat(vm.canStepForwardProperty().get()).isFalse();
        assertThat(vm.canNextFpre004Property().get()).isFalse();
        vm.stepForward();
        vm.nextFpre004();
        assertThat(session.getCurrentStep()).isEqualTo(-1);
    }

    @Test
    void atTheEndStepForwardIsDisabledAndStepBackIsNot() {
        vm.goToEnd();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.LAST);
        assertThat(vm.canStepForwardProperty().get()).isFalse();
        assertThat(vm.canStepBackProperty().get()).isTrue();
        vm.stepForward();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.LAST);
        vm.goToStart();
        assertThat(session.getCurrentStep()).isZero();
        assertThat(vm.canStepBackProperty().get()).isFalse();
    }

    @Test
    void nextFpre004JumpsToTheFailureAndSelectsItsBlock() {
        vm.nextFpre004();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.FPRE004);
        assertThat(session.selectedBlockProperty().get()).isEqualTo(RaceTraceFixture.BLOCK);
        vm.nextFpre004();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.SECOND_FPRE004);
        assertThat(vm.canNextFpre004Property().get()).isFalse();
        vm.previousFpre004();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.FPRE004);
    }

    @Test
    void nextTransitionSkipsChecksAndOtherBlocks() {
        session.selectedBlockProperty().set(RaceTraceFixture.BLOCK);
        session.currentStepProperty().set(RaceTraceFixture.VERIFY_BEGIN);
        vm.nextTransition();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.COMPACT_COPY);
        vm.previousTransition();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.PREFETCH_READY);
    }

    @Test
    void transitionsNeedABlock() {
        session.currentStepProperty().set(0);
        session.selectedBlockProperty().set(-1);
        // event 0 is block 0's BLOCK_INIT, so the focus block is 0
        assertThat(vm.focusBlock()).isZero();
        assertThat(vm.canNextTransitionProperty().get()).isTrue();
    }

    @Test
    void nextCheckVisitsVerifierChecksInOrder() {
        session.currentStepProperty().set(RaceTraceFixture.VERIFY_BEGIN);
        vm.nextCheck();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.CHECK_CACHE_STATE);
        vm.nextCheck();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.CHECK_CACHE_VERSION);
        vm.previousCheck();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.CHECK_CACHE_STATE);
    }

    @Test
    void playbackStopsAtTheDefaultFpre004Breakpoint() {
        int advanced = vm.advancePlayback(1_000);
        assertThat(advanced).isEqualTo(RaceTraceFixture.FPRE004);
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.FPRE004);
        assertThat(vm.isPlaying()).isFalse();
        assertThat(vm.messageProperty().get()).contains("FPRE004", "#" + RaceTraceFixture.FPRE004);
    }

    @Test
    void playbackAdvancesOnlyTheBudgetWhenNoBreakpointIsInReach() {
        assertThat(vm.advancePlayback(5)).isEqualTo(5);
        assertThat(session.getCurrentStep()).isEqualTo(5);
    }

    @Test
    void playbackStopsAtAUserBreakpointOnAFieldValue() {
        vm.breakpoints()
                .add(Breakpoint.onValue(RaceTraceFixture.BLOCK, Field.CACHE_STATE, CacheState.READY.ordinal())
                        .withKind(EventKind.PREFETCH_READY));
        vm.advancePlayback(1_000);
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.PREFETCH_READY);
        assertThat(vm.messageProperty().get()).contains("PREFETCH_READY");
    }

    @Test
    void playbackWithoutBreakpointsRunsToTheEnd() {
        vm.breakpoints().clear();
        vm.advancePlayback(1_000);
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.LAST);
        assertThat(vm.messageProperty().get()).isEqualTo("End of trace.");
    }

    @Test
    void runToNextBreakpointContinuesPastTheOneUnderTheCursor() {
        session.currentStepProperty().set(RaceTraceFixture.FPRE004);
        assertThat(vm.runToNextBreakpoint()).isEqualTo(RaceTraceFixture.SECOND_FPRE004);
    }

    @Test
    void previousBreakpointGoesBackToTheLastHitBeforeTheCursor() {
        session.currentStepProperty().set(RaceTraceFixture.LAST);
        assertThat(vm.previousBreakpoint()).isEqualTo(RaceTraceFixture.SECOND_FPRE004);
        assertThat(vm.previousBreakpoint()).isEqualTo(RaceTraceFixture.FPRE004);
        assertThat(vm.previousBreakpoint()).isEqualTo(-1);
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.FPRE004);
    }

    @Test
    void fasterAndSlowerWalkThePresetSpeedsAndStopAtTheEnds() {
        vm.eventsPerSecondProperty().set(20);
        vm.faster();
        assertThat(vm.eventsPerSecondProperty().get()).isEqualTo(50);
        vm.eventsPerSecondProperty().set(1);
        vm.slower();
        assertThat(vm.eventsPerSecondProperty().get()).isEqualTo(1);
        vm.eventsPerSecondProperty().set(10_000);
        vm.faster();
        assertThat(vm.eventsPerSecondProperty().get()).isEqualTo(10_000);
        vm.slower();
        assertThat(vm.eventsPerSecondProperty().get()).isEqualTo(1000);
    }

    @Test
    void goToAcceptsAStepNumber() {
        assertThat(vm.goTo("25")).isNull();
        assertThat(session.getCurrentStep()).isEqualTo(25);
    }

    @Test
    void goToATimeLandsOnTheFirstEventAtOrAfterIt() {
        assertThat(vm.goTo("12.4ms")).isNull();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.COMPACT_SWITCH_EXTENT);
        assertThat(vm.goTo("12390us")).isNull();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.COMPACT_SWITCH_EXTENT);
        assertThat(vm.goTo("5s")).isNull();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.LAST);
    }

    @Test
    void goToRejectsAStepPastTheEndAndNonsenseWithAMessage() {
        session.currentStepProperty().set(3);
        assertThat(vm.goTo("9999")).contains("no step 9999", "0 to " + RaceTraceFixture.LAST);
        assertThat(vm.goTo("soon")).contains("neither a step");
        assertThat(session.getCurrentStep()).isEqualTo(3);
    }
}
