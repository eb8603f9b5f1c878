package org.fabricscope.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.fabricscope.replay.Breakpoint;
import org.fabricscope.replay.explain.RaceTraceFixture;
import org.fabricscope.trace.EventKind;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The breakpoint editor: writes against reads, conditions, sequences, disabling; and F8 announcing the hit. */
@ExtendWith(ApplicationExtension.class)
class BreakpointEditorGuiTest {
    private final TraceSession session = new TraceSession();
    private ReplayControlsView controls;

    @Start
    void start(Stage stage) {
        controls = new ReplayControlsView(session);
        BorderPane root = new BorderPane();
        root.setTop(controls);
        Scene scene = new Scene(root, 1200, 300);
        controls.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        session.open(RaceTraceFixture.loaded());
        controls.viewModel().breakpoints().clear();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> robot.listWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                .toList()
                .forEach(javafx.stage.Window::hide));
    }

    /** Fills the editor's form (by program: the choices are combo boxes) and presses Add. */
    private void add(
            FxRobot robot,
            String kind,
            String block,
            String field,
            String value,
            int access,
            String when,
            String after,
            String before) {
        robot.interact(controls::showBreakpoints);
        robot.interact(() -> {
            robot.lookup("#breakpoint-kind").queryComboBox().getSelectionModel().select(kind);
            robot.lookup("#breakpoint-field")
                    .queryComboBox()
                    .getSelectionModel()
                    .select(field);
            robot.lookup("#breakpoint-access")
                    .queryComboBox()
                    .getSelectionModel()
                    .select(access);
            robot.lookup("#breakpoint-after")
                    .queryComboBox()
                    .getSelectionModel()
                    .select(after);
            robot.lookup("#breakpoint-before")
                    .queryComboBox()
                    .getSelectionModel()
                    .select(before);
            robot.lookup("#breakpoint-block").queryAs(TextField.class).setText(block);
            robot.lookup("#breakpoint-value").queryAs(TextField.class).setText(value);
            robot.lookup("#breakpoint-condition").queryAs(TextField.class).setText(when);
        });
        robot.clickOn("#breakpoint-add");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int f8FromStart(FxRobot robot) {
        robot.interact(() -> session.currentStepProperty().set(0));
        robot.interact(() -> controls.viewModel().runToNextBreakpoint());
        return session.getCurrentStep();
    }

    @Test
    void theDefaultChoiceStopsWhereTheValueIsWrittenNotWhereTheVerifierReadsIt(FxRobot robot) {
        add(robot, "any", "2", "cacheState", "READY", 0, "", "none", "none");
        Breakpoint b = controls.viewModel().breakpoints().get(0);
        assertThat(b.access()).isEqualTo(Breakpoint.Access.WRITES);
        assertThat(b.describe()).isEqualTo("any event on block 2 setting cacheState = READY");
        assertThat(f8FromStart(robot)).isEqualTo(RaceTraceFixture.PREFETCH_READY);
        assertThat(controls.viewModel().messageProperty().get())
                .isEqualTo(
                        "Stopped at breakpoint 1 at #19, 12.000 ms, block 2: any event on block 2 setting cacheState = READY.");
        // Nothing else writes READY on block 2: the verifier's reads of it do not stop.
        robot.interact(() -> controls.viewModel().runToNextBreakpoint());
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.LAST);
        assertThat(controls.viewModel().messageProperty().get()).startsWith("No breakpoint hit after step 19");
    }

    @Test
    void theReadsChoiceStopsAtTheVerifiersCheck(FxRobot robot) {
        add(robot, "any", "2", "cacheState", "READY", 1, "", "none", "none");
        assertThat(controls.viewModel().breakpoints().get(0).access()).isEqualTo(Breakpoint.Access.READS);
        assertThat(f8FromStart(robot)).isEqualTo(RaceTraceFixture.CHECK_CACHE_STATE);
    }

    @Test
    void aConditionAndASequenceAreBuiltFromTheForm(FxRobot robot) {
        add(
                robot,
                "PREFETCH_READY",
                "",
                "any",
                "",
                0,
                "cacheState=READY && lastWritePending",
                "WRITE_LOCK",
                "WRITE_RELEASE");
        Breakpoint b = controls.viewModel().breakpoints().get(0);
        assertThat(b.toSpec())
                .isEqualTo(
                        "PREFETCH_READY; after WRITE_LOCK; before WRITE_RELEASE; when cacheState=READY && lastWritePending");
        // 18 marks the version first (cacheState still FILLING); 19 makes it READY while the write is pending.
        assertThat(f8FromStart(robot)).isEqualTo(RaceTraceFixture.PREFETCH_READY);
    }

    @Test
    void aBadConditionIsRefusedWithItsReason(FxRobot robot) {
        add(robot, "VERIFY_CHECK", "", "any", "", 0, "cachState=READY", "none", "none");
        assertThat(controls.viewModel().breakpoints()).isEmpty();
        assertThat(robot.lookup(".error-text").queryAs(Label.class).getText())
                .startsWith("When: Unknown field 'cachState'");
    }

    @Test
    void clearingABreakpointsBoxDisablesItWithoutDeletingIt(FxRobot robot) {
        add(robot, "FPRE004", "", "any", "", 0, "", "none", "none");
        add(robot, "FPRE004", "3", "any", "", 0, "", "none", "none");
        robot.clickOn(robot.lookup("#breakpoint-enabled-0").queryAs(CheckBox.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(controls.viewModel().breakpoints()).hasSize(2);
        assertThat(controls.viewModel().breakpoints().get(0).enabled()).isFalse();
        assertThat(f8FromStart(robot)).isEqualTo(RaceTraceFixture.SECOND_FPRE004);
        assertThat(controls.viewModel().messageProperty().get())
                .startsWith("Stopped at breakpoint 2 at #" + RaceTraceFixture.SECOND_FPRE004)
                .endsWith(": FPRE004 on block 3.");

        robot.clickOn(robot.lookup("#breakpoint-enabled-0").queryAs(CheckBox.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(f8FromStart(robot)).isEqualTo(RaceTraceFixture.FPRE004);
        assertThat(controls.viewModel().breakpoints().get(0).kind()).isEqualTo(EventKind.FPRE004);
    }
}
