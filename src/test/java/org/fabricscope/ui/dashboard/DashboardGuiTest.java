package org.fabricscope.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import org.fabricscope.sim.experiment.IncidentMap;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.dashboard.DashboardViewModel.Side;
import org.fabricscope.ui.main.MainView;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.MainWindowGuiTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The dashboard in the real window on headless Monocle: run a tiny soak, click a red tile. */
class DashboardGuiTest extends MainWindowGuiTest {
    @Test
    void clickingARedTileOpensThatTilesFpre004WithTheCursorOnIt(FxRobot robot) throws Exception {
        DashboardView dashboard = test.showTool("8", MainView::dashboard);
        Fx.run(() -> dashboard.viewModel().readsProperty().set("10000"));
        robot.clickOn("#dashboardRun");
        BooleanBinding done =
                Fx.call(() -> dashboard.viewModel().resultProperty().isNotNull());
        Fx.awaitValue(done, true);
        DashboardViewModel.Result r =
                Fx.call(() -> dashboard.viewModel().resultProperty().get());
        assertThat(r)
                .as(Fx.call(() -> dashboard.viewModel().statusProperty().get()))
                .isNotNull();
        // The hottest legacy tile: the one a user would click first.
        IncidentMap.Tile red = r.legacy().tiles().stream()
                .filter(IncidentMap.Tile::failed)
                .max(java.util.Comparator.comparingLong(IncidentMap.Tile::fpre004))
                .orElseThrow();
        assertThat(robot.lookup("#grid-PATCHED").queryAll()).hasSize(1);
        Node tile = robot.lookup("#" + DashboardView.tileId(Side.LEGACY, red.file(), red.node()))
                .query();
        var session = window.viewModel().session();
        BooleanBinding opened = Fx.call(() -> Bindings.createBooleanBinding(
                () -> session.getTrace() != null
                        && session.getTrace().trace().header().attempt() == red.firstAttempt()
                        && session.getCurrentStep() == red.firstSeq(),
                session.traceProperty(),
                session.currentStepProperty()));
        robot.clickOn(tile);
        Fx.awaitValue(opened, true);

        LoadedTrace loaded = Fx.call(() -> window.viewModel().session().getTrace());
        Trace trace = loaded.trace();
        int step = Fx.call(() -> window.viewModel().session().getCurrentStep());
        assertThat(trace.header().attempt()).isEqualTo(red.firstAttempt());
        assertThat(trace.header().seed()).isEqualTo(8);
        assertThat(step).isEqualTo(red.firstSeq());
        assertThat(trace.kind(step)).isEqualTo(EventKind.FPRE004);
        assertThat(trace.node(step)).isEqualTo(red.node());
        assertThat(trace.header().topology().block(trace.block(step)).file()).isEqualTo(red.file());
        assertThat(Fx.call(() ->
                        window.viewModel().session().selectedBlockProperty().get()))
                .isEqualTo(trace.block(step));
        TabPane side = robot.lookup("#sideTabs").queryAs(TabPane.class);
        assertThat(Fx.call(() -> side.getSelectionModel().getSelectedItem().getText()))
                .isEqualTo("Explainer");
    }
}
