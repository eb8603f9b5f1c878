package org.fabricscope.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.io.TraceWriter;
import org.fabricscope.ui.files.TraceFileService;
import org.fabricscope.ui.files.TraceFiles;
import org.fabricscope.ui.scenario.EmbeddedSimulation;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.CrashLog;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.TestPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on headless Monocle, reading real trace files through the same command File ▸
 * Open uses ({@link MainViewModel#open}).
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path dir;

    private final TestPreferences prefs = new TestPreferences();
    private final ExecutorService workers = BackgroundWork.workers();
    private final GatedFiles files = new GatedFiles(TraceFiles.jsonl());
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
        // Hiding saves the window state, so it must happen while the preferences node exists.
        Fx.run(() -> window.stage().hide());
        workers.shutdownNow();
        prefs.close();
    }

    private Path writeTrace(String name, long seed) throws IOException {
        Path p = dir.resolve(name);
        TraceWriter.write(RandomTraces.generate(seed, 500, 8), p);
        return p;
    }

    private void openAndWait(Path p) throws Exception {
        Fx.run(() -> window.viewModel().open(p));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
    }

    private String summary(FxRobot robot) {
        return robot.lookup("#traceSummary").queryAs(Label.class).getText();
    }

    @Test
    void anOpenedTraceFileIsShownInTheSummaryAndTitle(FxRobot robot) throws Exception {
        Path p = writeTrace("shown.jsonl", 3);

        openAndWait(p);

        assertThat(summary(robot)).contains("canonical").contains("seed 3");
        assertThat(window.stage().getTitle()).startsWith("shown.jsonl");
        assertThat(window.viewModel().session().getCurrentStep()).isZero();
    }

    @Test
    void aMalformedTraceShowsAnErrorDialogNamingTheLineAndKeepsThePreviousTrace(FxRobot robot) throws Exception {
        Path good = writeTrace("good.jsonl", 4);
        openAndWait(good);
        Trace before = window.viewModel().session().getTrace().trace();
        List<String> lines = Files.readAllLines(good);
        lines.set(2, "{\"seq\": this is not json");
        Path bad = Files.write(dir.resolve("broken.jsonl"), lines);

        openAndWait(bad);

        DialogPane dialog = errorDialog(robot).orElseThrow(() -> new AssertionError("no error dialog"));
        assertThat(dialog.getContentText()).contains("broken.jsonl:3");
        assertThat(window.viewModel().session().getTrace().trace()).isSameAs(before);
        assertThat(summary(robot)).contains("seed 4");
        Fx.run(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void theStatusBarCancelButtonStopsALoadAndKeepsThePreviousTrace(FxRobot robot) throws Exception {
        Path good = writeTrace("first.jsonl", 5);
        openAndWait(good);
        Path slow = writeTrace("slow.jsonl", 6);
        files.gate(slow);

        Fx.run(() -> window.viewModel().open(slow));
        assertThat(files.gateReached.await(30, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".cancel-button").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup(".status-bar")
                        .queryAs(org.controlsfx.control.StatusBar.class)
                        .getText())
                .startsWith("Reading slow.jsonl…");
        robot.clickOn(".cancel-button");
        Fx.awaitValue(window.viewModel().busyProperty(), false);

        assertThat(summary(robot)).contains("seed 5");
        assertThat(robot.lookup(".status-bar")
                        .queryAs(org.controlsfx.control.StatusBar.class)
                        .getText())
                .contains("Cancelled opening slow.jsonl");
    }

    @Test
    void steppingOntoAnFpre004BringsTheExplainerTabForward(FxRobot robot) throws Exception {
        Fx.run(() -> window.viewModel().findDefaultReproducer());
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        TabPane tabs = robot.lookup("#sideTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Inspector");

        Fx.run(() -> {
            var session = window.viewModel().session();
            session.currentStepProperty().set(session.getTrace().index().nextOfKind(EventKind.FPRE004, -1));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Explainer");
    }

    @Test
    void helpKeysListsTheWindowAndReplayShortcuts() throws Exception {
        List<String> keys = Fx.call(() -> window.view().shortcutDescriptions());

        assertThat(keys).anyMatch(k -> k.contains("File ▸ Open"));
        assertThat(keys).anyMatch(k -> k.contains("Save Trace As"));
        assertThat(keys).anyMatch(k -> k.startsWith("F5"));
    }

    @Test
    void runInTheScenarioPanelSimulatesTheEditedAttempt(FxRobot robot) throws Exception {
        robot.clickOn("#attemptField").push(KeyCode.END).eraseText(10).write("2");
        robot.clickOn("#scenarioPanel #runButton");
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> summary(robot).contains("attempt 2"));

        assertThat(summary(robot)).startsWith("fpre004-repro · seed 1 · attempt 2 · patch none");
        assertThat(window.stage().getTitle()).contains("(not saved)");
    }

    @Test
    void aValueOutOfRangeDisablesRunAndSaysWhy(FxRobot robot) throws Exception {
        robot.clickOn("#param-nodes").push(KeyCode.END).eraseText(10).write("99");

        assertThat(robot.lookup("#scenarioPanel #runButton").queryButton().isDisabled())
                .isTrue();
        assertThat(robot.lookup(".validation-message").queryAs(Label.class).getText())
                .contains("nodes");
        assertThat(robot.lookup("#param-nodes").query().getPseudoClassStates())
                .extracting(Object::toString)
                .contains("invalid");
    }

    @Test
    void aReopenedWindowHasTheSizeAndSplitsTheLastOneWasClosedWith() throws Exception {
        Fx.run(() -> {
            // Wide enough for both side panes' widths and the event log's minimum between them.
            window.stage().setWidth(1200);
            window.stage().setHeight(700);
            window.view().lookupAll(".split-pane").stream()
                    .map(n -> (javafx.scene.control.SplitPane) n)
                    .filter(p -> p.getDividers().size() == 2)
                    .findFirst()
                    .orElseThrow()
                    .setDividerPositions(0.23, 0.75);
            window.stage().hide();
        });

        MainWindow reopened = Fx.call(() -> MainWindow.show(new Stage(), services));

        assertThat(reopened.stage().getWidth()).isEqualTo(1200);
        assertThat(reopened.stage().getHeight()).isEqualTo(700);
        assertThat(prefs.preferences().dividers("main")[0]).isCloseTo(0.23, org.assertj.core.data.Offset.offset(0.01));
        double[] restored = Fx.call(() -> reopened.view().lookupAll(".split-pane").stream()
                .map(n -> (javafx.scene.control.SplitPane) n)
                .filter(p -> p.getDividers().size() == 2)
                .findFirst()
                .orElseThrow()
                .getDividerPositions());
        assertThat(restored[0]).isCloseTo(0.23, org.assertj.core.data.Offset.offset(0.01));
        assertThat(restored[1]).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.01));
        Fx.run(() -> reopened.stage().hide());
    }

    private static Optional<DialogPane> errorDialog(FxRobot robot) {
        for (Window w : robot.listWindows()) {
            if (w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane) {
                return Optional.of(pane);
            }
        }
        return Optional.empty();
    }

    /** The real reader, except that a gated file waits (interruptibly) before being read. */
    private static final class GatedFiles implements TraceFileService {
        private final TraceFileService real;
        private volatile Path gated;
        final CountDownLatch gateReached = new CountDownLatch(1);
        private final CountDownLatch never = new CountDownLatch(1);

        GatedFiles(TraceFileService real) {
            this.real = real;
        }

        void gate(Path p) {
            gated = p.toAbsolutePath().normalize();
        }

        @Override
        public Trace read(Path file, Progress progress) throws IOException, TraceFormatException {
            if (file.equals(gated)) {
                gateReached.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    progress.checkCancelled();
                }
            }
            return real.read(file, progress);
        }

        @Override
        public void write(Trace trace, Path file, Progress progress) throws IOException {
            real.write(trace, file, progress);
        }

        @Override
        public void exportChromeTrace(Trace trace, Path file, Progress progress) throws IOException {
            real.exportChromeTrace(trace, file, progress);
        }
    }
}
