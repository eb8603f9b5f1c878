package org.fabricscope.ui.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The event log's searchable pickers, and its block filter hiding timeline lanes. */
@ExtendWith(ApplicationExtension.class)
class EventLogPickersGuiTest {
    private final TraceSession session = new TraceSession();
    private EventLogView view;

    @Start
    void start(Stage stage) {
        view = new EventLogView(session);
        stage.setScene(new Scene(view, 1000, 500));
        stage.show();
    }

    @BeforeEach
    void open(FxRobot robot) throws Exception {
        Path p = Path.of("sample-traces/fpre004-repro-legacy.jsonl");
        Trace t = TraceReader.read(p, Progress.NONE);
        LoadedTrace loaded = new LoadedTrace(p, t, TraceIndex.build(t, Progress.NONE));
        robot.interact(() -> session.open(loaded));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingInTheKindPickerNarrowsTheListAndEnterChecksTheExactMatch(FxRobot robot) {
        robot.clickOn("#filter-kinds");
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("fpre");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        CheckPicker<EventKind> kinds =
                (CheckPicker<EventKind>) robot.lookup("#filter-kinds").query();
        assertThat(kinds.isShowingList()).isTrue();
        assertThat(kinds.shownItems()).containsExactly(EventKind.FPRE004);

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.viewModel().chosenKinds()).containsExactly(EventKind.FPRE004);
        assertThat(view.viewModel().rows()).hasSize(1);
        assertThat(kinds.getText()).isEqualTo("Kinds: FPRE004");
    }

    @Test
    void enterWithoutAnExactMatchChecksEveryItemShownAndClearUnchecksAll(FxRobot robot) {
        robot.clickOn("#filter-kinds");
        robot.write("write_");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.viewModel().chosenKinds())
                .isNotEmpty()
                .allSatisfy(k -> assertThat(k.name()).startsWith("WRITE_"));

        robot.clickOn("#filter-kinds-clear");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.viewModel().chosenKinds()).isEmpty();
    }

    @Test
    void hideOtherLanesPublishesTheChosenBlocksToTheTimeline(FxRobot robot) {
        robot.clickOn("#filter-blocks");
        robot.write("179");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.viewModel().chosenBlocks()).containsExactly(179);
        assertThat(session.visibleBlocksProperty().get())
                .as("not asked to hide lanes yet")
                .isNull();

        robot.clickOn("#filter-lanes");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#filter-lanes").queryAs(CheckBox.class).isSelected())
                .isTrue();
        assertThat(session.visibleBlocksProperty().get()).isEqualTo(Set.of(179));

        robot.interact(() -> view.viewModel().chosenBlocks().clear());
        assertThat(session.visibleBlocksProperty().get())
                .as("no block chosen: every lane")
                .isNull();
    }
}
