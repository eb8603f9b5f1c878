package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline on the committed legacy reproduction, driven by keys and the mouse: focus mode,
 * keyboard zoom about the cursor, clicks to the nearest event, lanes that do not jump, pins, and
 * the hover box leaving with the view.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineFocusGuiTest {
    private static LoadedTrace legacy;
    private static Trace trace;
    private static int fpre;

    private final TraceSession session = new TraceSession();
    private TimelineControl timeline;

    @BeforeAll
    static void read() throws Exception {
        Path p = FocusSetTest.LEGACY;
        trace = TraceReader.read(p, Progress.NONE);
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        legacy = new LoadedTrace(p, trace, index);
        fpre = index.nextOfKind(EventKind.FPRE004, -1);
    }

    @Start
    void start(Stage stage) {
        timeline = new TimelineControl(session);
        stage.setScene(new Scene(new StackPane(timeline), 1200, 600));
        stage.show();
    }

    @BeforeEach
    void open(FxRobot robot) throws TimeoutException {
        robot.interact(() -> session.open(legacy));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, timeline.readyProperty());
        robot.interact(timeline::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double cursorX() {
        return timeline.eventPositionX(session.getCurrentStep());
    }

    @Test
    void zFocusesOnTheFpre004ShowingOnlyItsStoryAndZAgainReturnsToTheFullView(FxRobot robot) {
        int fullLanes = timeline.visibleLaneCount();
        double fullStart = timeline.visibleStartMicros();
        double fullEnd = timeline.visibleEndMicros();
        FocusSet expected = FocusSet.of(trace, legacy.index(), fpre);

        robot.type(KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(timeline.viewModel().isFocused()).isTrue();
        List<LaneLayout.Lane> lanes = timeline.visibleLanes();
        assertThat(lanes.get(0))
                .isEqualTo(new LaneLayout.Lane(
                        LaneLayout.LaneKind.BLOCK, expected.block(), "block " + expected.block() + " · FPRE004"));
        assertThat(lanes)
                .extracting(LaneLayout.Lane::kind)
                .containsOnly(LaneLayout.LaneKind.BLOCK, LaneLayout.LaneKind.ACTOR_NODE);
        assertThat(lanes)
                .hasSize(expected.blocks().size() + expected.actorLanes().size());
        // The time range is the story: from the write's lock to the FPRE004, with its margin.
        assertThat(timeline.visibleStartMicros()).isLessThanOrEqualTo(trace.timeMicros(expected.writeLockSeq()));
        assertThat(timeline.visibleEndMicros()).isGreaterThanOrEqualTo(trace.timeMicros(fpre));
        assertThat(timeline.visibleEndMicros() - timeline.visibleStartMicros())
                .isLessThan((expected.toMicros() - expected.fromMicros()) * 1.01);
        assertThat(session.getCurrentStep()).isEqualTo(fpre);
        // The FPRE004 and its write's lock are drawn on the block's lane, and the verifier's check
        // on its node lane.
        assertThat(timeline.eventPosition(fpre)).isNotNull();
        assertThat(timeline.eventPosition(expected.writeLockSeq())).isNotNull();
        assertThat(timeline.lookup("#timeline-focus-banner").isVisible()).isTrue();

        robot.type(KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(timeline.viewModel().isFocused()).isFalse();
        assertThat(timeline.visibleLaneCount()).isEqualTo(fullLanes);
        assertThat(timeline.visibleStartMicros()).isCloseTo(fullStart, org.assertj.core.data.Offset.offset(1.0));
        assertThat(timeline.visibleEndMicros()).isCloseTo(fullEnd, org.assertj.core.data.Offset.offset(1.0));
        assertThat(timeline.lookup("#timeline-focus-banner").isVisible()).isFalse();
    }

    @Test
    void inFocusModeTheActorLanesShowOnlyTheirNodesEvents(FxRobot robot) {
        robot.interact(() -> timeline.viewModel().focusOnFpre004(fpre));
        WaitForAsyncUtils.waitForFxEvents();
        // The verifier check just before the FPRE004 sits on the FPRE004's block lane; with that
        // block's group, it also has a place on the verifier's node lane.
        int check = trace.cause(fpre);
        assertThat(trace.kind(check)).isEqualTo(EventKind.VERIFY_CHECK);
        assertThat(timeline.eventPosition(check)).isNotNull();
        // An event of a verifier on another node has no lane in focus mode.
        int otherNode = -1;
        for (int i = 0; i < trace.size() && otherNode < 0; i++) {
            if (trace.kind(i) == EventKind.VERIFY_CHECK
                    && trace.node(i) != trace.node(fpre)
                    && trace.block(i) != trace.block(fpre)
                    && !FocusSet.of(trace, legacy.index(), fpre).blocks().contains(trace.block(i))) {
                otherNode = i;
            }
        }
        assertThat(otherNode).isNotNegative();
        assertThat(timeline.hasLaneFor(otherNode)).isFalse();
    }

    @Test
    void keyboardZoomKeepsTheCursorWhereItIsOnTheScreen(FxRobot robot) {
        int step = trace.size() / 5;
        robot.interact(() -> session.currentStepProperty().set(step));
        WaitForAsyncUtils.waitForFxEvents();
        double before = cursorX();
        double span = timeline.visibleEndMicros() - timeline.visibleStartMicros();
        assertThat(before).as("cursor in view, left of the middle").isLessThan(timeline.getWidth() / 2);

        for (int i = 0; i < 6; i++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();

        long t = trace.timeMicros(step);
        assertThat(timeline.visibleEndMicros() - timeline.visibleStartMicros()).isLessThan(span / 10);
        assertThat(timeline.visibleStartMicros()).isLessThanOrEqualTo(t);
        assertThat(timeline.visibleEndMicros()).isGreaterThanOrEqualTo(t);
        assertThat(cursorX()).isCloseTo(before, org.assertj.core.data.Offset.offset(1.0));

        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cursorX()).isCloseTo(before, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void keyboardZoomWithTheCursorOffScreenZoomsAboutTheMiddle(FxRobot robot) {
        robot.interact(() -> session.currentStepProperty().set(0));
        robot.interact(() -> timeline.zoomTo(trace.endMicros() - 2000, trace.endMicros()));
        double middle = (timeline.visibleStartMicros() + timeline.visibleEndMicros()) / 2;
        double span = timeline.visibleEndMicros() - timeline.visibleStartMicros();

        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(timeline.visibleEndMicros() - timeline.visibleStartMicros()).isLessThan(span * 0.7);
        assertThat((timeline.visibleStartMicros() + timeline.visibleEndMicros()) / 2)
                .isCloseTo(middle, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void clickingEmptySpaceOnALaneMovesTheCursorToThatLanesNearestEvent(FxRobot robot) {
        int block = trace.block(fpre);
        robot.interact(() -> timeline.viewModel().focusOnFpre004(fpre));
        WaitForAsyncUtils.waitForFxEvents();
        Point2D label = timeline.laneLabelPosition(LaneLayout.LaneKind.BLOCK, block);
        // Just right of the window's first event on the block: in the margin, before any marker.
        double x = timeline.xForTime(timeline.visibleStartMicros()) + 3;

        robot.clickOn(timeline.localToScreen(x, label.getY()));
        WaitForAsyncUtils.waitForFxEvents();

        int seq = session.getCurrentStep();
        assertThat(trace.block(seq)).isEqualTo(block);
        int previous = -1;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.block(i) == block && trace.timeMicros(i) < timeline.visibleStartMicros()) {
                previous = i;
            }
        }
        // The nearest event on that lane: the one just after the left edge, or the one just before it.
        assertThat(seq).isIn(legacy.index().nextOfBlock(block, previous), previous);
        assertThat(session.selectedBlockProperty().get()).isEqualTo(block);
    }

    @Test
    void steppingThroughEventsOnOtherBlocksDoesNotMoveTheLanes(FxRobot robot) {
        robot.interact(() -> {
            session.selectedBlockProperty().set(trace.block(fpre));
            session.currentStepProperty().set(fpre);
        });
        robot.interact(() -> timeline.zoomTo(trace.timeMicros(fpre) - 3000, trace.timeMicros(fpre) + 3000));
        WaitForAsyncUtils.waitForFxEvents();
        double scroll = timeline.laneScrollY();

        for (int i = 0; i < 40; i++) {
            robot.interact(() -> session.currentStepProperty().set(session.getCurrentStep() + 1));
        }

        assertThat(timeline.laneScrollY()).isEqualTo(scroll);
    }

    @Test
    void theHoverBoxLeavesWhenTheViewZoomsUnderIt(FxRobot robot) {
        robot.interact(() -> timeline.viewModel().focusOnFpre004(fpre));
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(timeline.localToScreen(timeline.eventPosition(fpre)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.isHoverShowing()).isTrue();
        assertThat(timeline.hoverTextProperty().get()).contains("FPRE004").contains(" ms");

        robot.interact(() -> timeline.zoom(2));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(timeline.isHoverShowing()).isFalse();
    }

    @Test
    void aLanePinnedFromItsLabelsMenuMovesToTheTopAndUnpinsBack(FxRobot robot) {
        int block = trace.header().topology().blockCount() / 2;
        robot.interact(() ->
                timeline.viewModel().pin(new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, block, "block " + block)));
        assertThat(timeline.groupTitle(0)).isEqualTo(LaneArrangement.PINNED);
        assertThat(timeline.visibleLanes().get(0).id()).isEqualTo(block);

        Point2D label = timeline.laneLabelPosition(LaneLayout.LaneKind.BLOCK, block);
        robot.clickOn(timeline.localToScreen(label), MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#lane-unpin");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(timeline.viewModel().pinnedLanes()).isEmpty();
        assertThat(timeline.groupTitle(0)).isNotEqualTo(LaneArrangement.PINNED);

        Point2D again = timeline.laneLabelPosition(LaneLayout.LaneKind.ACTOR, 1);
        robot.clickOn(timeline.localToScreen(again), MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#lane-pin");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.visibleLanes().get(0))
                .extracting(LaneLayout.Lane::kind, LaneLayout.Lane::id)
                .containsExactly(LaneLayout.LaneKind.ACTOR, 1);
    }

    @Test
    void collapseAllAndExpandAllFromTheLabelsMenu(FxRobot robot) {
        Point2D label = timeline.laneLabelPosition(LaneLayout.LaneKind.ACTOR, 0);
        robot.clickOn(timeline.localToScreen(label), MouseButton.SECONDARY);
        robot.clickOn("#lanes-collapse-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.visibleLaneCount()).isZero();
        for (int g = 0; g < timeline.groupCount(); g++) {
            assertThat(timeline.isGroupCollapsed(g)).isTrue();
        }

        robot.clickOn(timeline.localToScreen(timeline.groupHeaderPosition(0)), MouseButton.SECONDARY);
        robot.clickOn("#lanes-expand-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.visibleLaneCount())
                .isEqualTo(timeline.visibleLanes().size())
                .isPositive();
        for (int g = 0; g < timeline.groupCount(); g++) {
            assertThat(timeline.isGroupCollapsed(g)).isFalse();
        }
    }

    @Test
    void theEventLogsLaneFilterLeavesOnlyTheChosenBlocksAndTheActors(FxRobot robot) {
        int block = trace.block(fpre);
        robot.interact(() -> session.visibleBlocksProperty().set(java.util.Set.of(block, 3)));

        assertThat(timeline.visibleLanes())
                .filteredOn(l -> l.kind() == LaneLayout.LaneKind.BLOCK)
                .extracting(LaneLayout.Lane::id)
                .containsExactlyInAnyOrder(3, block);
        assertThat(timeline.visibleLanes())
                .filteredOn(l -> l.kind() == LaneLayout.LaneKind.ACTOR)
                .hasSize(org.fabricscope.trace.ActorKind.values().length);

        robot.interact(() -> session.visibleBlocksProperty().set(null));
        assertThat(timeline.visibleLanes())
                .filteredOn(l -> l.kind() == LaneLayout.LaneKind.BLOCK)
                .hasSize(trace.header().topology().blockCount());
    }

    @Test
    void clickingAnActorLanesEventDoesNotScrollTheLanes(FxRobot robot) {
        double scroll = timeline.laneScrollY();
        Point2D label = timeline.laneLabelPosition(
                LaneLayout.LaneKind.ACTOR, org.fabricscope.trace.ActorKind.COMPACTION.ordinal());

        robot.clickOn(timeline.localToScreen(timeline.getWidth() * 0.7, label.getY()));
        WaitForAsyncUtils.waitForFxEvents();

        int seq = session.getCurrentStep();
        assertThat(trace.kind(seq).actorKind()).isEqualTo(org.fabricscope.trace.ActorKind.COMPACTION);
        assertThat(timeline.laneScrollY()).isEqualTo(scroll);
    }
}
