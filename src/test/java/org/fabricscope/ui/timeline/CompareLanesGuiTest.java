package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.testing.Fx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compare mode on the timeline itself: with a second session, each lane shows A (the legacy sample
 * trace) in its upper half and B (the patched one) in its lower half, on one time axis. What is
 * drawn is checked against the block states replayed from each trace ({@link TraceIndex}).
 */
@ExtendWith(ApplicationExtension.class)
class CompareLanesGuiTest {
    private static LoadedTrace legacy;
    private static LoadedTrace patched;

    private final TraceSession sessionA = new TraceSession();
    private final TraceSession sessionB = new TraceSession();
    private final TimelinePalette palette = new TimelinePalette();
    private TimelineControl timeline;

    @BeforeAll
    static void load() throws Exception {
        legacy = read("sample-traces/fpre004-repro-legacy.jsonl");
        patched = read("sample-traces/fpre004-repro-patched.jsonl");
    }

    private static LoadedTrace read(String file) throws Exception {
        Trace t = TraceReader.read(Path.of(file), Progress.NONE);
        return new LoadedTrace(null, t, TraceIndex.build(t, Progress.NONE));
    }

    @Start
    void start(Stage stage) {
        timeline = new TimelineControl(sessionA);
        timeline.setSecondSession(sessionB);
        stage.setScene(new Scene(new StackPane(timeline), 1200, 700));
        stage.show();
    }

    @BeforeEach
    void openA(FxRobot robot) throws TimeoutException {
        robot.interact(() -> sessionA.open(legacy));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, timeline.readyProperty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openB(FxRobot robot) throws TimeoutException {
        robot.interact(() -> sessionB.open(patched));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, timeline.splitProperty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private WritableImage frame(FxRobot robot) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> {
            timeline.layout();
            timeline.paintNow();
            out[0] = timeline.canvas().snapshot(null, null);
        });
        return out[0];
    }

    /** A moment and block where A's and B's cache states differ for a while (not a single event). */
    private record Moment(int block, long timeMicros, int cacheA, int cacheB) {}

    private static Moment firstCacheDifference() {
        Trace a = legacy.trace();
        Trace b = patched.trace();
        for (long t = 0; t < Math.min(a.endMicros(), b.endMicros()); t += 20) {
            for (int block = 0; block < a.header().topology().blockCount(); block++) {
                int ca = cacheAt(legacy, block, t);
                int cb = cacheAt(patched, block, t);
                // Held for 40 µs on both sides of t: a few pixels wide at the zoom used.
                if (ca != cb
                        && cacheAt(legacy, block, t - 40) == ca
                        && cacheAt(legacy, block, t + 40) == ca
                        && cacheAt(patched, block, t - 40) == cb
                        && cacheAt(patched, block, t + 40) == cb) {
                    return new Moment(block, t, ca, cb);
                }
            }
        }
        throw new AssertionError("the sample traces' cache states never differ");
    }

    /** The block's cache state at time t, replayed: after the last event at or before t. */
    private static int cacheAt(LoadedTrace lt, int block, long t) {
        int step = lt.trace().firstAtOrAfter(t + 1) - 1;
        return lt.index().stateAt(block, step).get(Field.CACHE_STATE);
    }

    private Point2D showBlockAt(FxRobot robot, int block, long t) throws Exception {
        LaneLayout.Lane lane = new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, block, "block " + block);
        robot.interact(() -> {
            timeline.viewModel().pin(lane);
            timeline.zoomTo(t - 400, t + 400);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Point2D label = Fx.call(() -> timeline.laneLabelPosition(LaneLayout.LaneKind.BLOCK, block));
        assertThat(label).as("block %d's lane is shown", block).isNotNull();
        double rowTop = label.getY() - TimelineRenderer.COMPARE_LANE_HEIGHT / 2;
        return new Point2D(Math.floor(timeline.xForTime(t)) + 0.5, rowTop);
    }

    @Test
    void theLowerHalfOfALaneShowsBsStateAndTheUpperHalfAs(FxRobot robot) throws Exception {
        openB(robot);
        Moment m = firstCacheDifference();
        Point2D at = showBlockAt(robot, m.block(), m.timeMicros());

        PixelReader px = frame(robot).getPixelReader();
        int x = (int) at.getX();
        // One row into each half's cache band (below the marker strip, above the hazard band).
        int yA = (int) (at.getY() + LaneGeometry.TOP.cacheTop + 1);
        int yB = (int) (at.getY() + LaneGeometry.BOTTOM.cacheTop + 1);
        assertThat(close(px.getArgb(x, yA), cacheColour(m.cacheA())))
                .as("A's cache state %d at %d µs on block %d", m.cacheA(), m.timeMicros(), m.block())
                .isTrue();
        assertThat(close(px.getArgb(x, yB), cacheColour(m.cacheB())))
                .as("B's cache state %d at %d µs on block %d", m.cacheB(), m.timeMicros(), m.block())
                .isTrue();
        assertThat(TimelineRenderer.COMPARE_LANE_HEIGHT).isEqualTo(2 * LaneGeometry.HALF);
    }

    @Test
    void aClickInTheLowerHalfSelectsBsEventAndNoEventOfA(FxRobot robot) throws Exception {
        openB(robot);
        // #654 is the patched prefetch's back-off on block 169: only in B.
        Trace b = patched.trace();
        int seq = 654;
        assertThat(b.kind(seq).name()).isEqualTo("PREFETCH_BACKOFF");
        showBlockAt(robot, b.block(seq), b.timeMicros(seq));
        Point2D p = Fx.call(() -> timeline.eventPositionB(seq));
        assertThat(p).isNotNull();
        int selectedA = sessionA.selectedEventProperty().get();
        int stepA = sessionA.getCurrentStep();

        robot.clickOn(timeline.localToScreen(p));
        WaitForAsyncUtils.waitForFxEvents();

        // B's event under the mouse (events at the same instant tie; the click's rule picks one).
        int picked = sessionB.getCurrentStep();
        assertThat(b.timeMicros(picked)).isEqualTo(b.timeMicros(seq));
        assertThat(b.block(picked)).isEqualTo(b.block(seq));
        assertThat(sessionB.selectedEventProperty().get()).isEqualTo(picked);
        assertThat(sessionA.selectedEventProperty().get()).isEqualTo(selectedA);
        assertThat(sessionA.getCurrentStep()).isEqualTo(stepA);
        assertThat(sessionA.selectedBlockProperty().get()).isEqualTo(b.block(seq));
    }

    @Test
    void theHoverBoxSaysWhichRunTheEventUnderTheMouseIsFrom(FxRobot robot) throws Exception {
        openB(robot);
        Trace b = patched.trace();
        int seq = 654; // only in B: A has no PREFETCH_BACKOFF
        showBlockAt(robot, b.block(seq), b.timeMicros(seq));
        Point2D p = Fx.call(() -> timeline.eventPositionB(seq));

        robot.moveTo(timeline.localToScreen(p));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.hoverTextProperty().get()).startsWith("B · #").contains("block " + b.block(seq));

        // The same moment in the upper half is A's.
        robot.moveTo(timeline.localToScreen(p.getX(), p.getY() - LaneGeometry.HALF));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.hoverTextProperty().get()).startsWith("A · ").doesNotContain("PREFETCH_BACKOFF");
    }

    @Test
    void bsCursorIsATickInTheLowerHalvesWhereItIsNotAtAsTime(FxRobot robot) throws Exception {
        openB(robot);
        Trace a = legacy.trace();
        Trace b = patched.trace();
        int stepA = a.firstAtOrAfter(5_000);
        int stepB = b.firstAtOrAfter(5_200);
        Point2D at = showBlockAt(robot, 0, 5_100);
        robot.interact(() -> {
            sessionA.currentStepProperty().set(stepA);
            sessionB.currentStepProperty().set(stepB);
        });
        WaitForAsyncUtils.waitForFxEvents();

        PixelReader px = frame(robot).getPixelReader();
        int xB = (int) Math.floor(timeline.xForTime(b.timeMicros(stepB)));
        int xA = (int) Math.floor(timeline.xForTime(a.timeMicros(stepA)));
        Color tick = Color.web("#0b3d91");
        assertThat(close(px.getArgb(xB - 1, (int) (at.getY() + LaneGeometry.HALF * 1.5)), tick))
                .as("B's tick in the lower half")
                .isTrue();
        assertThat(close(px.getArgb(xB - 1, (int) (at.getY() + LaneGeometry.HALF * 0.5)), tick))
                .as("no tick in the upper half")
                .isFalse();
        assertThat(xA).isNotEqualTo(xB);
    }

    @Test
    void theLanesSplitWhenAIsIndexedAfterB(FxRobot robot) throws Exception {
        robot.interact(() -> {
            sessionA.open(null);
            sessionB.open(patched);
        });
        assertThat(timeline.isSplit()).isFalse();

        robot.interact(() -> sessionA.open(legacy));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, timeline.splitProperty());
        WaitForAsyncUtils.waitForFxEvents();

        // The first two lanes (actor lanes, in one group) are a compare lane's height apart.
        LaneLayout.Lane first = Fx.call(() -> timeline.visibleLanes().get(0));
        LaneLayout.Lane second = Fx.call(() -> timeline.visibleLanes().get(1));
        Point2D lane = Fx.call(() -> timeline.laneLabelPosition(first.kind(), first.id()));
        Point2D next = Fx.call(() -> timeline.laneLabelPosition(second.kind(), second.id()));
        assertThat(next.getY() - lane.getY()).isEqualTo(TimelineRenderer.COMPARE_LANE_HEIGHT);
    }

    @Test
    void withoutBTheTimelineDrawsExactlyAsBefore(FxRobot robot) throws TimeoutException {
        robot.interact(() -> timeline.zoomTo(9_000, 13_000));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage before = frame(robot);
        openB(robot);
        assertThat(timeline.isSplit()).isTrue();

        robot.interact(() -> sessionB.open(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.isSplit()).isFalse();
        WritableImage after = frame(robot);

        PixelReader p = before.getPixelReader();
        PixelReader q = after.getPixelReader();
        assertThat(after.getWidth()).isEqualTo(before.getWidth());
        long differing = 0;
        for (int y = 0; y < (int) before.getHeight(); y++) {
            for (int x = 0; x < (int) before.getWidth(); x++) {
                if (p.getArgb(x, y) != q.getArgb(x, y)) {
                    differing++;
                }
            }
        }
        assertThat(differing).isZero();
    }

    private Color cacheColour(int value) {
        return palette.color(palette.bandColor(Band.CACHE, value));
    }

    /** Equal up to the translucent grid drawn over the bands. */
    private static boolean close(int argb, Color c) {
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return Math.abs(r - (int) Math.round(c.getRed() * 255)) <= 24
                && Math.abs(g - (int) Math.round(c.getGreen() * 255)) <= 24
                && Math.abs(b - (int) Math.round(c.getBlue() * 255)) <= 24;
    }
}
