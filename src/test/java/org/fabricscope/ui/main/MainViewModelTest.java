package org.fabricscope.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.ui.files.RecentFiles;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.scenario.SimulationService;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.CrashLog;
import org.fabricscope.ui.testing.FakeDialogs;
import org.fabricscope.ui.testing.FakeTraceFiles;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.TestPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main view model without a window: a fake file format, fake dialogs, real background tasks. */
class MainViewModelTest {
    private static final Trace FIRST = RandomTraces.generate(1, 400, 8);
    private static final Trace SECOND = RandomTraces.generate(2, 300, 8);

    @TempDir
    Path dir;

    private final TestPreferences prefs = new TestPreferences();
    private final FakeTraceFiles files = new FakeTraceFiles();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final CannedSimulation simulation = new CannedSimulation();
    private final ExecutorService workers = BackgroundWork.workers();
    private TraceSession session;
    private MainViewModel vm;
    private CrashLog log;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        log = new CrashLog(dir.resolve("logs/fabricscope.log"));
        vm = Fx.call(() -> {
            session = new TraceSession();
            return new MainViewModel(
                    session, files, simulation, new RecentFiles(prefs.preferences()), dialogs, log, workers);
        });
    }

    @AfterEach
    void cleanUp() throws Exception {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        prefs.close();
    }

    private void openAndWait(Path p) throws Exception {
        Fx.run(() -> vm.open(p));
        Fx.awaitValue(vm.busyProperty(), false);
    }

    @Test
    void openingShowsOneProgressBarThatOnlyMovesForwardThroughReadingAndIndexing() throws Exception {
        Path a = dir.resolve("a.jsonl");
        files.put(a, FIRST);
        CountDownLatch gate = files.slow(a);
        List<Double> seen = Collections.synchronizedList(new ArrayList<>());
        Fx.run(() -> {
            vm.progressProperty().addListener((o, was, now) -> seen.add(now.doubleValue()));
            vm.open(a);
        });

        Fx.awaitValue(vm.activityProperty(), "Reading a.jsonl…");
        gate.countDown();
        Fx.awaitValue(vm.busyProperty(), false);

        List<Double> during = new ArrayList<>(seen);
        // The bar returns to 0 once the open is over; up to then it never goes back.
        assertThat(during.remove(during.size() - 1)).isZero();
        assertThat(during).isNotEmpty().isSorted();
        assertThat(during.get(during.size() - 1)).isLessThanOrEqualTo(1.0);
        assertThat(vm.activityProperty().get()).isEmpty();
        assertThat(session.getTrace().trace()).isSameAs(FIRST);
    }

    @Test
    void openingATraceShowsItWithTheCursorAtStepZero() throws Exception {
        Path a = dir.resolve("a.jsonl");
        files.put(a, FIRST);

        openAndWait(a);

        assertThat(session.getTrace().trace()).isSameAs(FIRST);
        assertThat(session.getTrace().source()).isEqualTo(a);
        assertThat(session.getCurrentStep()).isZero();
        assertThat(vm.summaryProperty().get())
                .contains("canonical")
                .contains("seed 1")
                .contains(String.format("%,d events", FIRST.size()));
        assertThat(vm.windowTitleProperty().get()).startsWith("a.jsonl");
        assertThat(vm.recentFiles()).containsExactly(a);
    }

    @Test
    void aMalformedTraceNamesFileAndLineAndKeepsThePreviousTrace() throws Exception {
        Path good = dir.resolve("good.jsonl");
        Path bad = dir.resolve("bad.jsonl");
        files.put(good, FIRST);
        files.fail(bad, new TraceFormatException(bad.toString(), 17, 4, "expected a number for \"t\", got \"soon\""));
        openAndWait(good);

        openAndWait(bad);

        assertThat(dialogs.errors)
                .singleElement()
                .asString()
                .contains(bad + ":17:4: expected a number")
                .contains("previously open trace stays open");
        assertThat(session.getTrace().trace()).isSameAs(FIRST);
        assertThat(vm.recentFiles()).containsExactly(good);
    }

    @Test
    void cancellingALoadKeepsThePreviousTrace() throws Exception {
        Path good = dir.resolve("good.jsonl");
        Path slow = dir.resolve("slow.jsonl");
        files.put(good, FIRST);
        files.put(slow, SECOND);
        files.slow(slow);
        openAndWait(good);

        Fx.run(() -> vm.open(slow));
        assertThat(files.slowReadStarted.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Fx.call(() -> vm.busyProperty().get())).isTrue();
        Fx.run(vm::cancel);
        Fx.awaitValue(vm.busyProperty(), false);

        assertThat(session.getTrace().trace()).isSameAs(FIRST);
        assertThat(vm.statusProperty().get()).contains("Cancelled opening slow.jsonl");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aMissingFileIsDroppedFromTheRecentList() throws Exception {
        Path a = dir.resolve("a.jsonl");
        files.put(a, FIRST);
        openAndWait(a);
        Path gone = dir.resolve("gone.jsonl");
        files.put(gone, SECOND);
        openAndWait(gone);
        files.fail(gone, new java.nio.file.NoSuchFileException(gone.toString(), null, "no such file"));

        openAndWait(gone);

        assertThat(vm.recentFiles()).containsExactly(a);
        assertThat(dialogs.errors).singleElement().asString().contains("no such file");
    }

    @Test
    void anUnexpectedFailureShowsACopyableReportAndIsLogged() throws Exception {
        Path weird = dir.resolve("weird.jsonl");
        files.fail(weird, new IllegalStateException("reader bug"));

        openAndWait(weird);

        assertThat(dialogs.reports).singleElement().asString().contains("IllegalStateException: reader bug");
        assertThat(Files.readString(log.file())).contains("reader bug");
        assertThat(session.getTrace()).isNull();
    }

    @Test
    void saveAsNeverReplacesAnExistingFileWithoutConsent() throws Exception {
        Path a = dir.resolve("a.jsonl");
        files.put(a, FIRST);
        openAndWait(a);
        Path existing = Files.writeString(dir.resolve("keep.jsonl"), "precious");
        dialogs.answerYes = false;

        Object task = Fx.call(() -> vm.saveAs(existing));

        assertThat(task).isNull();
        assertThat(dialogs.questions).singleElement().asString().contains("keep.jsonl already exists");
        assertThat(files.written).isEmpty();
        assertThat(Files.readString(existing)).isEqualTo("precious");
    }

    @Test
    void saveAsReplacesAnExistingFileOnceConfirmedAndFollowsTheNewName() throws Exception {
        Path a = dir.resolve("a.jsonl");
        files.put(a, FIRST);
        openAndWait(a);
        Path existing = Files.writeString(dir.resolve("copy.jsonl"), "old");
        dialogs.answerYes = true;

        Fx.run(() -> vm.saveAs(existing));
        Fx.awaitValue(vm.busyProperty(), false);

        assertThat(files.written).containsExactly(existing);
        assertThat(vm.windowTitleProperty().get()).startsWith("copy.jsonl");
        assertThat(vm.recentFiles()).first().isEqualTo(existing);
    }

    @Test
    void saveAsAddsTheTraceExtensionWhenTheNameHasNone() throws Exception {
        Path a = dir.resolve("a.jsonl");
        files.put(a, FIRST);
        openAndWait(a);

        Fx.run(() -> vm.saveAs(dir.resolve("mine")));
        Fx.awaitValue(vm.busyProperty(), false);

        assertThat(files.written).containsExactly(dir.resolve("mine.jsonl"));
    }

    @Test
    void exportingForPerfettoWritesAJsonFileAndAsksBeforeReplacingOne() throws Exception {
        Path a = dir.resolve("a.jsonl");
        files.put(a, FIRST);
        openAndWait(a);
        Path existing = Files.writeString(dir.resolve("perfetto.json"), "old");
        dialogs.answerYes = false;

        assertThat(Fx.call(() -> vm.exportChromeTrace(existing))).isNull();
        Fx.run(() -> vm.exportChromeTrace(dir.resolve("fresh")));
        Fx.awaitValue(vm.busyProperty(), false);

        assertThat(files.exported).containsExactly(dir.resolve("fresh.json"));
        assertThat(vm.statusProperty().get()).contains("Exported fresh.json");
    }

    @Test
    void nothingCanBeSavedBeforeATraceIsOpen() throws Exception {
        assertThat(Fx.call(() -> vm.canSaveProperty().get())).isFalse();
        assertThat(Fx.call(() -> vm.saveAs(dir.resolve("x.jsonl")))).isNull();
    }

    @Test
    void runOpensTheSimulatedTraceAsUnsaved() throws Exception {
        simulation.trace = SECOND;

        RunRequest r = request();
        Fx.run(() -> vm.run(r));
        Fx.awaitValue(vm.busyProperty(), false);

        assertThat(session.getTrace().trace()).isSameAs(SECOND);
        assertThat(session.getTrace().source()).isNull();
        assertThat(vm.windowTitleProperty().get()).contains("(not saved)");
        assertThat(vm.currentFileProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).startsWith(String.format("Simulated %,d events", SECOND.size()));
    }

    @Test
    void aReproducerSearchThatFindsNothingSaysSoAndKeepsTheOpenTrace() throws Exception {
        Path a = dir.resolve("a.jsonl");
        files.put(a, FIRST);
        openAndWait(a);
        simulation.found = false;

        RunRequest r = request();
        Fx.run(() -> vm.findReproducer(r, 27));
        Fx.awaitValue(vm.busyProperty(), false);

        assertThat(dialogs.information)
                .singleElement()
                .asString()
                .contains("No reproducer found")
                .contains("did not occur in 27 attempts");
        assertThat(session.getTrace().trace()).isSameAs(FIRST);
    }

    @Test
    void aFoundReproducerIsOpenedAtStepZero() throws Exception {
        simulation.found = true;
        simulation.trace = SECOND;

        RunRequest r = request();
        Fx.run(() -> vm.findReproducer(r, 27));
        Fx.awaitValue(vm.busyProperty(), false);

        assertThat(session.getTrace().trace()).isSameAs(SECOND);
        assertThat(session.getCurrentStep()).isZero();
        assertThat(vm.statusProperty().get()).contains("FPRE004 reproduced on attempt 5");
    }

    @Test
    void startingNewWorkCancelsTheRunningWork() throws Exception {
        Path slow = dir.resolve("slow.jsonl");
        files.put(slow, SECOND);
        files.slow(slow);
        Path a = dir.resolve("a.jsonl");
        files.put(a, FIRST);

        Fx.run(() -> vm.open(slow));
        assertThat(files.slowReadStarted.await(30, TimeUnit.SECONDS)).isTrue();
        openAndWait(a);

        assertThat(session.getTrace().trace()).isSameAs(FIRST);
    }

    private static RunRequest request() throws Exception {
        return new RunRequest(
                org.fabricscope.sim.scenario.Scenario.builtIn("fpre004-repro"),
                1,
                1,
                org.fabricscope.trace.PatchSwitches.NONE);
    }

    /** Hands out a canned trace; the simulator itself is tested in {@code sim}. */
    private static final class CannedSimulation implements SimulationService {
        volatile Trace trace;
        volatile boolean found;

        @Override
        public SimulationResult run(RunRequest request, Progress progress) {
            return new SimulationResult(trace, null);
        }

        @Override
        public ReproResult find(RunRequest request, int maxAttempts, Progress progress) {
            return found
                    ? new ReproResult(true, 5, request.seed(), 5, new SimulationResult(trace, null))
                    : new ReproResult(false, maxAttempts, request.seed(), -1, null);
        }
    }
}
