package org.fabricscope.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import org.fabricscope.sim.experiment.IncidentMap;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.ui.dashboard.DashboardViewModel.Side;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.testing.Fx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's view model without a window: real soaks (tiny), a recording opener. */
class DashboardViewModelTest {
    private record Opened(RunRequest request, int seq, String description) {}

    private final ExecutorService workers = BackgroundWork.workers();
    private final List<Opened> opened = new ArrayList<>();
    private Optional<RunRequest> panel;
    private DashboardViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        panel = Optional.of(new RunRequest(Scenario.builtIn("fpre004-repro"), 8, 1, PatchSwitches.NONE));
        vm = Fx.call(() ->
                new DashboardViewModel(() -> panel, (r, seq, d) -> opened.add(new Opened(r, seq, d)), workers, 2));
    }

    @AfterEach
    void cleanUp() throws Exception {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    private DashboardViewModel.Result runAndWait(String reads) throws Exception {
        Task<DashboardViewModel.Result> task = Fx.call(() -> {
            vm.readsProperty().set(reads);
            return vm.run();
        });
        Fx.awaitDone(task);
        return Fx.call(() -> vm.resultProperty().get());
    }

    @Test
    void runSoaksThePanelsScenarioLegacyAndPatched() throws Exception {
        DashboardViewModel.Result r = runAndWait("10000");
        assertThat(r.request().scenario().name()).isEqualTo("fpre004-repro");
        assertThat(r.legacy().patch()).isEqualTo(PatchSwitches.NONE);
        assertThat(r.patched().patch()).isEqualTo(PatchSwitches.ALL);
        assertThat(r.legacy().soak().reads()).isGreaterThanOrEqualTo(10_000);
        assertThat(r.legacy().soak().fpre004()).isPositive();
        assertThat(r.patched().soak().fpre004()).isZero();
        assertThat(Fx.call(() -> vm.statusProperty().get()))
                .contains("legacy " + r.legacy().soak().fpre004() + " FPRE004")
                .contains("patched 0 FPRE004");
        assertThat(Fx.call(() -> vm.runningProperty().get())).isFalse();
    }

    @Test
    void clickingARedTileOpensItsFirstFailingAttemptAtItsFpre004() throws Exception {
        DashboardViewModel.Result r = runAndWait("10000");
        IncidentMap.Tile red = r.legacy().tiles().stream()
                .filter(IncidentMap.Tile::failed)
                .findFirst()
                .orElseThrow();
        assertThat(Fx.call(() -> vm.openTile(Side.LEGACY, red))).isTrue();
        assertThat(opened).hasSize(1);
        Opened o = opened.get(0);
        assertThat(o.request().attempt()).isEqualTo(red.firstAttempt());
        assertThat(o.request().seed()).isEqualTo(8);
        assertThat(o.request().patch()).isEqualTo(PatchSwitches.NONE);
        assertThat(o.seq()).isEqualTo(red.firstSeq());
        assertThat(o.description()).contains(red.file()).contains("node " + red.node());
    }

    @Test
    void aTileWithoutFpre004OpensNothingAndSaysSo() throws Exception {
        DashboardViewModel.Result r = runAndWait("5000");
        IncidentMap.Tile clear = r.patched().tiles().get(0);
        assertThat(Fx.call(() -> vm.openTile(Side.PATCHED, clear))).isFalse();
        assertThat(opened).isEmpty();
        assertThat(Fx.call(() -> vm.statusProperty().get())).contains("had no FPRE004");
    }

    @Test
    void badReadsAreRefusedInOneLineWithoutRunning() throws Exception {
        Fx.run(() -> vm.readsProperty().set("lots"));
        assertThat(Fx.call(() -> vm.readsErrorProperty().get()))
                .isEqualTo("reads must be a whole number from 1 to 100,000,000, not 'lots'");
        assertThat(Fx.call(() -> vm.run())).isNull();
        assertThat(Fx.call(() -> vm.statusProperty().get())).startsWith("Not run: reads must be");
        Fx.run(() -> vm.readsProperty().set("1,000,000"));
        assertThat(Fx.call(() -> vm.readsErrorProperty().get())).isEmpty();
    }

    @Test
    void anInvalidScenarioPanelIsRefused() throws Exception {
        panel = Optional.empty();
        assertThat(Fx.call(() -> vm.run())).isNull();
        assertThat(Fx.call(() -> vm.statusProperty().get())).contains("scenario panel has an invalid value");
    }

    @Test
    void cancelStopsTheSoakAndKeepsTheLastResult() throws Exception {
        DashboardViewModel.Result first = runAndWait("3000");
        Task<DashboardViewModel.Result> task = Fx.call(() -> {
            vm.readsProperty().set("100000000");
            return vm.run();
        });
        Fx.awaitValue(vm.runningProperty(), true);
        Fx.run(vm::cancel);
        Fx.awaitDone(task);
        assertThat(task.isCancelled()).isTrue();
        assertThat(Fx.call(() -> vm.resultProperty().get())).isSameAs(first);
        assertThat(Fx.call(() -> vm.statusProperty().get())).startsWith("Cancelled the soak");
        assertThat(Fx.call(() -> vm.runningProperty().get())).isFalse();
    }

    @Test
    void heatIsZeroForNoneOneForTheMostAndRisesBetween() {
        assertThat(DashboardViewModel.heat(0, 100)).isZero();
        assertThat(DashboardViewModel.heat(100, 100)).isEqualTo(1.0);
        assertThat(DashboardViewModel.heat(1, 100)).isPositive().isLessThan(DashboardViewModel.heat(10, 100));
        assertThat(DashboardViewModel.percent(0.9988)).isEqualTo("99.8800 %");
    }
}
