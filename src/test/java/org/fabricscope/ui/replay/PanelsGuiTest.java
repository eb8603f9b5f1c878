package org.fabricscope.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.fabricscope.replay.explain.RaceTraceFixture;
import org.fabricscope.sim.RunStats;
import org.fabricscope.sim.experiment.PatchRerun;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.ui.eventlog.EventLogView;
import org.fabricscope.ui.explainer.ExplainerView;
import org.fabricscope.ui.explainer.ExplainerViewModel;
import org.fabricscope.ui.inspector.InspectorView;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The four panels composed as the main window composes them, driven by keyboard and mouse. */
@ExtendWith(ApplicationExtension.class)
class PanelsGuiTest {
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final TraceSession session = new TraceSession();
    private ReplayControlsView controls;
    private EventLogView eventLog;
    private ExplainerView explainer;

    @Start
    void start(Stage stage) {
        // A stand-in simulator: the patched re-run of the fixture passes, txn 501 ends READ_OK.
        ExplainerViewModel.Runner fake = (header, txn, block, patch, progress) -> {
            progress.update(1, 1);
            RunStats stats = new RunStats(1000, 100, 100, 0, 0, 0, 0, 0, 0, 0, -1, -1);
            return new PatchRerun.Outcome(patch, stats, EventKind.READ_OK, 40);
        };
        controls = new ReplayControlsView(session);
        eventLog = new EventLogView(session);
        explainer = new ExplainerView(session, new ExplainerViewModel(session, fake));
        BorderPane root = new BorderPane();
        root.setTop(controls);
        root.setCenter(new SplitPane(eventLog, new InspectorView(session), explainer));
        Scene scene = new Scene(root, 1500, 900);
        controls.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        session.open(RaceTraceFixture.loaded());
        session.selectedBlockProperty().set(RaceTraceFixture.BLOCK);
        root.requestFocus();
    }

    private List<String> inspectorValues(FxRobot robot) {
        List<String> values = new ArrayList<>();
        for (Field f : Field.values()) {
            values.add(
                    robot.lookup("#value-" + f.jsonName()).queryAs(Label.class).getText());
        }
        return values;
    }

    @Test
    void rightArrowShowsTheNextStateAndLeftArrowRestoresTheOldOneExactly(FxRobot robot) {
        robot.interact(() -> session.currentStepProperty().set(RaceTraceFixture.PREFETCH_READY - 1));
        List<String> before = inspectorValues(robot);
        Label cacheState = robot.lookup("#value-cacheState").queryAs(Label.class);
        assertThat(cacheState.getText()).isEqualTo("FILLING");

        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.PREFETCH_READY);
        assertThat(cacheState.getText()).isEqualTo("READY");
        assertThat(cacheState.getPseudoClassStates()).contains(CHANGED);

        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.PREFETCH_READY - 1);
        assertThat(inspectorValues(robot)).isEqualTo(before);
        assertThat(cacheState.getPseudoClassStates()).doesNotContain(CHANGED);
    }

    @Test
    void clickingARowMovesTheCursorAndMovingTheCursorSelectsTheRow(FxRobot robot) {
        TableRow<?> row = robot.lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.getIndex() == 5 && !r.isEmpty())
                .queryAs(TableRow.class);
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.getCurrentStep()).isEqualTo(5);
        assertThat(session.selectedEventProperty().get()).isEqualTo(5);

        robot.interact(() -> session.currentStepProperty().set(RaceTraceFixture.LAST));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(eventLog.table().getSelectionModel().getSelectedIndex()).isEqualTo(RaceTraceFixture.LAST);
        assertThat(robot.lookup(".table-row-cell")
                        .match((TableRow<?> r) ->
                                r.getIndex() == RaceTraceFixture.LAST && r.isVisible() && !r.isEmpty())
                        .tryQuery())
                .as("the cursor's row is scrolled into view")
                .isPresent();
    }

    @Test
    void atAnFpre004TheExplainerComesForwardAndNamesTheInconsistentPair(FxRobot robot) {
        assertThat(explainer.activeProperty().get()).isFalse();
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.FPRE004);
        assertThat(explainer.activeProperty().get()).isTrue();
        assertThat(robot.lookup("#explainer-pair").queryAs(Label.class).getText())
                .isEqualTo("cacheState=READY (read at 12.300 ms) with lastWritePending=true (read at 12.450 ms)");
    }

    @Test
    void rerunWithPatchReportsThatTheCheckNowPasses(FxRobot robot) throws Exception {
        robot.clickOn("#next-fpre004");
        scrollIntoView(robot, robot.lookup("#rerun-patched").query());
        robot.clickOn("#rerun-patched");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !explainer.viewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#rerun-status").queryAs(Label.class).getText())
                .contains("0 FPRE004", "the check now passes", "txn 501 ended READ_OK");
    }

    @Test
    void typingInTheFilterBoxDoesNotTriggerReplayShortcuts(FxRobot robot) {
        robot.interact(() -> session.currentStepProperty().set(3));
        robot.clickOn("#filter-text");
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.getCurrentStep()).isEqualTo(3);
        assertThat(robot.lookup("#filter-text").queryAs(TextField.class).getText())
                .isEqualTo("f");
    }

    @Test
    void spacePlaysUntilTheFpre004Breakpoint(FxRobot robot) throws Exception {
        robot.interact(() -> {
            controls.viewModel().eventsPerSecondProperty().set(1_000);
            session.currentStepProperty().set(0);
        });
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !controls.viewModel().isPlaying());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.FPRE004);
        assertThat(controls.viewModel().messageProperty().get())
                .startsWith("Stopped at breakpoint 1 at #" + RaceTraceFixture.FPRE004)
                .endsWith(": FPRE004.");
    }

    @Test
    void breakpointEditorAddsABreakpointOnAFieldValue(FxRobot robot) {
        robot.interact(controls::showBreakpoints);
        robot.interact(() -> {
            robot.lookup("#breakpoint-kind").queryComboBox().getSelectionModel().select("PREFETCH_READY");
            robot.lookup("#breakpoint-field")
                    .queryComboBox()
                    .getSelectionModel()
                    .select("cacheState");
        });
        robot.clickOn("#breakpoint-block").write("2");
        robot.clickOn("#breakpoint-value").write("ready");
        robot.clickOn("#breakpoint-add");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(controls.viewModel().breakpoints()).hasSize(2);
        assertThat(controls.viewModel().breakpoints().get(1).describe())
                .isEqualTo("PREFETCH_READY on block 2 setting cacheState = READY");
    }

    @Test
    void ctrlGThenATimeAndEnterGoesThere(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#go-to").queryAs(TextField.class).isFocused()).isTrue();
        robot.write("12.4ms").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.COMPACT_SWITCH_EXTENT);
        // focus left the field, so the arrows step again
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.COMPACT_SWITCH_EXTENT + 1);
    }

    @Test
    void everyShortcutIsListedForHelp() {
        assertThat(controls.shortcutDescriptions())
                .contains(
                        "→ — Step forward one event",
                        "F — Run to next FPRE004",
                        "Space — Play / pause",
                        "Ctrl+G — Go to step or time");
    }

    /** The explainer's text can push its buttons below its scroll pane's viewport: scroll to them. */
    private static void scrollIntoView(FxRobot robot, javafx.scene.Node node) {
        robot.interact(() -> {
            for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    double y = sp.getContent()
                            .sceneToLocal(node.localToScene(node.getBoundsInLocal()))
                            .getMinY();
                    double range = sp.getContent().getBoundsInLocal().getHeight()
                            - sp.getViewportBounds().getHeight();
                    if (range > 0) {
                        sp.setVvalue(Math.min(1, Math.max(0, y / range)));
                    }
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
