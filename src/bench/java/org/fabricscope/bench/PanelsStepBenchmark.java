package org.fabricscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.ui.eventlog.EventLogView;
import org.fabricscope.ui.inspector.InspectorView;
import org.fabricscope.ui.replay.ReplayControlsView;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;

/**
 * {@code bench panels [EVENTS]}: prints what a cursor move costs on the FX thread with the replay
 * toolbar, event log and inspector showing a large synthetic trace (headless Monocle).
 */
final class PanelsStepBenchmark {
    private PanelsStepBenchmark() {}

    static void main(String[] args) throws Exception {
        FrameBench.configureHeadless();
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        Trace trace = syntheticTrace(events);
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        TraceSession session = new TraceSession();
        ReplayControlsView[] controls = new ReplayControlsView[1];
        onFx(() -> {
            controls[0] = new ReplayControlsView(session);
            BorderPane root = new BorderPane(new SplitPane(new EventLogView(session), new InspectorView(session)));
            root.setTop(controls[0]);
            Stage stage = new Stage();
            stage.setScene(new Scene(root, 1400, 900));
            stage.show();
        });
        time(
                "open " + String.format("%,d", events) + " events",
                1,
                () -> session.open(new LoadedTrace(null, trace, index)));
        time("step forward", 200, () -> controls[0].viewModel().stepForward());
        time("jump to a step far away", 20, new Runnable() {
            int i;

            @Override
            public void run() {
                session.currentStepProperty().set((int) ((long) events * (++i) / 23));
            }
        });
        time("next FPRE004", 50, () -> controls[0].viewModel().nextFpre004());
        Platform.exit();
    }

    private static void time(String what, int times, Runnable action) throws Exception {
        long[] best = {Long.MAX_VALUE};
        long[] total = {0};
        for (int i = 0; i < times; i++) {
            onFx(() -> {
                long t0 = System.nanoTime();
                action.run();
                // Lay out and apply CSS as the next pulse would, so the cost of the views counts.
                Stage.getWindows().forEach(w -> {
                    w.getScene().getRoot().applyCss();
                    w.getScene().getRoot().layout();
                });
                long t = System.nanoTime() - t0;
                best[0] = Math.min(best[0], t);
                total[0] += t;
            });
        }
        System.out.printf(
                "%-28s mean %.2f ms, best %.2f ms (%d times, FX thread, incl. CSS and layout)%n",
                what, total[0] / 1e6 / times, best[0] / 1e6, times);
    }

    private static void onFx(Runnable r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX thread did not finish in 120 s");
        }
    }

    /** A random-looking but fixed trace over 4096 blocks and every kind (shared by the panel benchmarks). */
    static Trace syntheticTrace(int events) {
        int blocks = 4096;
        List<Topology.BlockInfo> infos = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            infos.add(new Topology.BlockInfo(b % 8, b % 4, "archive-" + (b % 16)));
        }
        TraceBuilder builder = new TraceBuilder(
                new TraceHeader(
                        TraceHeader.FORMAT_NAME,
                        TraceHeader.FORMAT_VERSION,
                        "bench",
                        "bench",
                        Map.of(),
                        1,
                        1,
                        PatchSwitches.NONE,
                        new Topology(8, 4, infos)),
                events);
        EventKind[] kinds = EventKind.values();
        long x = 12345;
        for (int i = 0; i < events; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L; // fixed LCG: the same trace every run
            int r = (int) (x >>> 33);
            EventKind kind = kinds[Math.floorMod(r, kinds.length)];
            Field field = Field.values()[Math.floorMod(r >> 8, Field.count())];
            builder.event(
                    i,
                    Math.floorMod(r >> 12, blocks),
                    0,
                    "actor-" + Math.floorMod(r >> 4, 32),
                    kind,
                    field,
                    0,
                    Math.floorMod(r >> 20, 3),
                    -1,
                    0);
        }
        return builder.build();
    }
}
