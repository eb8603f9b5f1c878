package org.fabricscope.ui.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.stage.Window;
import org.fabricscope.replay.explain.Fpre004Explanation;
import org.fabricscope.replay.explain.Mechanism;
import org.fabricscope.replay.explain.PairKind;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.MainWindowGuiTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** "Shrink this reproducer" on the real window (headless Monocle). */
class ShrinkGuiTest extends MainWindowGuiTest {
    private void openCanonicalOnItsFpre004() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Fx.run(() -> window.viewModel().run(new RunRequest(s, 1, 6, PatchSwitches.NONE)));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Fx.run(() -> window.viewModel().session().goToEvent(1245));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void explainerButtonOpensTheShrunkTraceOnTheSameFpre004(FxRobot robot) throws Exception {
        openCanonicalOnItsFpre004();
        assertThat(Fx.call(() -> window.viewModel().session().getTrace().trace().size()))
                .isEqualTo(7644);
        Button shrink = robot.lookup("#explainer-shrink").queryButton();
        assertThat(Fx.call(shrink::isDisabled)).isFalse();
        robot.clickOn(shrink);
        WaitForAsyncUtils.waitForFxEvents();
        Fx.awaitValue(window.viewModel().busyProperty(), false);

        LoadedTrace shrunk = Fx.call(() -> window.viewModel().session().getTrace());
        assertThat(shrunk.trace().size()).isLessThanOrEqualTo(300);
        assertThat(shrunk.trace().header().scenarioName()).isEqualTo("fpre004-repro-shrunk");
        int step = Fx.call(() -> window.viewModel().session().getCurrentStep());
        assertThat(shrunk.trace().kind(step)).isEqualTo(EventKind.FPRE004);
        // The Explainer tells the same story: same mechanism, same pair in the same order.
        Fpre004Explanation e = Fpre004Explanation.explain(shrunk.index(), step);
        assertThat(e.mechanism()).isEqualTo(Mechanism.STORED_INCONSISTENCY);
        assertThat(e.pairKind()).isEqualTo(PairKind.PENDING_WRITE);
        assertThat(e.firstOfPair().field()).isEqualTo(Field.CACHE_STATE);
        assertThat(e.secondOfPair().field()).isEqualTo(Field.LAST_WRITE_PENDING);
        // A dialog says what was removed; the status line gives the figures.
        assertThat(Fx.call(() -> window.viewModel().statusProperty().get())).startsWith("Shrunk to ");
        String dialog = Fx.call(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                .map(w -> ((javafx.scene.control.DialogPane) w.getScene().getRoot()).getContentText())
                .findFirst()
                .orElse(""));
        assertThat(dialog).contains("Events 7,644 → ").contains("Removed:").contains("compactionEnabled true → false");
    }

    @Test
    void cancellingTheShrinkLeavesTheOpenTraceAsItWas() throws Exception {
        openCanonicalOnItsFpre004();
        LoadedTrace before = Fx.call(() -> window.viewModel().session().getTrace());
        Task<?> task = Fx.call(() -> {
            Task<ShrinkViewModel.Shrunk> t = window.view().shrinkViewModel().shrink();
            window.viewModel().cancel();
            return t;
        });
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        assertThat(task.isCancelled()).isTrue();
        assertThat(Fx.call(() -> window.viewModel().session().getTrace())).isSameAs(before);
        assertThat(Fx.call(() -> window.viewModel().statusProperty().get())).startsWith("Cancelled the shrink");
    }

    @Test
    void shrinkIsOfferedOnlyForATraceWithAnFpre004() throws Exception {
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Scenario quiet = Scenario.builtIn("quiet").with("durationMicros", "5000");
        Fx.run(() -> window.viewModel().run(new RunRequest(quiet, 1, 1, PatchSwitches.NONE)));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        assertThat(Fx.call(() ->
                        window.view().shrinkViewModel().canShrinkProperty().get()))
                .isFalse();
    }
}
