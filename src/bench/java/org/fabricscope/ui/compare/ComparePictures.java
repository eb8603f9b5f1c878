package org.fabricscope.ui.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.fabricscope.ui.files.TraceFiles;
import org.fabricscope.ui.main.MainWindow;
import org.fabricscope.ui.scenario.EmbeddedSimulation;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.CrashLog;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.TestPreferences;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the window in compare mode (legacy against patched, and a what-if fork) to PNGs under
 * {@code target/compare-pictures/}, the pictures docs/images/compare-*.png come from: {@code
 * ./mvnw -Pscreenshot process-test-classes -Dscreenshot.main=org.fabricscope.ui.compare.ComparePictures}.
 */
public final class ComparePictures {
    private ComparePictures() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("compare-pictures");
        Stage stage = FxToolkit.registerPrimaryStage();
        TestPreferences prefs = new TestPreferences();
        ExecutorService workers = BackgroundWork.workers();
        MainWindow.Services services = new MainWindow.Services(
                TraceFiles.jsonl(),
                new EmbeddedSimulation(),
                prefs.preferences(),
                new CrashLog(dir.resolve("fabricscope.log")),
                workers);
        MainWindow[] w = new MainWindow[1];
        WaitForAsyncUtils.asyncFx(() -> {
                    w[0] = MainWindow.show(stage, services);
                    stage.setWidth(1600);
                    stage.setHeight(1000);
                })
                .get(90, TimeUnit.SECONDS);
        MainWindow window = w[0];
        CompareViewModel compare = window.view().compareView().viewModel();

        Fx.run(() -> window.viewModel()
                .open(Path.of("sample-traces/fpre004-repro-legacy.jsonl").toAbsolutePath()));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Fx.run(() -> compare.compareWith(
                Path.of("sample-traces/fpre004-repro-patched.jsonl").toAbsolutePath()));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        // The lanes whose transitions differ pinned first, the cursor on A's FPRE004 (#1245, block
        // 179; B has none), and the story's 7 ms around it: A's prefetch READY beside the pending
        // write, B's prefetch backing off until the ACK.
        Fx.run(() -> {
            window.view().compareView().pinDifferingLanes();
            window.viewModel().session().goToEvent(1245);
            window.viewModel().session().selectedBlockProperty().set(179);
            window.view().timeline().zoomTo(6_500, 13_500);
            window.view().timeline().setLaneScrollY(0);
            // The FPRE004 brought the Explainer forward; the picture is of the Compare tab.
            Tab tab = window.view().compareView().tab();
            tab.getTabPane().getSelectionModel().select(tab);
        });
        shoot(stage, "compare-legacy-vs-patched.png");

        // The reorder fork: the prefetch READY of block 179 (#1069) runs after the late ACK (#1277).
        Fx.run(compare::close);
        Fx.run(() -> compare.whatIfRunAfter(1069, "#1277"));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Fx.run(() -> {
            compare.goToFirstDivergence();
            window.view().compareView().pinDifferingLanes();
            window.view().timeline().zoomTo(6_500, 13_500);
            window.view().timeline().setLaneScrollY(0);
        });
        shoot(stage, "compare-fork.png");
        Fx.run(stage::hide);
        workers.shutdownNow();
        prefs.close();
        System.exit(0);
    }

    private static void shoot(Stage stage, String name) throws Exception {
        // Enough pulses for the timelines to lay out and paint what the last command scrolled to,
        // as MainWindowScreenshot waits for the README's picture.
        WaitForAsyncUtils.waitForFxEvents(20);
        WritableImage img = WaitForAsyncUtils.asyncFx(
                        () -> stage.getScene().getRoot().snapshot(null, null))
                .get(90, TimeUnit.SECONDS);
        Path out = Path.of("target", "compare-pictures", name);
        org.fabricscope.ui.timeline.PngWriter.write(img, out);
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
