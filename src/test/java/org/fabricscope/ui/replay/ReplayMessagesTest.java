package org.fabricscope.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fabricscope.replay.Breakpoint;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.replay.explain.RaceTraceFixture;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every replay command that cannot do anything says why (the window shows it in the status bar). */
class ReplayMessagesTest {
    private final TraceSession session = new TraceSession();
    private final ReplayViewModel vm = new ReplayViewModel(session);
    private final List<String> said = new ArrayList<>();

    @BeforeEach
    void open() {
        session.open(RaceTraceFixture.loaded());
        vm.messageProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                said.add(now);
            }
        });
    }

    private String last() {
        return said.isEmpty() ? "" : said.get(said.size() - 1);
    }

    @Test
    void fWithNoFpre004LeftSaysSoEachTimeItIsPressed() {
        vm.goToEnd();
        vm.nextFpre004();
        vm.nextFpre004();
        assertThat(said).containsExactly("No later FPRE004.", "No later FPRE004.");
    }

    @Test
    void fOnATraceWithoutAnyFpre004SaysTheTraceHasNone() {
        Topology topology = new Topology(1, 1, List.of(new Topology.BlockInfo(0, 0, "f")));
        TraceBuilder b = new TraceBuilder(new TraceHeader(
                TraceHeader.FORMAT_NAME,
                TraceHeader.FORMAT_VERSION,
                "t",
                "t",
                Map.of(),
                1,
                1,
                PatchSwitches.ALL,
                topology));
        b.event(0, 0, 0, "client@n0", EventKind.READ_ISSUE, null, 0, 0, -1, 1);
        b.event(5, 0, 0, "client@n0", EventKind.READ_OK, null, 0, 0, 0, 1);
        Trace t = b.build();
        session.open(new LoadedTrace(null, t, TraceIndex.build(t, Progress.NONE)));
        vm.nextFpre004();
        assertThat(last()).isEqualTo("This trace has no FPRE004.");
    }

    @Test
    void steppingPastEitherEndSaysWhereTheCursorIs() {
        vm.goToEnd();
        vm.stepForward();
        assertThat(last()).isEqualTo("Already at the last event.");
        vm.play();
        assertThat(last()).startsWith("At the last event: nothing left to play");
        vm.goToStart();
        vm.stepBack();
        assertThat(last()).isEqualTo("Already at the first event.");
    }

    @Test
    void aGoToThatParsesToNothingOrLiesPastTheEndSaysSo() {
        assertThat(vm.goTo("7.5")).contains("'7.5' is neither a step");
        assertThat(last()).contains("'7.5' is neither a step");
        assertThat(vm.goTo("")).contains("neither a step");
        assertThat(vm.goTo("99999")).isEqualTo("There is no step 99999: the trace has steps 0 to 45.");
        assertThat(vm.goTo("2s")).isNull();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.LAST);
        assertThat(last()).endsWith("is after the last event: moved to the last event.");
    }

    @Test
    void aTransitionWithNoneLeftSaysSo() {
        session.selectedBlockProperty().set(RaceTraceFixture.BLOCK);
        session.currentStepProperty().set(RaceTraceFixture.LAST);
        vm.nextTransition();
        assertThat(last()).isEqualTo("Block 2 changes no more after this step.");
        session.currentStepProperty().set(0);
        vm.previousTransition();
        assertThat(last()).isEqualTo("Block 2 did not change before this step.");
    }

    @Test
    void breakpointCommandsSayWhenThereIsNothingToStopAt() {
        vm.breakpoints().clear();
        vm.runToNextBreakpoint();
        assertThat(last()).isEqualTo("No breakpoints: add one with Ctrl+B.");
        vm.breakpoints().add(Breakpoint.fpre004().withEnabled(false));
        vm.previousBreakpoint();
        assertThat(last()).isEqualTo("Every breakpoint is disabled: enable one with Ctrl+B.");
        vm.breakpoints().set(0, Breakpoint.fpre004());
        session.currentStepProperty().set(RaceTraceFixture.FPRE004);
        vm.previousBreakpoint();
        assertThat(last()).isEqualTo("No breakpoint hit before step " + RaceTraceFixture.FPRE004 + ".");
        vm.runToNextBreakpoint();
        assertThat(last())
                .startsWith("Stopped at breakpoint 1 at #" + RaceTraceFixture.SECOND_FPRE004 + ", ")
                .endsWith(", block 3: FPRE004.");
    }

    @Test
    void speedLimitsAreSaid() {
        for (int i = 0; i < 20; i++) {
            vm.faster();
        }
        assertThat(last()).startsWith("Already at the fastest speed");
        for (int i = 0; i < 20; i++) {
            vm.slower();
        }
        assertThat(last()).startsWith("Already at the slowest speed");
    }
}
