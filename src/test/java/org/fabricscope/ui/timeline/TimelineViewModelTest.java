package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Focus mode and pins as commands, without a Stage. */
class TimelineViewModelTest {
    private static LoadedTrace legacy;
    private static LoadedTrace patched;
    private static int fpre;

    private final TraceSession session = new TraceSession();
    private TimelineViewModel vm;

    @BeforeAll
    static void read() throws Exception {
        legacy = load(FocusSetTest.LEGACY);
        patched = load(Path.of("sample-traces/fpre004-repro-patched.jsonl"));
        fpre = legacy.index().nextOfKind(EventKind.FPRE004, -1);
    }

    private static LoadedTrace load(Path p) throws Exception {
        Trace t = TraceReader.read(p, Progress.NONE);
        return new LoadedTrace(p, t, TraceIndex.build(t, Progress.NONE));
    }

    @BeforeEach
    void open() {
        vm = new TimelineViewModel(session);
        session.open(legacy);
    }

    @Test
    void focusOnAnFpre004SetsTheFocusAndMovesTheCursorToIt() {
        assertThat(vm.focusOnFpre004(fpre)).isTrue();

        assertThat(vm.getFocus().fpreSeq()).isEqualTo(fpre);
        assertThat(session.getCurrentStep()).isEqualTo(fpre);
        assertThat(session.selectedBlockProperty().get())
                .isEqualTo(legacy.trace().block(fpre));
        assertThat(vm.messageProperty().get()).contains("FPRE004 #" + fpre);
    }

    @Test
    void zFromAnywhereFocusesOnTheNearestFpre004AndAgainReturnsToTheFullView() {
        session.currentStepProperty().set(0);
        assertThat(vm.toggleFocus()).isTrue();
        assertThat(vm.getFocus().fpreSeq())
                .as("the next one, when none is before the cursor")
                .isEqualTo(fpre);

        assertThat(vm.toggleFocus()).isTrue();
        assertThat(vm.isFocused()).isFalse();

        session.currentStepProperty().set(legacy.trace().size() - 1);
        vm.toggleFocus();
        assertThat(vm.getFocus().fpreSeq()).as("the last one before the cursor").isEqualTo(fpre);
    }

    @Test
    void focusingWhereThereIsNoFpre004SaysWhy() {
        session.open(patched);
        assertThat(vm.toggleFocus()).isFalse();
        assertThat(vm.isFocused()).isFalse();
        assertThat(vm.messageProperty().get()).contains("no FPRE004");

        session.open(legacy);
        assertThat(vm.focusOnFpre004(0)).isFalse();
        assertThat(vm.messageProperty().get()).contains("not an FPRE004");
    }

    @Test
    void openingAnotherTraceLeavesFocusAndDropsThePins() {
        vm.focusOnFpre004(fpre);
        vm.pin(new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, 3, "block 3"));
        session.open(patched);

        assertThat(vm.isFocused()).isFalse();
        assertThat(vm.pinnedLanes()).isEmpty();
    }

    @Test
    void pinAndUnpinALane() {
        LaneLayout.Lane lane = new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, 3, "block 3");
        vm.pin(lane);
        vm.pin(new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, 3, "block 3"));
        assertThat(vm.pinnedLanes()).containsExactly(lane);
        assertThat(vm.isPinned(lane)).isTrue();

        vm.unpin(lane);
        assertThat(vm.pinnedLanes()).isEmpty();
    }
}
