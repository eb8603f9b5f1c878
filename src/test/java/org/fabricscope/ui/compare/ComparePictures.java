package org.fabricscope.ui.compare;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.fabricscope.ui.files.TraceFiles;
import org.fabricscope.ui.main.MainWindow;
import org.fabricscope.ui.scenario.EmbeddedSimulation;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.CrashLog;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.TestPreferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: renders the window in compare mode (legacy against patched, and a what-if fork) to
 * PNGs under {@code target/compare-pictures/} so a person can look at them. Run with {@code mvn -o
 * -q test -Dtest=ComparePictures}.
 */
class ComparePictures {
    @TempDir
    Path dir;

    @Test
    void renderPictures() throws Exception {
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
        Fx.run(compare::goToFirstDivergence);
        shoot(stage, "compare-legacy-vs-patched.png");

        // The reorder fork: the prefetch READY of block 179 (#1069) runs after the late ACK (#1277).
        Fx.run(compare::close);
        Fx.run(() -> compare.whatIfRunAfter(1069, "#1277"));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Fx.run(compare::goToFirstDivergence);
        shoot(stage, "compare-fork.png");
        Fx.run(stage::hide);
        workers.shutdownNow();
        prefs.close();
    }

    private static void shoot(Stage stage, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(1500); // not on the FX thread: lets the timelines finish their background frames
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(
                        () -> stage.getScene().getRoot().snapshot(null, null))
                .get(90, TimeUnit.SECONDS);
        Path out = Path.of("target", "compare-pictures", name);
        org.fabricscope.ui.timeline.PngWriter.write(img, out);
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
