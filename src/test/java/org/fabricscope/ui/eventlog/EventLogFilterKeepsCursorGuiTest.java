package org.fabricscope.ui.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Changing a filter keeps the cursor's row (or, when it is filtered out, the nearest row) in view. */
@ExtendWith(ApplicationExtension.class)
class EventLogFilterKeepsCursorGuiTest {
    private final TraceSession session = new TraceSession();
    private EventLogView view;

    private static Trace everyThirdIsAPrefetch(int events) {
        Topology topology = new Topology(1, 1, List.of(new Topology.BlockInfo(0, 0, "file-x")));
        TraceBuilder b = new TraceBuilder(
                new TraceHeader(
                        TraceHeader.FORMAT_NAME,
                        TraceHeader.FORMAT_VERSION,
                        "test",
                        "test",
                        Map.of(),
                        1,
                        1,
                        PatchSwitches.NONE,
                        topology),
                events);
        for (int i = 0; i < events; i++) {
            EventKind kind = i % 3 == 0 ? EventKind.PREFETCH_START : EventKind.READ_ISSUE;
            b.event(i, 0, 0, "a", kind, kind == EventKind.PREFETCH_START ? Field.CACHE_STATE : null, 0, 0, -1, 0);
        }
        return b.build();
    }

    @Start
    void start(Stage stage) {
        view = new EventLogView(session);
        stage.setScene(new Scene(view, 900, 500));
        stage.show();
        Trace trace = everyThirdIsAPrefetch(3_000);
        session.open(new LoadedTrace(null, trace, TraceIndex.build(trace, Progress.NONE)));
    }

    private int[] visibleRows() {
        VirtualFlow<?> flow = (VirtualFlow<?>) view.table().lookup(".virtual-flow");
        return new int[] {
            flow.getFirstVisibleCell().getIndex(), flow.getLastVisibleCell().getIndex()
        };
    }

    private void assertRowInView(int row) {
        WaitForAsyncUtils.waitForFxEvents();
        int[] shown = visibleRows();
        assertThat(row).as("row %d in view %d..%d", row, shown[0], shown[1]).isBetween(shown[0], shown[1]);
    }

    @Test
    void aKindFilterKeepsTheCursorsRowInViewAndClearingItToo(FxRobot robot) {
        robot.interact(() -> session.currentStepProperty().set(2_400));
        assertRowInView(2_400);
        robot.interact(() -> view.viewModel().chosenKinds().setAll(EventKind.PREFETCH_START));
        assertThat(view.viewModel().rows()).hasSize(1_000);
        assertRowInView(800);
        robot.interact(() -> view.viewModel().chosenKinds().clear());
        assertRowInView(2_400);
    }

    @Test
    void whenTheCursorsEventIsFilteredOutTheNearestRowStaysInView(FxRobot robot) {
        robot.interact(() -> session.currentStepProperty().set(2_401));
        assertRowInView(2_401);
        robot.interact(() -> view.viewModel().chosenKinds().setAll(EventKind.PREFETCH_START));
        // seq 2401 is not shown; 2403 (row 801) follows it.
        assertRowInView(801);
    }
}
