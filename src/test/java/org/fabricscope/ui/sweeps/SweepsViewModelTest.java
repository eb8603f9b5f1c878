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
    void clickingACellFindsAReproducerThereAndOpensItAtItsFpre004() throws Exception {
        SweepResult r = smallSweep();
        SweepCell cell = r.cell(7300, 12, false);
        var task = Fx.call(() -> vm.openCell(cell));
        Fx.awaitDone(task);
        assertThat(opened).hasSize(1);
        Opened o = opened.get(0);
        assertThat(o.request().scenario().get("ackJitterMicrosMax")).isEqualTo("7300");
        assertThat(o.request().scenario().get("readBurstSize")).isEqualTo("12");
        assertThat(o.request().patch()).isEqualTo(PatchSwitches.NONE);
        assertThat(o.request().attempt()).isEqualTo(task.get().attempt());
        assertThat(o.seq())
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
