package org.fabricscope.ui.sweeps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.fabricscope.ui.main.MainWindow;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.TestWindow;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the Sweeps window's three tabs to PNGs under {@code target/sweep-pictures/}, the
 * pictures docs/images/sweep-*.png come from: {@code ./mvnw -Pscreenshot process-test-classes
 * -Dscreenshot.main=org.fabricscope.ui.sweeps.SweepPictures}. The sweep is the README's: {@code
 * fpre004-repro} seed 1, ACK jitter 0..8 ms in 5 steps × burst 4..16 in 4 steps, with {@link
 * #READS_PER_CELL} reads a cell, which is some 550 attempts a legacy cell: enough for Wilson bands
 * a few hundredths wide (5,000 reads gave 14 attempts and bands 0.4 wide).
 */
public final class SweepPictures {
    /** Reads per cell of the pictured sweep. */
    static final long READS_PER_CELL = 200_000;

    private SweepPictures() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("sweep-pictures");
        Stage stage = FxToolkit.registerPrimaryStage();
        TestWindow test =
                WaitForAsyncUtils.asyncFx(() -> TestWindow.show(stage, dir)).get(90, TimeUnit.SECONDS);
        MainWindow window = test.window();
        SweepsView sweeps = Fx.call(() -> {
            window.scenarioViewModel().seedProperty().set("1");
            SweepsView v = window.view().sweeps();
            Stage s = (Stage) v.getScene().getWindow();
            s.setWidth(1280);
            s.setHeight(860);
            s.show();
            return v;
        });
        SweepsViewModel vm = sweeps.viewModel();
        Fx.run(() -> {
            vm.xParameterProperty().set("ackJitterMicrosMax");
            vm.xFromProperty().set("0");
            vm.xToProperty().set("8000");
            vm.xStepsProperty().set("5");
            vm.yParameterProperty().set("readBurstSize");
            vm.yFromProperty().set("4");
            vm.yToProperty().set("16");
            vm.yStepsProperty().set("4");
            vm.readsProperty().set(String.valueOf(READS_PER_CELL));
        });
        long start = System.nanoTime();
        javafx.concurrent.Task<SweepResult> task = Fx.call(vm::run);
        task.get(1, TimeUnit.HOURS); // far longer than Fx's test timeout: the sweep takes minutes
        WaitForAsyncUtils.waitForFxEvents(5);
        System.out.printf("swept in %.1f s%n", (System.nanoTime() - start) / 1e9);
        SweepResult r = Fx.call(() -> vm.resultProperty().get());
        for (SweepCell c : r.cells()) {
            System.out.println(SweepsViewModel.describeCell(r, c, true).replace('\n', ' '));
        }

        // The heat map, with the story's cell (6 ms, bursts of 12) hovered: its figures below.
        Fx.run(() -> sweeps.tabs().getSelectionModel().select(0));
        hover(sweeps, "#cell-3-2");
        shoot(sweeps, "sweep-heatmap.png");
        Fx.run(() -> sweeps.tabs().getSelectionModel().select(1));
        hover(sweeps, "#point-legacy-3");
        shoot(sweeps, "sweep-line.png");
        Fx.run(() -> sweeps.tabs().getSelectionModel().select(2));
        shoot(sweeps, "sweep-latency.png");

        test.close();
        System.exit(0);
    }

    private static void hover(SweepsView sweeps, String selector) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(10);
        Fx.run(() -> {
            Node n = sweeps.lookup(selector);
            if (n != null) {
                Event.fireEvent(
                        n,
                        new MouseEvent(
                                MouseEvent.MOUSE_ENTERED,
                                0,
                                0,
                                0,
                                0,
                                null,
                                0,
                                false,
                                false,
                                false,
                                false,
                                false,
                                false,
                                false,
                                false,
                                false,
                                false,
                                null));
            }
        });
    }

    private static void shoot(SweepsView sweeps, String name) throws Exception {
        // Enough pulses for the charts to lay out and paint the tab just selected.
        WaitForAsyncUtils.waitForFxEvents(20);
        WritableImage img = WaitForAsyncUtils.asyncFx(
                        () -> sweeps.getScene().getRoot().snapshot(null, null))
                .get(90, TimeUnit.SECONDS);
        Path out = Path.of("target", "sweep-pictures", name);
        org.fabricscope.ui.timeline.PngWriter.write(img, out);
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
