package org.fabricscope.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fabricscope.trace.EventKind;
import org.fabricscope.ui.files.TraceFiles;
import org.fabricscope.ui.scenario.EmbeddedSimulation;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.CrashLog;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.TestPreferences;
import org.fabricscope.ui.timeline.TimelineControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's Z key (focus on the FPRE004 and back), its status line, and the legend under the timeline. */
@ExtendWith(ApplicationExtension.class)
class FocusKeyTest {
    @TempDir
    static Path dir;

    private final TestPreferences prefs = new TestPreferences();
    private final ExecutorService workers = BackgroundWork.workers();
    private final MainWindow.Services services = new MainWindow.Services(
            TraceFiles.jsonl(),
            new EmbeddedSimulation(),
            prefs.preferences(),
            new CrashLog(dir.resolve("fabricscope.log")),
            workers);
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, services);
    }

    @BeforeEach
    void open() throws Exception {
        Fx.run(() -> window.viewModel().open(Path.of("sample-traces/fpre004-repro-legacy.jsonl")));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Fx.awaitValue(window.view().timeline().readyProperty(), true);
    }

    @AfterEach
    void cleanUp() throws Exception {
        Fx.run(() -> window.stage().hide());
        workers.shutdownNow();
        prefs.close();
    }

    @Test
    void zFocusesOnTheFpre004AndSaysSoAndZAgainReturns(FxRobot robot) {
        TimelineControl timeline = window.view().timeline();
        int fpre = window.viewModel().session().getTrace().index().nextOfKind(EventKind.FPRE004, -1);

        robot.interact(timeline::requestFocus);
        robot.type(KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(timeline.viewModel().getFocus().fpreSeq()).isEqualTo(fpre);
        assertThat(window.viewModel().statusProperty().get()).contains("Focus on FPRE004 #" + fpre);

        robot.type(KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.viewModel().isFocused()).isFalse();
    }

    @Test
    void zTypedInAFilterBoxIsText(FxRobot robot) {
        robot.clickOn("#filter-text");
        robot.type(KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.view().timeline().viewModel().isFocused()).isFalse();
        assertThat(robot.lookup("#filter-text").queryTextInputControl().getText())
                .isEqualTo("z");
    }

    @Test
    void theLegendIsUnderTheTimelineFoldedToOneLineOfKeyColoursAndUnfolds(FxRobot robot) {
        TitledPane legend = robot.lookup("#timeline-legend").queryAs(TitledPane.class);
        assertThat(legend.isVisible()).isTrue();
        assertThat(legend.isExpanded()).isFalse();
        javafx.scene.layout.HBox key = robot.lookup("#timeline-legend-key").queryAs(javafx.scene.layout.HBox.class);
        assertThat(key.isVisible()).isTrue();
        assertThat(robot.from(key).lookup(".timeline-legend-label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .contains("READY", "INVALID", "READY + write pending", "FPRE004 (the only red)");
        double timelineHeight = window.view().timeline().getHeight();

        robot.clickOn(legend.lookup(".title"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(legend.isExpanded()).isTrue();
        assertThat(key.isVisible()).isFalse();
        assertThat(window.view().timeline().getHeight()).isLessThan(timelineHeight);
    }
}
