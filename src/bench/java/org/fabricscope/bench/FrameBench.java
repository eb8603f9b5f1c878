package org.fabricscope.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.timeline.TimelineControl;

/**
 * Timeline frame times on the control the application uses ({@link TimelineControl} and its
 * renderer), in a headless Monocle stage of {@link #WIDTH} x {@link #HEIGHT}.
 *
 * <p>A frame is timed from outside, through the control's public API, as a pulse draws it: the view
 * is changed (fit all, zoom, pan), which marks the control dirty, and the control's layout pass
 * records the frame into its canvas ("record"); then a snapshot of the control syncs the canvas and
 * renders its commands with the software pipeline. Both the record time and the total are reported.
 */
final class FrameBench {
    static final int WIDTH = 1600;
    static final int HEIGHT = 900;
    /** The mid zoom shows this fraction of the trace's time span, centred on its middle. */
    static final double ZOOM_FRACTION = 0.01;
    /** A scroll step pans by this many pixels. */
    static final double SCROLL_PIXELS = 80;

    private static boolean started;

    private FrameBench() {}

    /**
     * Sets the properties a headless toolkit needs; call before any JavaFX class is used (the
     * toolkit reads them once, when it starts). Values given on the command line win.
     */
    static void configureHeadless() {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("headless.geometry", "1920x1200-32");
        setIfAbsent("java.awt.headless", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    static synchronized void startToolkit() throws InterruptedException {
        if (started) {
            return;
        }
        configureHeadless();
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        Platform.setImplicitExit(false);
        up.await();
        started = true;
    }

    static void shutdown() {
        if (started) {
            Platform.exit();
        }
    }

    /**
     * Opens each trace in a timeline of its own and times frames at fit-all, a mid zoom and scroll
     * steps, the traces taking turns frame by frame (so that a large-versus-small ratio compares
     * frames drawn by the same compiled code under the same machine load); one map per trace.
     */
    static List<Map<String, Object>> measure(List<LoadedTrace> traces, int repeats) throws Exception {
        startToolkit();
        List<TimelineControl> controls = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        List<Double> indexSeconds = new ArrayList<>();
        for (LoadedTrace loaded : traces) {
            CompletableFuture<TimelineControl> ready = new CompletableFuture<>();
            long[] openedAt = new long[1];
            Platform.runLater(() -> {
                try {
                    TraceSession session = new TraceSession();
                    TimelineControl control = new TimelineControl(session);
                    Stage stage = new Stage();
                    stages.add(stage);
                    stage.setScene(new Scene(new StackPane(control), WIDTH, HEIGHT));
                    stage.show();
                    control.readyProperty().addListener((obs, was, now) -> {
                        if (now) {
                            ready.complete(control);
                        }
                    });
                    openedAt[0] = System.nanoTime();
                    session.open(loaded);
                    if (control.isReady()) {
                        ready.complete(control);
                    }
                } catch (RuntimeException e) {
                    ready.completeExceptionally(e);
                }
            });
            controls.add(ready.get(10, TimeUnit.MINUTES));
            indexSeconds.add((System.nanoTime() - openedAt[0]) / 1e9);
        }
        List<Map<String, Object>> out = onFx(() -> frames(controls, traces, repeats));
        for (int t = 0; t < traces.size(); t++) {
            out.get(t).put("timeline_index_s", indexSeconds.get(t));
        }
        onFx(() -> {
            stages.forEach(Stage::close);
            return null;
        });
        return out;
    }

    private static List<Map<String, Object>> frames(
            List<TimelineControl> controls, List<LoadedTrace> traces, int repeats) {
        int n = controls.size();
        WritableImage image = new WritableImage(WIDTH, HEIGHT);
        SnapshotParameters params = new SnapshotParameters();
        double[] zoomFrom = new double[n];
        double[] zoomTo = new double[n];
        Frame[] fit = new Frame[n];
        Frame[] zoomed = new Frame[n];
        Frame[] scroll = new Frame[n];
        for (int t = 0; t < n; t++) {
            TimelineControl control = controls.get(t);
            control.applyCss();
            control.getParent().layout();
            double start = traces.get(t).trace().startMicros();
            double end = traces.get(t).trace().endMicros();
            double mid = (start + end) / 2;
            double half = Math.max(1, (end - start) * ZOOM_FRACTION / 2);
            zoomFrom[t] = mid - half;
            zoomTo[t] = mid + half;
            fit[t] = new Frame(control, image, params);
            zoomed[t] = new Frame(control, image, params);
            scroll[t] = new Frame(control, image, params);
        }
        // An untimed round first, as long as the timed one, so the JIT has compiled what each
        // kind of frame runs (the steady state a user panning around sees); then the timed round.
        for (int round = 0; round < 2; round++) {
            int frames = Math.max(3, repeats);
            boolean timed = round == 1;
            for (int i = 0; i < frames; i++) {
                for (int t = 0; t < n; t++) {
                    controls.get(t).fitAll();
                    fit[t].draw(timed);
                }
            }
            for (int i = 0; i < frames; i++) {
                for (int t = 0; t < n; t++) {
                    controls.get(t).zoomTo(zoomFrom[t], zoomTo[t]);
                    zoomed[t].draw(timed);
                }
            }
            for (int t = 0; t < n; t++) {
                controls.get(t).zoomTo(zoomFrom[t], zoomTo[t]);
            }
            for (int i = 0; i < frames; i++) {
                for (int t = 0; t < n; t++) {
                    controls.get(t).pan(i % 20 < 10 ? SCROLL_PIXELS : -SCROLL_PIXELS);
                    scroll[t].draw(timed);
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("frame_ms_fit_all", fit[t].medianTotalMs());
            m.put("frame_ms_zoomed", zoomed[t].medianTotalMs());
            m.put("frame_ms_scroll", scroll[t].medianTotalMs());
            m.put("frame_record_ms_fit_all", fit[t].medianRecordMs());
            m.put("frame_record_ms_zoomed", zoomed[t].medianRecordMs());
            m.put("frame_record_ms_scroll", scroll[t].medianRecordMs());
            m.put("frame_width", WIDTH);
            m.put("frame_height", HEIGHT);
            m.put("visible_lanes", controls.get(t).visibleLaneCount());
            out.add(m);
        }
        return out;
    }

    /** The timings of one kind of frame. */
    private static final class Frame {
        private final TimelineControl control;
        private final WritableImage image;
        private final SnapshotParameters params;
        private double[] total = new double[0];
        private double[] record = new double[0];

        Frame(TimelineControl control, WritableImage image, SnapshotParameters params) {
            this.control = control;
            this.image = image;
            this.params = params;
        }

        void draw(boolean timed) {
            long t0 = System.nanoTime();
            // The caller changed the view, so the layout pass repaints, as the next pulse would.
            control.layout();
            long recordNanos = System.nanoTime() - t0;
            control.snapshot(params, image);
            long totalNanos = System.nanoTime() - t0;
            if (timed) {
                total = Arrays.copyOf(total, total.length + 1);
                total[total.length - 1] = totalNanos / 1e6;
                record = Arrays.copyOf(record, record.length + 1);
                record[record.length - 1] = recordNanos / 1e6;
            }
        }

        double medianTotalMs() {
            return median(total);
        }

        double medianRecordMs() {
            return median(record);
        }

        private static double median(double[] values) {
            double[] v = values.clone();
            Arrays.sort(v);
            return v.length == 0 ? Double.NaN : v[v.length / 2];
        }
    }

    static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.MINUTES);
    }
}
