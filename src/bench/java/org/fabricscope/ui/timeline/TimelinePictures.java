package org.fabricscope.ui.timeline;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.TraceSession;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the timeline headlessly to PNGs under {@code target/timeline-pictures/} so a person can
 * look at it: {@code ./mvnw -Pscreenshot verify -Dscreenshot.main=org.fabricscope.ui.timeline.TimelinePictures}
 * (see CONTRIBUTING.md). Kept in this package for the test fixtures it draws.
 */
public final class TimelinePictures {
    private TimelinePictures() {}

    public static void main(String[] args) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Trace trace = SyntheticTrace.generate(40, 20_000, 7);
        TraceSession session = new TraceSession();
        TimelineControl[] holder = new TimelineControl[1];
        WaitForAsyncUtils.asyncFx(() -> {
                    TimelineControl c = new TimelineControl(session);
                    holder[0] = c;
                    BorderPane root = new BorderPane(c);
                    root.setBottom(c.legendNode());
                    stage.setScene(new Scene(root, 1600, 900));
                    stage.show();
                    session.open(LoadedTraces.of(trace));
                })
                .get(10, TimeUnit.SECONDS);
        TimelineControl c = holder[0];
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, c::isReady);
        shoot(stage, "1-fit-all.png");

        int fpre = -1;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.kind(i) == EventKind.FPRE004) {
                fpre = i;
                break;
            }
        }
        System.out.println("first FPRE004: " + fpre);
        int sel = fpre;
        WaitForAsyncUtils.asyncFx(() -> {
                    long t = trace.timeMicros(sel);
                    session.selectedEventProperty().set(sel);
                    session.selectedBlockProperty().set(trace.block(sel));
                    session.currentStepProperty().set(sel);
                    c.zoomTo(t - 12_000, t + 3_000);
                    c.revealCurrentStep();
                })
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        shoot(stage, "2-fpre004-zoomed.png");

        WaitForAsyncUtils.asyncFx(() -> {
                    long t = trace.timeMicros(sel);
                    c.zoomTo(t - 400, t + 100);
                })
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        shoot(stage, "3-fpre004-close.png");
        FxToolkit.cleanupStages();
        System.exit(0);
    }

    private static void shoot(Stage stage, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(
                        () -> stage.getScene().getRoot().snapshot(null, null))
                .get(20, TimeUnit.SECONDS);
        Path out = Path.of("target", "timeline-pictures", name);
        PngWriter.write(img, out);
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
