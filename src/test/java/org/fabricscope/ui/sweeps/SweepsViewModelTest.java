package org.fabricscope.ui.sweeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import org.fabricscope.sim.RunStats;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.testing.FakeDialogs;
import org.fabricscope.ui.testing.Fx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sweeps view model without a window: a tiny real sweep, a recording opener, fake dialogs. */
class SweepsViewModelTest {
    private record Opened(RunRequest request, int seq, String description) {}

    @TempDir
    Path dir;

    private final ExecutorService workers = BackgroundWork.workers();
    private final List<Opened> opened = new ArrayList<>();
    private final FakeDialogs dialogs = new FakeDialogs();
    private SweepsViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        RunRequest panel = new RunRequest(Scenario.builtIn("fpre004-repro"), 8, 1, PatchSwitches.NONE);
        vm = Fx.call(() -> new SweepsViewModel(
                () -> Optional.of(panel),
                (r, seq, d) -> opened.add(new Opened(r, seq, d)),
                dialogs,
                workers,
                new SweepRunner(2),
                2));
    }

    @AfterEach
    void cleanUp() throws Exception {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** The one sweep run by the tests (it is deterministic); later tests reopen it from a file. */
    private static SweepResult swept;

    /** Jitter 0 and 7300 µs × bursts 4 and 12, 10,000 reads a cell. */
    private SweepResult smallSweep() throws Exception {
        if (swept != null) {
            Path file = dir.resolve("swept.json");
            SweepFiles.save(swept, file, true);
            Fx.run(() -> vm.load(file));
            return Fx.call(() -> vm.resultProperty().get());
        }
        Task<SweepResult> task = Fx.call(() -> {
            vm.xFromProperty().set("0");
            vm.xToProperty().set("7300");
            vm.xStepsProperty().set("2");
            vm.yFromProperty().set("4");
            vm.yToProperty().set("12");
            vm.yStepsProperty().set("2");
            vm.readsProperty().set("10000");
            return vm.run();
        });
        assertThat(task).isNotNull();
        Fx.awaitDone(task);
        swept = Fx.call(() -> vm.resultProperty().get());
        return swept;
    }

    @Test
    void aSweepHasEveryCombinationLegacyAndPatchedWithWilsonIntervals() throws Exception {
        SweepResult r = smallSweep();
        assertThat(r.x().values()).containsExactly(0.0, 7300.0);
        assertThat(r.y().values()).containsExactly(4.0, 12.0);
        assertThat(r.cells()).hasSize(8);
        for (SweepCell c : r.cells()) {
            assertThat(c.reads()).isGreaterThanOrEqualTo(10_000);
            // Result files keep 11 significant digits: a reopened sweep is equal to that precision.
            assertThat(c.rate()).isCloseTo((double) c.attemptsWithFpre004() / c.attempts(), within(1e-10));
            double[] ci = org.fabricscope.sweep.Wilson.interval95(c.attemptsWithFpre004(), c.attempts());
            assertThat(c.rateLow()).isCloseTo(ci[0], within(1e-10));
            assertThat(c.rateHigh()).isCloseTo(ci[1], within(1e-10));
            assertThat(c.rateLow()).isLessThanOrEqualTo(c.rate());
            assertThat(c.rateHigh()).isGreaterThanOrEqualTo(c.rate());
            if (c.patched()) {
                assertThat(c.fpre004()).isZero();
            }
        }
        // The story's corner fails, and patched prefetch is slower.
        assertThat(r.cell(7300, 12, false).fpre004()).isPositive();
        assertThat(r.cell(7300, 12, true).prefetchMeanMicros())
                .isGreaterThan(r.cell(7300, 12, false).prefetchMeanMicros());
        assertThat(Fx.call(() -> vm.lineYProperty().get())).isEqualTo(12.0);
        LatencyBins bins = Fx.call(vm::latencyBins);
        assertThat(bins.patchedMeanMicros()).isGreaterThan(bins.legacyMeanMicros());
    }

    @Test
    void clickingACellReRunsTheEnginesRecordedFirstFailingAttemptWithoutSearching() throws Exception {
        SweepResult r = smallSweep();
        SweepCell cell = r.cell(7300, 12, false);
        assertThat(cell.firstFpre004Recorded()).isTrue();
        assertThat(cell.firstFpre004Seed()).isEqualTo(8);
        int recorded = cell.firstFpre004Attempt();
        assertThat(recorded).isPositive();

        // Ground truth, simulated here independently of the view model: the recorded attempt raises
        // FPRE004 at the recorded event, and no earlier attempt of that seed raises one.
        Scenario s = Scenario.builtIn("fpre004-repro")
                .with("ackJitterMicrosMax", "7300")
                .with("readBurstSize", "12");
        RunStats truth =
                Simulator.run(s, 8, recorded, PatchSwitches.NONE, false, null).stats();
        assertThat(truth.fpre004()).isPositive();
        assertThat(truth.firstFpre004Seq()).isEqualTo(cell.firstFpre004Seq());
        for (int a = 1; a < recorded; a++) {
            assertThat(Simulator.run(s, 8, a, PatchSwitches.NONE, false, null)
                            .stats()
                            .fpre004())
                    .as("attempt %d", a)
                    .isZero();
        }

        var task = Fx.call(() -> vm.openCell(cell));
        Fx.awaitDone(task);
        // One simulator run: the recorded attempt, not a search from attempt 1.
        assertThat(task.get().attempts()).isEqualTo(1);
        assertThat(opened).hasSize(1);
        Opened o = opened.get(0);
        assertThat(o.request().scenario().get("ackJitterMicrosMax")).isEqualTo("7300");
        assertThat(o.request().scenario().get("readBurstSize")).isEqualTo("12");
        assertThat(o.request().patch()).isEqualTo(PatchSwitches.NONE);
        assertThat(o.request().seed()).isEqualTo(8);
        assertThat(o.request().attempt()).isEqualTo(recorded);
        assertThat(o.seq()).isEqualTo(truth.firstFpre004Seq());
        assertThat(o.description()).contains("attempt " + recorded);
    }

    @Test
    void aCellWhoseSoakRaisedNoFpre004SaysSoAndRunsNothing() throws Exception {
        SweepResult r = smallSweep();
        SweepCell patched = r.cell(7300, 12, true);
        assertThat(patched.firstFpre004Attempt()).isEqualTo(-1);
        assertThat(Fx.call(() -> vm.openCell(patched))).isNull();
        assertThat(opened).isEmpty();
        assertThat(Fx.call(() -> vm.statusProperty().get())).startsWith("No FPRE004 in the");
    }

    @Test
    void anOlderSweepFileWithoutTheRecordedAttemptStillOpensAndAClickSearchesForOne() throws Exception {
        SweepResult r = smallSweep();
        int recorded = r.cell(7300, 12, false).firstFpre004Attempt();
        Path file = dir.resolve("new.json");
        SweepFiles.save(r, file, true);
        // The file as written before the first failing attempt was recorded: no such fields.
        String text = Files.readString(file);
        String old = text.replaceAll("(?m)^\\s*\"first_fpre004_(seed|attempt|event)\" : .*\\R", "");
        assertThat(old).isNotEqualTo(text).doesNotContain("\"first_fpre004_attempt\" :");
        Path oldFile = dir.resolve("old.json");
        Files.writeString(oldFile, old);

        assertThat(Fx.call(() -> vm.load(oldFile))).isTrue();
        SweepResult back = Fx.call(() -> vm.resultProperty().get());
        SweepCell cell = back.cell(7300, 12, false);
        assertThat(cell.firstFpre004Recorded()).isFalse();
        assertThat(SweepsViewModel.describeCell(back, cell, true)).contains("a click searches for one");
        // Written again, the older file stays without the fields (absent is not "none").
        Path again = dir.resolve("again.json");
        SweepFiles.save(back, again, false);
        assertThat(Files.readString(again)).isEqualTo(old);

        var task = Fx.call(() -> vm.openCell(cell));
        Fx.awaitDone(task);
        // The search ran attempts 1.. until the first failing one: the one the engine records.
        assertThat(task.get().found()).isTrue();
        assertThat(task.get().attempt()).isEqualTo(recorded);
        assertThat(task.get().attempts()).isEqualTo(recorded);
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).request().attempt()).isEqualTo(recorded);
        assertThat(opened.get(0).seq())
                .isEqualTo(task.get().result().stats().firstFpre004Seq())
                .isNotNegative();
    }

    @Test
    void savedResultsReopenEqual() throws Exception {
        SweepResult r = smallSweep();
        Path file = dir.resolve("s.json");
        assertThat(Fx.call(() -> vm.save(file))).isTrue();
        SweepResult back = SweepFiles.load(file);
        assertThat(back.cells()).hasSameSizeAs(r.cells());
        assertThat(back.x()).isEqualTo(r.x());
        assertThat(back.y()).isEqualTo(r.y());
        for (int i = 0; i < r.cells().size(); i++) {
            SweepCell a = r.cells().get(i);
            SweepCell b = back.cells().get(i);
            assertThat(b.fpre004()).isEqualTo(a.fpre004());
            assertThat(b.attemptsWithFpre004()).isEqualTo(a.attemptsWithFpre004());
            assertThat(b.latencyBuckets()).isEqualTo(a.latencyBuckets());
            assertThat(b.rate()).isCloseTo(a.rate(), within(1e-10));
        }
        // Saving the reopened sweep again writes the same file.
        Path again = dir.resolve("again.json");
        SweepFiles.save(back, again, false);
        assertThat(Files.readString(again)).isEqualTo(Files.readString(file));
        Fx.run(() -> vm.load(file));
        assertThat(Fx.call(() -> vm.resultProperty().get())).isEqualTo(back);
    }

    @Test
    void aBadSweepFileIsRefusedInOneLineNamingIt() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"fabricscope-sweep-result\",\n \"version\": 1,\n \"seed\": }");
        assertThat(Fx.call(() -> vm.load(bad))).isFalse();
        assertThat(dialogs.errors).hasSize(1);
        // FakeDialogs records "title\nmessage": the message is one line naming the file and line.
        String message = dialogs.errors.get(0).substring(dialogs.errors.get(0).indexOf('\n') + 1);
        assertThat(message).contains("bad.json:3").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void exportsAskBeforeReplacingAFile() throws Exception {
        smallSweep();
        Path csv = dir.resolve("heat.csv");
        assertThat(Fx.call(() -> vm.exportCsv(SweepsViewModel.Chart.HEAT_MAP, csv)))
                .isTrue();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0))
                .startsWith("ackJitterMicrosMax,readBurstSize,patch,attempts,attempts_with_fpre004,reads,fpre004");
        assertThat(lines).hasSize(5).allMatch(l -> l.contains("legacy") || l.startsWith("ack"));
        dialogs.answerYes = false;
        assertThat(Fx.call(() -> vm.exportCsv(SweepsViewModel.Chart.LINE, csv))).isFalse();
        assertThat(dialogs.questions).hasSize(1);
        assertThat(Files.readAllLines(csv)).isEqualTo(lines);
        dialogs.answerYes = true;
        assertThat(Fx.call(() -> vm.exportCsv(SweepsViewModel.Chart.LATENCY, csv)))
                .isTrue();
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("bin_from_ms,bin_to_ms,legacy,patched");
    }

    @Test
    void axesOutsideTheParametersRangeAreRefused() throws Exception {
        Fx.run(() -> vm.xFromProperty().set("-5"));
        assertThat(Fx.call(() -> vm.inputErrorProperty().get()))
                .startsWith("first axis: ackJitterMicrosMax must lie in")
                .endsWith("µs");
        assertThat(Fx.call(() -> vm.run())).isNull();
        Fx.run(() -> {
            vm.xFromProperty().set("0");
            vm.yParameterProperty().set("ackJitterMicrosMax");
        });
        assertThat(Fx.call(() -> vm.inputErrorProperty().get())).isEqualTo("the two axes vary the same parameter");
        Fx.run(() -> vm.yParameterProperty().set(SweepsViewModel.NO_AXIS));
        assertThat(Fx.call(() -> vm.inputErrorProperty().get())).isEmpty();
    }
}
