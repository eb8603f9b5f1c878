package org.fabricscope.pictures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.stage.Stage;
import org.fabricscope.ui.explore.ExploreView;
import org.fabricscope.ui.explore.ExploreViewModel;
import org.fabricscope.ui.main.MainView;
import org.fabricscope.ui.testing.TestPreferences;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the README's Explore pictures: the Explore panel's result on the shrunk canonical
 * reproducer (legacy, seed 1, attempt 6, 8 levels, the first 5 choice points, with the naive
 * count and the per-switch ablation), and its shortest counterexample opened in the main window on
 * its FPRE004. Run under Xvfb (or with {@code -Dscreenshot.main=org.fabricscope.pictures.ExplorePictures}
 * on headless Monocle); the arguments name the two files.
 */
public final class ExplorePictures {
    private ExplorePictures() {}

    public static void main(String[] args) throws Exception {
        Path panelPng = Path.of(args.length > 0 ? args[0] : "docs/images/explore-panel.png");
        Path timelinePng = Path.of(args.length > 1 ? args[1] : "docs/images/explore-counterexample.png");
        Path scratch = Files.createTempDirectory("fabricscope-screenshot");
        int code = 1;
        try (TestPreferences prefs = new TestPreferences()) {
            Application app = MainWindowScreenshot.startOnTheReproducer(prefs, scratch);
            FxRobot robot = new FxRobot();
            MainView main = robot.lookup("#mainView").queryAs(MainView.class);
            ExploreView view = WaitForAsyncUtils.asyncFx(() -> {
                        ExploreView v = main.explore();
                        ((Stage) v.getScene().getWindow()).show();
                        ExploreViewModel vm = v.viewModel();
                        vm.useScenarioFile(Path.of("sample-scenarios/fpre004-shrunk.json"));
                        vm.seedProperty().set("1");
                        vm.attemptProperty().set("6");
                        vm.boundProperty().set("5");
                        vm.measureNaiveProperty().set(true);
                        vm.ablationProperty().set(true);
                        vm.explore();
                        return v;
                    })
                    .get(60, TimeUnit.SECONDS);
            ExploreViewModel vm = view.viewModel();
            WaitForAsyncUtils.waitFor(
                    600, TimeUnit.SECONDS, () -> vm.resultProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents(20);
            MainWindowScreenshot.write(view.getScene().getWindow(), panelPng);

            WaitForAsyncUtils.asyncFx(() -> vm.openCounterexample() != null).get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(
                    120, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Opened "));
            WaitForAsyncUtils.waitForFxEvents(20);
            MainWindowScreenshot.write(main.getScene().getWindow(), timelinePng);
            if (args.length > 2) {
                // Compare mode with the nearest passing schedule, to look at (not in the README).
                WaitForAsyncUtils.asyncFx(() -> vm.compareWithNearestPassing() != null)
                        .get(60, TimeUnit.SECONDS);
                WaitForAsyncUtils.waitFor(
                        120, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Comparing"));
                WaitForAsyncUtils.waitFor(
                        120,
                        TimeUnit.SECONDS,
                        () -> main.compareView().viewModel().diffProperty().get() != null);
                WaitForAsyncUtils.waitForFxEvents(20);
                MainWindowScreenshot.write(main.getScene().getWindow(), Path.of(args[2]));
            }
            FxToolkit.cleanupApplication(app);
            code = 0;
        } finally {
            System.exit(code);
        }
    }
}
