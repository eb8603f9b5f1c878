package org.fabricscope.ui.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TabPane;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.main.MainView;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.MainWindowGuiTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Sweeps view in the real window on headless Monocle: run a tiny sweep, click a cell. */
class SweepsGuiTest extends MainWindowGuiTest {
    @Test
    void aSweepShowsItsChartsAndClickingACellOpensItsRecordedFirstFailingAttemptAtItsFpre004(FxRobot robot)
            throws Exception {
        SweepsView sweeps = test.showTool("8", MainView::sweeps);
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
        // Its y ticks are round and the axis title stands clear of them (it overlapped them when the
        // axis measured "0.45" as "0").
        var ticks = Fx.call(() -> {
            javafx.scene.chart.NumberAxis ya = (javafx.scene.chart.NumberAxis) line.getYAxis();
            Node title = ya.lookup(".axis-label");
            double titleRight = title.getBoundsInParent().getMaxX();
            List<String> texts = new ArrayList<>();
            for (Node n : ya.getChildrenUnmodifiable()) {
                if (n instanceof javafx.scene.text.Text t && t.isVisible()) {
                    assertThat(t.getBoundsInParent().getMinX()).as(t.getText()).isGreaterThanOrEqualTo(titleRight);
                    texts.add(t.getText());
                }
            }
            return texts;
        });
        assertThat(ticks).isNotEmpty().allMatch(t -> t.matches("0|0\\.\\d{1,3}|1"), "round");
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
                        && session.getTrace().trace().header().attempt() == cell.firstFpre004Attempt()
                        && session.getCurrentStep() == cell.firstFpre004Seq()
                        && session.getTrace().trace().kind(session.getCurrentStep()) == EventKind.FPRE004,
                session.traceProperty(),
                session.currentStepProperty()));
        robot.clickOn("#cell-1-0");
        Fx.awaitValue(opened, true);

        Trace trace = Fx.call(() -> session.getTrace().trace());
        int step = Fx.call(session::getCurrentStep);
        assertThat(trace.header().seed()).isEqualTo(8);
        // The sweep's recorded first failing attempt, at its recorded FPRE004.
        assertThat(trace.header().attempt()).isEqualTo(cell.firstFpre004Attempt());
        assertThat(step).isEqualTo(cell.firstFpre004Seq());
        assertThat(trace.kind(step)).isEqualTo(EventKind.FPRE004);
        // The cursor is on the attempt's first FPRE004.
        for (int i = 0; i < step; i++) {
            assertThat(trace.kind(i)).as("event " + i).isNotEqualTo(EventKind.FPRE004);
        }
        TabPane side = robot.lookup("#sideTabs").queryAs(TabPane.class);
        assertThat(Fx.call(() -> side.getSelectionModel().getSelectedItem().getText()))
                .isEqualTo("Explainer");
    }
}
