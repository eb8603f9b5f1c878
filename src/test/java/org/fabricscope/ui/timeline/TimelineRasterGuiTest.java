package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dense frame painted through the plot raster shows the same picture as the same frame drawn
 * with Canvas commands, and the renderer picks the raster only for dense frames.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineRasterGuiTest {
    private static final Trace TRACE = SyntheticTrace.generate(40, 120_000, 5);

    private final TraceSession session = new TraceSession();
    private TimelineControl timeline;

    @Start
    void start(Stage stage) {
        timeline = new TimelineControl(session);
        stage.setScene(new Scene(new StackPane(timeline), 1200, 700));
        stage.show();
    }

    @BeforeEach
    void openTrace(FxRobot robot) throws TimeoutException {
        robot.interact(() -> session.open(LoadedTraces.of(TRACE)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, timeline.readyProperty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private WritableImage frame(FxRobot robot, int threshold) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> {
            timeline.renderer().setRasterThreshold(threshold);
            timeline.paintNow();
            out[0] = timeline.canvas().snapshot(null, null);
        });
        return out[0];
    }

    @Test
    void theRasterAndTheCanvasDrawTheSameDenseFrame(FxRobot robot) {
        robot.interact(timeline::fitAll);
        WritableImage canvas = frame(robot, Integer.MAX_VALUE);
        assertThat(timeline.renderer().lastFrameRastered()).isFalse();
        WritableImage raster = frame(robot, 0);
        assertThat(timeline.renderer().lastFrameRastered()).isTrue();

        PixelReader a = canvas.getPixelReader();
        PixelReader b = raster.getPixelReader();
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        long differing = 0;
        long coloured = 0;
        for (int y = (int) TimelineRenderer.AXIS; y < h; y++) {
            for (int x = (int) TimelineRenderer.GUTTER; x < w; x++) {
                int pa = a.getArgb(x, y);
                int pb = b.getArgb(x, y);
                if (channelDistance(pa, pb) > 48) {
                    differing++;
                }
                if (channelDistance(pa, 0xffffffff) > 48) {
                    coloured++;
                }
            }
        }
        long plot = (long) (w - (int) TimelineRenderer.GUTTER) * (h - (int) TimelineRenderer.AXIS);
        assertThat(coloured).as("the frame has content").isGreaterThan(plot / 10);
        // Only anti-aliased edges at half-pixel positions may differ.
        assertThat(differing).as("pixels that differ, of %d", plot).isLessThan(plot / 25);
    }

    @Test
    void denseFramesUseTheRasterAndSparseOnesTheCanvas(FxRobot robot) {
        robot.interact(() -> timeline.renderer().setRasterThreshold(TimelineRenderer.RASTER_MIN_RECTS));
        robot.interact(() -> {
            timeline.fitAll();
            timeline.paintNow();
        });
        assertThat(timeline.renderer().lastFrameRastered())
                .as("fit-all of 120k events")
                .isTrue();
        long t = TRACE.timeMicros(TRACE.size() / 2);
        robot.interact(() -> {
            timeline.zoomTo(t - 20, t + 20);
            timeline.paintNow();
        });
        assertThat(timeline.renderer().lastFrameRastered())
                .as("40 µs of the trace")
                .isFalse();
    }

    private static int channelDistance(int p, int q) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
        }
        return d;
    }
}
