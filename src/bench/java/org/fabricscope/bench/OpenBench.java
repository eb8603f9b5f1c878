package org.fabricscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.stage.Stage;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.io.TraceCacheSettings;
import org.fabricscope.ui.files.TraceFileService;
import org.fabricscope.ui.files.TraceFiles;
import org.fabricscope.ui.main.MainWindow;
import org.fabricscope.ui.scenario.EmbeddedSimulation;
import org.fabricscope.ui.support.AppPreferences;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.CrashLog;

/**
 * Opening a trace file in the application's own main window (headless), as File ▸ Open does: how
 * long until the trace is open and its timeline drawn, whether the progress bar only moves
 * forward, how long the FX thread was ever unavailable meanwhile, and how fast Cancel stops a
 * second open while keeping the first trace.
 *
 * <p>Files are read from their JSON Lines (the binary cache is off here).
 *
 * <p>The FX thread's availability is probed from outside: every {@link #PROBE_EVERY_MS} ms a probe
 * thread posts a no-op to it and notes how long the no-op waited to run. That wait is what a click
 * or a key press would wait, so the maximum is the worst freeze a user could feel.
 */
final class OpenBench {
    static final long PROBE_EVERY_MS = 5;
    /** Cancel the second open once its progress bar passes this fraction. */
    static final double CANCEL_AT = 0.3;

    private OpenBench() {}

    static Map<String, Object> measure(Path file) throws Exception {
        FrameBench.startToolkit();
        Path dir = Files.createTempDirectory("fabricscope-open-bench");
        String prefsNode = "/org/fabricscope/bench-" + ProcessHandle.current().pid();
        ExecutorService workers = BackgroundWork.workers();
        // The JSON Lines path, the slow one where staying responsive matters: with the binary
        // cache on, the second open (the one cancelled) would come from the cache the first wrote.
        // The cache's own speed is measured by TraceFigures.
        TimedFiles files = new TimedFiles(TraceFiles.jsonl(TraceCacheSettings.off()));
        MainWindow.Services services = new MainWindow.Services(
                files,
                new EmbeddedSimulation(),
                new AppPreferences(Preferences.userRoot().node(prefsNode)),
                new CrashLog(dir.resolve("bench.log")),
                workers);
        MainWindow window = FrameBench.onFx(() -> MainWindow.show(new Stage(), services));
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            openOnce(window, file, out);
            cancelSecondOpen(window, file, files, out);
        } finally {
            FrameBench.onFx(() -> {
                window.stage().close();
                return null;
            });
            workers.shutdownNow();
            Preferences.userRoot().node(prefsNode).removeNode();
            deleteQuietly(dir.resolve("bench.log"));
            deleteQuietly(dir);
        }
        return out;
    }

    private static void openOnce(MainWindow window, Path file, Map<String, Object> out) throws Exception {
        List<Double> bar = new ArrayList<>();
        CompletableFuture<Void> timelineReady = new CompletableFuture<>();
        FxProbe probe = new FxProbe();
        long t0 = System.nanoTime();
        Task<?> task = FrameBench.onFx(() -> {
            window.viewModel().progressProperty().addListener((o, was, now) -> bar.add(now.doubleValue()));
            window.view().timeline().readyProperty().addListener((o, was, now) -> {
                if (now) {
                    timelineReady.complete(null);
                }
            });
            return window.viewModel().open(file);
        });
        probe.start();
        Worker.State end = awaitEnd(task);
        double openS = (System.nanoTime() - t0) / 1e9;
        if (end != Worker.State.SUCCEEDED) {
            probe.stop();
            // A Task's properties are read on the FX thread only.
            Throwable why = FrameBench.onFx(task::getException);
            throw new IllegalStateException("opening " + file + " ended " + end + ": " + why, why);
        }
        timelineReady.get(10, TimeUnit.MINUTES);
        double readyS = (System.nanoTime() - t0) / 1e9;
        probe.stop();
        List<Double> during = FrameBench.onFx(() -> new ArrayList<>(bar));
        // The bar drops to 0 when the open is over; until then it must never move back.
        if (!during.isEmpty() && during.get(during.size() - 1) == 0.0) {
            during.remove(during.size() - 1);
        }
        boolean monotonic = true;
        for (int i = 1; i < during.size(); i++) {
            monotonic &= during.get(i) >= during.get(i - 1);
        }
        out.put("open_s", openS);
        out.put("open_timeline_ready_s", readyS);
        out.put("open_progress_updates", during.size());
        out.put("open_progress_monotonic", monotonic);
        out.put("open_fx_max_stall_ms", probe.maxMillis());
        out.put("open_fx_p99_stall_ms", probe.quantileMillis(0.99));
        out.put("open_fx_probes", probe.count());
    }

    private static void cancelSecondOpen(MainWindow window, Path file, TimedFiles files, Map<String, Object> out)
            throws Exception {
        Trace first =
                FrameBench.onFx(() -> window.viewModel().session().getTrace().trace());
        CountDownLatch pastThreshold = new CountDownLatch(1);
        files.readEnded.set(0);
        Task<?> task = FrameBench.onFx(() -> {
            window.viewModel().progressProperty().addListener((o, was, now) -> {
                if (now.doubleValue() >= CANCEL_AT) {
                    pastThreshold.countDown();
                }
            });
            return window.viewModel().open(file);
        });
        if (!pastThreshold.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the second open never passed " + CANCEL_AT);
        }
        long asked = System.nanoTime();
        FrameBench.onFx(() -> {
            window.viewModel().cancel();
            return null;
        });
        Worker.State end = awaitEnd(task);
        // The task is marked cancelled at once; the figure that matters is when the worker stopped
        // reading and let go of the half-read trace.
        long stopped = files.awaitReadEnd(10, TimeUnit.MINUTES);
        Trace after =
                FrameBench.onFx(() -> window.viewModel().session().getTrace().trace());
        out.put("cancel_ms", Math.max(0, stopped - asked) / 1e6);
        out.put("cancel_keeps_previous", end == Worker.State.CANCELLED && after == first);
    }

    private static Worker.State awaitEnd(Task<?> task) throws Exception {
        CompletableFuture<Worker.State> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            // Not task.isDone(): that turns true when call() returns, before the state property
            // (updated in a later FX event) leaves RUNNING.
            if (ended(task.getState())) {
                done.complete(task.getState());
                return;
            }
            task.stateProperty().addListener((o, was, now) -> {
                if (ended(now)) {
                    done.complete(now);
                }
            });
        });
        return done.get(10, TimeUnit.MINUTES);
    }

    private static boolean ended(Worker.State state) {
        return state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A temporary file left behind is not worth failing the benchmark for.
        }
    }

    /** The application's file reading, noting when each read returns or gives up. */
    private static final class TimedFiles implements TraceFileService {
        private final TraceFileService inner;
        final AtomicLong readEnded = new AtomicLong();

        TimedFiles(TraceFileService inner) {
            this.inner = inner;
        }

        @Override
        public Trace read(Path file, Progress progress) throws IOException, TraceFormatException {
            try {
                return inner.read(file, progress);
            } finally {
                synchronized (this) {
                    readEnded.set(System.nanoTime());
                    notifyAll();
                }
            }
        }

        synchronized long awaitReadEnd(long timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (readEnded.get() == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the cancelled read never stopped");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return readEnded.get();
        }

        @Override
        public void write(Trace trace, Path file, Progress progress) throws IOException {
            inner.write(trace, file, progress);
        }

        @Override
        public void exportChromeTrace(Trace trace, Path file, Progress progress) throws IOException {
            inner.exportChromeTrace(trace, file, progress);
        }
    }

    /** Posts a no-op to the FX thread every few milliseconds and records how long each waited. */
    private static final class FxProbe {
        private final List<Long> waits = new ArrayList<>();
        private volatile boolean running;
        private Thread thread;

        void start() {
            running = true;
            thread = new Thread(this::loop, "fx-probe");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (running) {
                CountDownLatch ran = new CountDownLatch(1);
                long posted = System.nanoTime();
                Platform.runLater(ran::countDown);
                try {
                    ran.await();
                    long waited = System.nanoTime() - posted;
                    synchronized (waits) {
                        waits.add(waited);
                    }
                    Thread.sleep(PROBE_EVERY_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        int count() {
            synchronized (waits) {
                return waits.size();
            }
        }

        double maxMillis() {
            return quantileMillis(1.0);
        }

        double quantileMillis(double q) {
            long[] sorted;
            synchronized (waits) {
                sorted = waits.stream().mapToLong(Long::longValue).toArray();
            }
            if (sorted.length == 0) {
                return 0;
            }
            Arrays.sort(sorted);
            int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }
}
