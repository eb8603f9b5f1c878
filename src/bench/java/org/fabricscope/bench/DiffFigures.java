package org.fabricscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.fabricscope.diff.TraceDiff;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.sim.WhatIf;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.EventIdentity;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Intervention;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.trace.io.TraceWriter;
import org.fabricscope.ui.compare.CompareView;
import org.fabricscope.ui.compare.CompareViewModel;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.timeline.TimelineControl;

/**
 * Comparing runs: two ~1M-event {@code pilot-rack} traces that differ by one intervention (the
 * first write ACK after the middle of the run, delayed by {@link #DELAY_MICROS}), written, loaded
 * back, diffed; and the compare-mode frame (one 1600x900 timeline whose lanes show A above B, with
 * the difference markers) against the single-trace frame at the same zoom and size.
 */
final class DiffFigures {
    static final int EVENTS = 1_000_000;
    static final long DELAY_MICROS = 2_000;

    private DiffFigures() {}

    /** The fields, all null (when skipped). */
    static final List<String> FIELDS = List.of(
            "diff_events",
            "diff_differences",
            "load_both_1m_s",
            "diff_1m_s",
            "diff_vs_load_both",
            "diff_bytes_per_event",
            "diff_bytes_per_event_estimate",
            "single_frame_ms",
            "compare_frame_ms",
            "compare_vs_single_frame",
            "single_frame_ms_fit_all",
            "compare_frame_ms_fit_all");

    /** {@code events}: {@link #EVENTS}, fewer only for the benchmark's own test. */
    static Map<String, Object> measure(int events, Path dir, int repeats, boolean frames, TraceFigures.Log log)
            throws Exception {
        Map<String, Object> f = new LinkedHashMap<>();
        for (String k : FIELDS) {
            f.put(k, null);
        }
        TraceFigures.Plan plan = TraceFigures.plan(events);
        Scenario s =
                Scenario.builtIn(TraceFigures.SCENARIO).with("durationMicros", Long.toString(plan.durationMicros()));
        log.say("diff: simulating " + TraceFigures.SCENARIO + " seed " + plan.seed() + " and its fork");
        Trace original = WhatIf.fork(s, plan.seed(), 1, PatchSwitches.NONE, List.of(), Progress.NONE)
                .trace();
        long[] keys = EventIdentity.of(original);
        int ack = original.firstAtOrAfter(original.endMicros() / 2);
        while (ack < original.size() && original.kind(ack) != EventKind.WRITE_ACK) {
            ack++;
        }
        Trace fork = WhatIf.fork(
                        s,
                        plan.seed(),
                        1,
                        PatchSwitches.NONE,
                        List.of(Intervention.shift(keys[ack], DELAY_MICROS)),
                        Progress.NONE)
                .trace();
        keys = null;
        Path fileA = dir.resolve("diff-a.jsonl");
        Path fileB = dir.resolve("diff-b.jsonl");
        TraceWriter.write(original, fileA);
        TraceWriter.write(fork, fileB);
        original = null;
        fork = null;

        log.say("diff: timing load of both and diff, taking turns");
        double loadBest = Double.MAX_VALUE;
        double diffBest = Double.MAX_VALUE;
        Trace a = null;
        Trace b = null;
        for (int i = 0; i < Math.max(3, repeats); i++) {
            long t0 = System.nanoTime();
            a = TraceReader.read(fileA, Progress.NONE);
            b = TraceReader.read(fileB, Progress.NONE);
            loadBest = Math.min(loadBest, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            TraceDiff d = TraceDiff.compare(a, b);
            diffBest = Math.min(diffBest, (System.nanoTime() - t0) / 1e9);
            if (d.differenceCount() < 0) {
                throw new IllegalStateException();
            }
        }
        f.put("diff_events", a.size());
        f.put("load_both_1m_s", loadBest);
        f.put("diff_1m_s", diffBest);
        f.put("diff_vs_load_both", diffBest / loadBest);

        // Retained heap of the alignment alone (both traces already loaded), per event of A.
        long before = TraceFigures.usedHeapAfterGc();
        TraceDiff diff = TraceDiff.compare(a, b);
        long after = TraceFigures.usedHeapAfterGc();
        f.put("diff_differences", diff.differenceCount());
        f.put("diff_bytes_per_event", (double) (after - before) / a.size());
        f.put("diff_bytes_per_event_estimate", (double) diff.retainedBytesEstimate() / a.size());
        Files.deleteIfExists(fileA);
        Files.deleteIfExists(fileB);

        if (frames) {
            log.say("diff: compare-mode frames against single-trace frames");
            f.putAll(frames(diff, repeats));
        }
        return f;
    }

    /**
     * Both at the same time zoom, taking turns: the single-trace window (one 1600x900 timeline) and
     * the compare window (one 1600x900 timeline, lanes split A above B, with markers). Zoomed: the
     * 1 % of the span around the first divergence; fit-all: the whole trace.
     */
    private static Map<String, Object> frames(TraceDiff diff, int repeats) throws Exception {
        FrameBench.startToolkit();
        LoadedTrace la = new LoadedTrace(null, diff.a(), TraceIndex.build(diff.a(), Progress.NONE));
        LoadedTrace lb = new LoadedTrace(null, diff.b(), TraceIndex.build(diff.b(), Progress.NONE));
        CompletableFuture<TimelineControl[]> ready = new CompletableFuture<>();
        List<Stage> stages = new ArrayList<>();
        Platform.runLater(() -> {
            try {
                TraceSession single = new TraceSession();
                TimelineControl one = new TimelineControl(single);
                Stage s1 = new Stage();
                s1.setScene(new Scene(new StackPane(one), FrameBench.WIDTH, FrameBench.HEIGHT));
                s1.show();
                single.open(la);

                TraceSession sa = new TraceSession();
                TimelineControl ta = new TimelineControl(sa);
                CompareViewModel vm = new CompareViewModel(sa);
                CompareView view = new CompareView(vm);
                view.attach(ta);
                Stage s2 = new Stage();
                s2.setScene(new Scene(new StackPane(ta), FrameBench.WIDTH, FrameBench.HEIGHT));
                s2.show();
                sa.open(la);
                vm.open(lb, diff, "fork");
                stages.add(s1);
                stages.add(s2);
                ready.complete(new TimelineControl[] {one, ta});
            } catch (RuntimeException e) {
                ready.completeExceptionally(e);
            }
        });
        TimelineControl[] c = ready.get(10, TimeUnit.MINUTES);
        for (TimelineControl t : c) {
            awaitReady(t.readyProperty());
        }
        awaitReady(c[1].splitProperty());
        Map<String, Object> out = FrameBench.onFx(() -> {
            for (Stage s : stages) {
                s.getScene().getRoot().applyCss();
                s.getScene().getRoot().layout();
            }
            WritableImage full = new WritableImage(FrameBench.WIDTH, FrameBench.HEIGHT);
            WritableImage split = new WritableImage(FrameBench.WIDTH, FrameBench.HEIGHT);
            SnapshotParameters params = new SnapshotParameters();
            TraceDiff.Divergence first = diff.firstDivergence();
            double mid = first == null ? (diff.a().startMicros() + diff.a().endMicros()) / 2.0 : first.timeMicros();
            double half = Math.max(1, (diff.a().endMicros() - diff.a().startMicros()) * FrameBench.ZOOM_FRACTION / 2);
            Map<String, Object> m = new LinkedHashMap<>();
            for (boolean zoomed : new boolean[] {true, false}) {
                int n = Math.max(3, repeats);
                double[] single = new double[n];
                double[] compare = new double[n];
                for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < n; i++) {
                        for (TimelineControl t : c) {
                            if (zoomed) {
                                t.zoomTo(mid - half, mid + half);
                            } else {
                                t.fitAll();
                            }
                        }
                        // The views changed, so each control's layout pass repaints, as a pulse would.
                        long t0 = System.nanoTime();
                        c[0].layout();
                        c[0].snapshot(params, full);
                        long t1 = System.nanoTime();
                        // The compare window: the split lanes, then the overlay's difference markers.
                        c[1].layout();
                        c[1].snapshot(params, split);
                        long t2 = System.nanoTime();
                        if (round == 1) {
                            single[i] = (t1 - t0) / 1e6;
                            compare[i] = (t2 - t1) / 1e6;
                        }
                    }
                }
                String suffix = zoomed ? "" : "_fit_all";
                m.put("single_frame_ms" + suffix, median(single));
                m.put("compare_frame_ms" + suffix, median(compare));
            }
            m.put("compare_vs_single_frame", (Double) m.get("compare_frame_ms") / (Double) m.get("single_frame_ms"));
            stages.forEach(Stage::close);
            return m;
        });
        return out;
    }

    private static void awaitReady(javafx.beans.value.ObservableBooleanValue ready) throws Exception {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            if (ready.get()) {
                f.complete(true);
            } else {
                ready.addListener((o, was, now) -> {
                    if (now) {
                        f.complete(true);
                    }
                });
            }
        });
        f.get(10, TimeUnit.MINUTES);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
