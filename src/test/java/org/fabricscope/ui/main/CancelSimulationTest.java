package org.fabricscope.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.files.RecentFiles;
import org.fabricscope.ui.scenario.EmbeddedSimulation;
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

/**
 * Cancelling a running simulation or reproducer search, with the real embedded simulator: the
 * trace that was open stays open at its step, nothing is reported as an error, and the status
 * says it was cancelled.
 */
class CancelSimulationTest {
    private static final Trace OPEN = RandomTraces.generate(4, 300, 6);

    @TempDir
    Path dir;

    private final TestPreferences prefs = new TestPreferences();
    private final FakeTraceFiles files = new FakeTraceFiles();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final StartSignallingSimulation simulation = new StartSignallingSimulation();
    private final ExecutorService workers = BackgroundWork.workers();
    private TraceSession session;
    private MainViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.startToolkit();
    }

    @BeforeEach
    void openATrace() throws Exception {
        CrashLog log = new CrashLog(dir.resolve("logs/fabricscope.log"));
        vm = Fx.call(() -> {
            session = new TraceSession();
            return new MainViewModel(
                    session, files, simulation, new RecentFiles(prefs.preferences()), dialogs, log, workers);
        });
        Path a = dir.resolve("a.jsonl");
        files.put(a, OPEN);
        Fx.run(() -> vm.open(a));
        Fx.awaitValue(vm.busyProperty(), false);
        Fx.run(() -> session.currentStepProperty().set(42));
    }

    @AfterEach
    void cleanUp() throws Exception {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        prefs.close();
    }

    @Test
    void cancellingASimulationKeepsTheOpenTraceAndItsStep() throws Exception {
        // Ten simulated minutes of the production-like rack: far longer than the test waits.
        RunRequest longRun = new RunRequest(
                Scenario.builtIn("pilot-rack")
                        .with("durationMicros", "600000000")
                        .with("maxEventsPerRun", "200000000"),
                1,
                1,
                PatchSwitches.NONE);

        Fx.run(() -> vm.run(longRun));
        cancelOnceStarted();

        assertKeptAsItWas();
        assertThat(vm.statusProperty().get()).contains("Cancelled the simulation");
    }

    @Test
    void cancellingAReproducerSearchKeepsTheOpenTraceAndItsStep() throws Exception {
        // The patched fabric never fails, so the search would run all its attempts.
        RunRequest patched = new RunRequest(Scenario.builtIn("fpre004-repro"), 1, 1, PatchSwitches.ALL);

        Fx.run(() -> vm.findReproducer(patched, 1_000_000));
        cancelOnceStarted();

        assertKeptAsItWas();
    }

    private void cancelOnceStarted() throws Exception {
        assertThat(simulation.progressed.await(60, TimeUnit.SECONDS))
                .as("the simulation reported progress")
                .isTrue();
        Fx.run(vm::cancel);
        Fx.awaitValue(vm.busyProperty(), false);
    }

    private void assertKeptAsItWas() {
        assertThat(session.getTrace().trace()).isSameAs(OPEN);
        assertThat(session.getCurrentStep()).isEqualTo(42);
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.reports).isEmpty();
        assertThat(dialogs.information).isEmpty();
    }

    /** The real simulator, with a signal at its first progress report (so the test cancels mid-run). */
    private static final class StartSignallingSimulation implements SimulationService {
        private final EmbeddedSimulation real = new EmbeddedSimulation();
        final CountDownLatch progressed = new CountDownLatch(1);

        @Override
        public SimulationResult run(RunRequest request, Progress progress) {
            return real.run(request, signalling(progress));
        }

        @Override
        public ReproResult find(RunRequest request, int maxAttempts, Progress progress) {
            return real.find(request, maxAttempts, signalling(progress));
        }

        private Progress signalling(Progress inner) {
            return new Progress() {
                @Override
                public void update(long done, long total) {
                    inner.update(done, total);
                    progressed.countDown();
                }

                @Override
                public boolean isCancelled() {
                    return inner.isCancelled();
                }
            };
        }
    }
}
