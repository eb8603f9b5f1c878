package org.fabricscope.ui.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.fabricscope.trace.EventKind;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.MainWindowGuiTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Explore panel in the real window (headless Monocle): open it, explore, open the counterexample. */
class ExploreGuiTest extends MainWindowGuiTest {
    private static MenuItem menuItem(MenuBar bar, String id) {
        return bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void exploringFromTheSimulateMenuShowsTheVerdictAndOpensTheCounterexampleOnItsFpre004(FxRobot robot)
            throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Fx.run(() -> menuItem(bar, "exploreItem").fire());
        ExploreView view = Fx.call(() -> window.view().explore());
        assertThat(Fx.call(() -> view.getScene().getWindow().isShowing())).isTrue();
        ExploreViewModel vm = view.viewModel();
        // The file chooser is the platform's; the panel's choice is set as the chooser would.
        Fx.run(() -> {
            vm.useScenarioFile(Path.of("sample-scenarios/explore-minimal.json"));
            vm.seedProperty().set("2");
            vm.attemptProperty().set("1");
            vm.boundProperty().set("5");
        });
        BooleanBinding done = Fx.call(() -> vm.resultProperty().isNotNull());
        robot.clickOn("#exploreRun");
        Fx.awaitValue(done, true);

        String verdict = Fx.call(
                () -> robot.lookup("#exploreVerdict").queryAs(Label.class).getText());
        assertThat(verdict)
                .startsWith("explore-minimal, seed 2, attempt 1, legacy: FPRE004 reachable: shortest counterexample");
        String figures = Fx.call(
                () -> robot.lookup("#exploreFigures").queryAs(Label.class).getText());
        assertThat(figures)
                .contains("Bounds: 8 levels per timing draw, the first 5 choice points")
                .contains("Distinct states");

        BooleanBinding opened =
                Fx.call(() -> window.viewModel().session().traceProperty().isNotNull());
        robot.clickOn("#exploreOpenCounterexample");
        Fx.awaitValue(opened, true);
        LoadedTrace cx = Fx.call(() -> window.viewModel().session().getTrace());
        int step = Fx.call(() -> window.viewModel().session().getCurrentStep());
        assertThat(cx.trace().header().scenarioName()).isEqualTo("explore-minimal");
        assertThat(cx.trace().kind(step)).isEqualTo(EventKind.FPRE004);
        assertThat(step + 1)
                .isEqualTo(Fx.call(() ->
                        vm.resultProperty().get().main().result().shortest().eventsToFpre004()));

        // The nearest passing schedule opens beside it in compare mode.
        // Opening brought the main window to the front; the panel comes back to be clicked.
        Fx.run(() -> ((Stage) view.getScene().getWindow()).toFront());
        WaitForAsyncUtils.waitForFxEvents();
        BooleanBinding comparing = Fx.call(
                () -> window.view().compareView().viewModel().diffProperty().isNotNull());
        robot.clickOn("#exploreCompareNearest");
        Fx.awaitValue(comparing, true);
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Fx.call(() ->
                        window.view().compareView().viewModel().nameBProperty().get()))
                .isEqualTo("nearest passing schedule");
    }

    @Test
    void theExplainersButtonOpensThePanelOnTheOpenRun(FxRobot robot) throws Exception {
        org.fabricscope.sim.scenario.Scenario shrunk =
                org.fabricscope.sim.scenario.Scenario.load(Path.of("sample-scenarios/fpre004-shrunk.json"));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Fx.run(() -> window.viewModel()
                .run(new org.fabricscope.ui.scenario.RunRequest(
                        shrunk, 1, 6, org.fabricscope.trace.PatchSwitches.NONE)));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Fx.run(() -> {
            LoadedTrace t = window.viewModel().session().getTrace();
            window.viewModel().session().goToEvent(t.index().nextOfKind(EventKind.FPRE004, -1));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#explainer-explore");
        WaitForAsyncUtils.waitForFxEvents();
        ExploreView view = Fx.call(() -> window.view().explore());
        assertThat(Fx.call(() -> view.getScene().getWindow().isShowing())).isTrue();
        ExploreViewModel vm = view.viewModel();
        assertThat(Fx.call(() -> vm.sourceProperty().get())).isEqualTo("Open trace: fpre004-repro-shrunk");
        assertThat(Fx.call(() -> vm.seedProperty().get())).isEqualTo("1");
        assertThat(Fx.call(() -> vm.attemptProperty().get())).isEqualTo("6");

        // Escape closes the window (there may be no window manager to close it otherwise).
        Fx.run(() -> view.getScene().getWindow().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Fx.call(() -> view.getScene().getWindow().isShowing())).isFalse();
    }
}
