package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline control in a real (headless) window: clicks select, the view follows the cursor. */
@ExtendWith(ApplicationExtension.class)
class TimelineControlGuiTest {
    private static final Trace TRACE = SyntheticTrace.generate(120, 6000, 11);

    private final TraceSession session = new TraceSession();
    private TimelineControl timeline;

    @Start
    void start(Stage stage) {
        timeline = new TimelineControl(session);
        stage.setScene(new Scene(new StackPane(timeline), 1200, 600));
        stage.show();
    }

    @BeforeEach
    void openTrace(FxRobot robot) throws TimeoutException {
        robot.interact(() -> session.open(LoadedTraces.of(TRACE)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, timeline.readyProperty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** An event on a block lane whose neighbours on that lane are far apart in time. */
    private static int isolatedBlockEvent(int block) {
        int previous = -1;
        for (int i = 0; i < TRACE.size(); i++) {
            if (TRACE.block(i) != block) {
                continue;
            }
            if (previous >= 0 && TRACE.timeMicros(i) - TRACE.timeMicros(previous) > 20) {
                return i;
            }
            previous = i;
        }
        throw new AssertionError("no isolated event on block " + block);
    }

    @Test
    void clickingAnEventsMarkerSelectsItItsBlockAndMovesTheCursorThere(FxRobot robot) {
        int seq = isolatedBlockEvent(0);
        long t = TRACE.timeMicros(seq);
        robot.interact(() -> timeline.zoomTo(t - 10, t + 10));
        WaitForAsyncUtils.waitForFxEvents();
        Point2D marker = timeline.eventPosition(seq);
        assertThat(marker).as("marker of event %d on screen", seq).isNotNull();

        robot.clickOn(timeline.localToScreen(marker));
        WaitForAsyncUtils.waitForFxEvents();

        int selected = session.selectedEventProperty().get();
        assertThat(selected).isNotNegative();
        assertThat(TRACE.timeMicros(selected)).isEqualTo(t);
        assertThat(TRACE.block(selected)).isEqualTo(0);
        assertThat(session.getCurrentStep()).isEqualTo(selected);
        assertThat(session.selectedBlockProperty().get()).isZero();
    }

    @Test
    void movingTheCursorFarAheadScrollsTheViewToShowIt(FxRobot robot) {
        robot.interact(() -> timeline.zoomTo(TRACE.startMicros(), TRACE.startMicros() + 200));
        int last = TRACE.size() - 1;
        assertThat(timeline.visibleEndMicros()).isLessThan(TRACE.timeMicros(last));

        robot.interact(() -> session.currentStepProperty().set(last));

        assertThat(timeline.visibleStartMicros()).isLessThanOrEqualTo(TRACE.timeMicros(last));
        assertThat(timeline.visibleEndMicros()).isGreaterThanOrEqualTo(TRACE.timeMicros(last));
    }

    @Test
    void movingTheCursorToAnEventOnALaneBelowTheViewportScrollsThatLaneIntoView(FxRobot robot) {
        int lastBlock = TRACE.header().topology().blockCount() - 1;
        int seq = isolatedBlockEvent(lastBlock);
        robot.interact(timeline::fitAll);
        assertThat(timeline.eventPosition(seq))
                .as("lane of block %d starts below the viewport", lastBlock)
                .isNull();

        robot.interact(() -> session.currentStepProperty().set(seq));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(timeline.eventPosition(seq)).isNotNull();
    }

    @Test
    void clickingAGroupHeaderCollapsesItsLanes(FxRobot robot) {
        int group = 1;
        int lanesBefore = timeline.visibleLaneCount();
        Point2D header = timeline.groupHeaderPosition(group);
        assertThat(header).isNotNull();

        robot.clickOn(timeline.localToScreen(header));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(timeline.isGroupCollapsed(group)).isTrue();
        assertThat(timeline.visibleLaneCount()).isLessThan(lanesBefore);
    }

    @Test
    void hoveringAnEventDescribesIt(FxRobot robot) {
        int seq = isolatedBlockEvent(0);
        long t = TRACE.timeMicros(seq);
        robot.interact(() -> timeline.zoomTo(t - 10, t + 10));
        WaitForAsyncUtils.waitForFxEvents();

        robot.moveTo(timeline.localToScreen(timeline.eventPosition(seq)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(timeline.hoverTextProperty().get())
                .isNotBlank()
                .contains(TRACE.kind(seq).name());
    }
}
