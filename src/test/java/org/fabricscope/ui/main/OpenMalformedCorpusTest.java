package org.fabricscope.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.testsupport.MalformedCorpus;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.TruncatedTraceException;
import org.fabricscope.trace.io.TraceWriter;
import org.fabricscope.ui.files.RecentFiles;
import org.fabricscope.ui.files.TraceFiles;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.scenario.SimulationService;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.CrashLog;
import org.fabricscope.ui.testing.FakeDialogs;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.TestPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * File ▸ Open with the real reader ({@link TraceFiles#jsonl()}) on every file of the malformed
 * corpus: one error dialog naming the file and the line, no crash report, and the trace that was
 * open before stays open, unchanged, at the same step.
 */
class OpenMalformedCorpusTest {
    private static final Trace GOOD = RandomTraces.generate(3, 200, 4);

    @TempDir
    Path dir;

    private final TestPreferences prefs = new TestPreferences();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final ExecutorService workers = BackgroundWork.workers();
    private TraceSession session;
    private MainViewModel vm;

    static List<Path> corpus() {
        return MalformedCorpus.files();
    }

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        CrashLog log = new CrashLog(dir.resolve("logs/fabricscope.log"));
        vm = Fx.call(() -> {
            session = new TraceSession();
            return new MainViewModel(
                    session,
                    TraceFiles.jsonl(),
                    new NoSimulation(),
                    new RecentFiles(prefs.preferences()),
                    dialogs,
                    log,
                    workers);
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void openingAMalformedTraceNamesFileAndLineAndKeepsThePreviousTrace(Path bad) throws Exception {
        Path good = dir.resolve("good.jsonl");
        TraceWriter.write(GOOD, good);
        openAndWait(good);
        Trace before = session.getTrace().trace();
        Fx.run(() -> session.currentStepProperty().set(7));
        TraceFormatException expected = MalformedCorpus.readerFailure(bad);

        openAndWait(bad);

        if (expected instanceof TruncatedTraceException cut && cut.completeEvents() > 0) {
            // A file that only stops early is a question (open its complete events?), not an error;
            // declined, nothing changes.
            assertThat(dialogs.errors).isEmpty();
            assertThat(dialogs.questions)
                    .singleElement()
                    .asString()
                    .contains(bad.getFileName() + " ends after " + cut.completeEvents() + " complete events")
                    .contains(expected.getMessage());
            assertThat(session.getTrace().trace()).isSameAs(before);
            assertThat(session.getCurrentStep()).isEqualTo(7);
            assertThat(vm.statusProperty().get()).startsWith("Not opened: " + bad.getFileName());
            return;
        }
        String position = expected.line() > 0 ? bad + ":" + expected.line() : bad + ":";
        assertThat(dialogs.reports).as("crash reports").isEmpty();
        assertThat(dialogs.errors)
                .singleElement()
                .asString()
                .contains(bad.getFileName().toString())
                .contains(position)
                .contains(expected.problem())
                .contains("previously open trace stays open")
                .doesNotContain("Exception", "\tat ");
        assertThat(session.getTrace().trace()).isSameAs(before);
        assertThat(session.getTrace().source()).isEqualTo(good);
        assertThat(session.getCurrentStep()).isEqualTo(7);
        assertThat(vm.recentFiles()).containsExactly(good);
        assertThat(vm.statusProperty().get()).startsWith("Could not open " + bad.getFileName());
    }

    /** File ▸ Open never simulates. */
    private static final class NoSimulation implements SimulationService {
        @Override
        public SimulationResult run(RunRequest request, Progress progress) {
            throw new AssertionError("not expected to simulate");
        }

        @Override
        public ReproResult find(RunRequest request, int maxAttempts, Progress progress) {
            throw new AssertionError("not expected to simulate");
        }
    }
}
