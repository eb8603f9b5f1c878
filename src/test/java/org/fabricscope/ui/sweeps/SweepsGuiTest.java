package org.fabricscope.ui.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.files.TraceFiles;
import org.fabricscope.ui.main.MainWindow;
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

/** The Sweeps view in the real window on headless Monocle: run a tiny sweep, click a cell. */
@ExtendWith(ApplicationExtension.class)
class SweepsGuiTest {
    @TempDir
    static Path dir;

    private final TestPreferences prefs = new TestPreferences();
    private final ExecutorService workers = BackgroundWork.workers();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.show(
                stage,
                new MainWindow.Services(
                        TraceFiles.jsonl(),
                        new EmbeddedSimulation(),
                        prefs.preferences(),
                        new CrashLog(dir.resolve("fabricscope.log")),
                        workers));
    }

    @AfterEach
    void cleanUp() throws Exception {
        Fx.run(() -> window.stage().hide());
        workers.shutdownNow();
        prefs.close();
    }

    @Test
    void aSweepShowsItsChartsAndClickingACellOpensAReproducerAtItsFpre004(FxRobot robot) throws Exception {
        SweepsView sweeps = Fx.call(() -> {
            window.scenarioViewModel().seedProperty().set("8");
            SweepsView v = window.view().sweeps();
            ((Stage) v.getScene().getWindow()).show();
            return v;
        });
        SweepsViewModel vm = sweeps.viewModel();
        Fx.run(() -> {
            vm.xFromProperty().set("0");
            vm.xToProperty().set("7300");
            vm.xStepsProperty().set("2");
            vm.yParameterProperty().set(SweepsViewModel.NO_AXIS);
            vm.readsProperty().set("10000");
        });
        BooleanBinding swept = Fx.call(() -> vm.resultProperty().isNotNull());
        robot.clickOn("#sweepRun");
        Fx.awaitValue(swept, true);

        // The heat map: one tile per jitter value, the 7300 µs tile with FPRE004.
        Node hot = robot.lookup("#cell-1-0").query();
        assertThat(hot.isVisible()).isTrue();
        assertThat(robot.lookup("#cell-0-0").queryAll()).hasSize(1);
        SweepCell cell = Fx.call(() -> vm.resultProperty().get().cell(7300, Double.NaN, false));
        assertThat(cell.fpre004()).isPositive();

        // The line chart: legacy and patched with a band each.
        Fx.run(() -> sweeps.tabs().getSelectionModel().select(1));
        LineChart<?, ?> line = robot.lookup("#lineChart").queryAs(LineChart.class);
        assertThat(Fx.call(() -> line.getData().size())).isEqualTo(2);
        assertThat(robot.lookup(".band-legacy").queryAll()).hasSize(1);
        assertThat(robot.lookup("#point-legacy-1").queryAll()).hasSize(1);
        Fx.run(() -> sweeps.tabs().getSelectionModel().select(0));

        var session = window.viewModel().session();
        BooleanBinding opened = Fx.call(() -> Bindings.createBooleanBinding(
                () -> session.getTrace() != null
                        && "7300"
                                .equals(session.getTrace()
                                        .trace()
                                        .header()
                                        .parameters()
                                        .get("ackJitterMicrosMax"))
                        && session.getCurrentStep() > 0
                        && session.getTrace().trace().kind(session.getCurrentStep()) == EventKind.FPRE004,
                session.traceProperty(),
                session.currentStepProperty()));
        robot.clickOn("#cell-1-0");
        Fx.awaitValue(opened, true);

        Trace trace = Fx.call(() -> session.getTrace().trace());
        int step = Fx.call(session::getCurrentStep);
        assertThat(trace.header().seed()).isEqualTo(8);
        // The cursor is on the attempt's first FPRE004.
        for (int i = 0; i < step; i++) {
            assertThat(trace.kind(i)).as("event " + i).isNotEqualTo(EventKind.FPRE004);
        }
        TabPane side = robot.lookup("#sideTabs").queryAs(TabPane.class);
        assertThat(Fx.call(() -> side.getSelectionModel().getSelectedItem().getText()))
                .isEqualTo("Explainer");
    }
}
