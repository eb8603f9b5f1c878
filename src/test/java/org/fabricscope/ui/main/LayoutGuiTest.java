package org.fabricscope.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.fabricscope.replay.explain.RaceTraceFixture;
import org.fabricscope.ui.scenario.EmbeddedSimulation;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.CrashLog;
import org.fabricscope.ui.testing.FakeTraceFiles;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.TestPreferences;
import org.fabricscope.ui.timeline.TimelineControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's layout at the default and the smallest supported size, Esc leaving text fields,
 * refused numbers and the status bar's reasons, on the real window (headless Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class LayoutGuiTest {
    @TempDir
    static Path dir;

    private final TestPreferences prefs = new TestPreferences();
    private final ExecutorService workers = BackgroundWork.workers();
    private final FakeTraceFiles files = new FakeTraceFiles();
    private final MainWindow.Services services = new MainWindow.Services(
            files,
            new EmbeddedSimulation(),
            prefs.preferences(),
            new CrashLog(dir.resolve("fabricscope.log")),
            workers);
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, services);
    }

    @AfterEach
    void cleanUp() throws Exception {
        Fx.run(() -> window.stage().hide());
        workers.shutdownNow();
        prefs.close();
    }

    private void openRace() throws Exception {
        Path p = dir.resolve("race.jsonl");
        files.put(p, RaceTraceFixture.build());
        Fx.run(() -> window.viewModel().open(p));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
    }

    private void resize(double width, double height) throws Exception {
        Fx.run(() -> {
            window.stage().setWidth(width);
            window.stage().setHeight(height);
        });
        // The split pane lays out at the new width; the side panes are set right after.
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    private double width(FxRobot robot, String query) {
        return node(robot, query).getBoundsInLocal().getWidth();
    }

    /** Shown, and wholly inside {@code within} (so neither clipped nor pushed off the window). */
    private static void assertWhollyShown(Node n, Node within) {
        assertThat(n.isVisible()).as("%s visible", n.getId()).isTrue();
        Bounds b = n.localToScene(n.getBoundsInLocal());
        Bounds w = within.localToScene(within.getBoundsInLocal());
        assertThat(b.getWidth()).as("%s has a width", n.getId()).isGreaterThan(10);
        assertThat(b.getMinX()).as("%s left edge", n.getId()).isGreaterThanOrEqualTo(w.getMinX() - 0.5);
        assertThat(b.getMaxX()).as("%s right edge", n.getId()).isLessThanOrEqualTo(w.getMaxX() + 0.5);
        assertThat(b.getMinY()).as("%s top edge", n.getId()).isGreaterThanOrEqualTo(w.getMinY() - 0.5);
        assertThat(b.getMaxY()).as("%s bottom edge", n.getId()).isLessThanOrEqualTo(w.getMaxY() + 0.5);
    }

    @Test
    void atTheDefaultSizeAndAt1024x700TheReadoutRunToFpre004AndEveryPanelShowWhole(FxRobot robot) throws Exception {
        openRace();
        for (double[] size : new double[][] {{1440, 900}, {1024, 700}}) {
            resize(size[0], size[1]);
            Node root = window.view();
            for (String id : new String[] {
                "#replay-position",
                "#next-fpre004",
                "#play",
                "#go-to",
                "#breakpoints",
                "#filter-text",
                "#filter-kinds",
                "#sideTabs",
                "#scenarioPanel",
                "#traceSummary"
            }) {
                assertWhollyShown(node(robot, id), root);
            }
            Node centre = node(robot, "#event-table").getParent().getParent();
            assertWhollyShown(node(robot, "#filter-text"), centre);
            assertThat(width(robot, "#sideTabs")).as("inspector at %s", size[0]).isGreaterThanOrEqualTo(239);
            assertThat(width(robot, "#scenarioPanel"))
                    .as("scenario at %s", size[0])
                    .isGreaterThanOrEqualTo(195);
            assertThat(robot.lookup("#replay-position").queryAs(Label.class).getText())
                    .startsWith("Step 0 / 45");
        }
    }

    @Test
    void steppingDoesNotMoveTheControlsAfterTheReadout(FxRobot robot) throws Exception {
        openRace();
        for (double width : new double[] {1440, 1024}) {
            resize(width, 700);
            Fx.run(() -> window.viewModel().session().currentStepProperty().set(0));
            WaitForAsyncUtils.waitForFxEvents();
            Bounds play = node(robot, "#play").localToScene(node(robot, "#play").getBoundsInLocal());
            Fx.run(() -> window.viewModel().session().currentStepProperty().set(RaceTraceFixture.LAST));
            WaitForAsyncUtils.waitForFxEvents();
            Bounds after =
                    node(robot, "#play").localToScene(node(robot, "#play").getBoundsInLocal());
            assertThat(after.getMinX()).as("play at %s", width).isEqualTo(play.getMinX());
            assertThat(after.getMinY()).as("play at %s", width).isEqualTo(play.getMinY());
        }
    }

    @Test
    void sidePanesKeepTheirMinimumWhenNarrowAndReturnToTheirWidthsWhenWideAgain(FxRobot robot) throws Exception {
        resize(1440, 900);
        double before = width(robot, "#sideTabs");
        // The user widens the inspector by dragging its divider 120 px to the left.
        Node divider = Fx.call(() -> window.view().lookupAll(".split-pane-divider").stream()
                .filter(d -> d.getParent()
                        == window.view().lookupAll(".main-split").iterator().next())
                .reduce((a, b) -> b)
                .orElseThrow());
        robot.drag(divider).moveBy(-120, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double inspector = width(robot, "#sideTabs");
        double scenario = width(robot, "#scenarioPanel");
        assertThat(inspector).isCloseTo(before + 120, org.assertj.core.data.Offset.offset(3.0));
        resize(900, 700);
        assertThat(width(robot, "#sideTabs")).isGreaterThanOrEqualTo(239).isLessThan(inspector);
        assertThat(width(robot, "#scenarioPanel")).isGreaterThanOrEqualTo(195);
        resize(1440, 900);
        assertThat(width(robot, "#sideTabs")).isCloseTo(inspector, org.assertj.core.data.Offset.offset(2.0));
        assertThat(width(robot, "#scenarioPanel")).isCloseTo(scenario, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void escInAFilterBoxHandsTheKeysBackToTheTimelineSoFJumpsInsteadOfTyping(FxRobot robot) throws Exception {
        openRace();
        TextField filter = robot.lookup("#filter-text").queryAs(TextField.class);
        robot.clickOn(filter).write("f");
        assertThat(filter.getText()).isEqualTo("f");
        assertThat(window.viewModel().session().getCurrentStep()).isZero();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().getScene().getFocusOwner()).isInstanceOf(TimelineControl.class);

        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(filter.getText()).isEqualTo("f");
        assertThat(window.viewModel().session().getCurrentStep()).isEqualTo(RaceTraceFixture.FPRE004);
    }

    @Test
    void escInTheGoToFieldLeavesItAndEscElsewhereCancelsTheRunningWork(FxRobot robot) throws Exception {
        openRace();
        Path slow = dir.resolve("slow.jsonl");
        files.put(slow, RaceTraceFixture.build());
        CountDownLatch gate = files.slow(slow);
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#go-to").queryAs(TextField.class).isFocused()).isTrue();
        Fx.run(() -> window.viewModel().open(slow));
        files.slowReadStarted.await();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#go-to").queryAs(TextField.class).isFocused()).isFalse();
        assertThat(window.viewModel().busyProperty().get())
                .as("the first Esc only leaves the field")
                .isTrue();

        robot.type(KeyCode.ESCAPE);
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        gate.countDown();
        assertThat(window.viewModel().statusProperty().get()).contains("Cancelled");
    }

    @Test
    void aNumberFieldRefuses7Point5WithAMessageInsteadOfReading75(FxRobot robot) throws Exception {
        TextField burst = robot.lookup("#param-readBurstSize").queryAs(TextField.class);
        // Focus by program: where a click lands depends on the size earlier tests left the stage at.
        Fx.run(burst::requestFocus);
        robot.push(KeyCode.END).eraseText(10).write("7.5");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(burst.getText()).isEqualTo("7.5");
        assertThat(burst.getPseudoClassStates()).extracting(Object::toString).contains("invalid");
        assertThat(robot.lookup(".validation-message").queryAs(Label.class).getText())
                .contains("readBurstSize")
                .contains("whole number")
                .contains("'7.5'");
        assertThat(robot.lookup("#scenarioPanel #runButton").queryButton().isDisabled())
                .isTrue();

        robot.push(KeyCode.END).eraseText(10).write("7");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#scenarioPanel #runButton").queryButton().isDisabled())
                .isFalse();
    }

    @Test
    void aCommandThatCannotApplySaysWhyInTheStatusBar(FxRobot robot) throws Exception {
        openRace();
        StatusBar status = robot.lookup(".status-bar").queryAs(StatusBar.class);
        Fx.run(() -> window.view().timeline().requestFocus());
        robot.type(KeyCode.END);
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).isEqualTo("No later FPRE004.");

        Fx.run(() -> window.viewModel().showStatus("something else"));
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).as("said again when pressed again").isEqualTo("No later FPRE004.");

        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        robot.write("soon").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).contains("'soon' is neither a step");

        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText())
                .startsWith("Stopped at breakpoint 1 at #" + RaceTraceFixture.FPRE004 + ", ")
                .endsWith(": FPRE004.");
    }

    @Test
    void theWindowSizeOptionReadsWidthByHeightAndIgnoresNonsense() {
        assertThat(MainWindow.windowSize("1024x700"))
                .hasValueSatisfying(s -> assertThat(s).containsExactly(1024, 700));
        assertThat(MainWindow.windowSize(" 1280 X 800 "))
                .hasValueSatisfying(s -> assertThat(s).containsExactly(1280, 800));
        assertThat(MainWindow.windowSize(null)).isEmpty();
        assertThat(MainWindow.windowSize("big")).isEmpty();
        assertThat(MainWindow.windowSize("640x480")).isEmpty();
    }
}
