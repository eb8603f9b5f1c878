package org.fabricscope.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.sim.scenario.ParameterSpec;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.testing.FakeDialogs;
import org.junit.jupiter.api.Test;

/**
 * The scenario panel's state without a window. Its properties are plain JavaFX beans, so these
 * tests run on the test thread; nothing here starts background work.
 */
class ScenarioViewModelTest {
    private final TraceSession session = new TraceSession();
    private final RecordingActions actions = new RecordingActions();
    private final Executor noBackgroundWork = r -> {
        throw new AssertionError("no background work expected");
    };
    private final ScenarioViewModel vm = new ScenarioViewModel(session, actions, new FakeDialogs(), noBackgroundWork);

    private ParameterField field(String name) {
        return vm.parameter(name).orElseThrow();
    }

    @Test
    void everyCatalogueParameterGetsAFieldShowingItsUnitAndRange() {
        assertThat(vm.parameters())
                .extracting(ParameterField::name)
                .containsExactlyElementsOf(
                        Scenario.catalog().stream().map(ParameterSpec::name).toList());
        ParameterField jitter = field("ackJitterMicrosMax");
        assertThat(jitter.label()).isEqualTo("ackJitterMicrosMax (µs)");
        assertThat(jitter.descriptionWithRange()).contains("Range: 0 to 1,000,000 µs");
    }

    @Test
    void theReproducerIsChosenFirstAndFillsItsParameters() {
        assertThat(vm.selectedScenarioProperty().get()).isEqualTo("fpre004-repro");
        assertThat(field("ackJitterMicrosMax").getValue()).isEqualTo("7300");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.canRunProperty().get()).isTrue();
    }

    @Test
    void choosingAnotherScenarioReplacesTheParameterValues() {
        vm.selectedScenarioProperty().set("quiet");

        assertThat(field("ackJitterMicrosMax").getValue()).isEqualTo("0");
        assertThat(field("mediaErrorsPerMillionBlockReads").getValue()).isEqualTo("0");
    }

    @Test
    void anOutOfRangeValueIsFlaggedWithTheSimulatorsMessageAndBlocksRunning() throws Exception {
        ScenarioException expected = catchThrowableOfType(
                () -> Scenario.builtIn("fpre004-repro").with("verifyStepMicros", "99"), ScenarioException.class);

        field("verifyStepMicros").valueProperty().set("99");

        assertThat(field("verifyStepMicros").errorProperty().get()).isEqualTo(expected.getMessage());
        assertThat(vm.validationMessageProperty().get()).contains(expected.getMessage());
        assertThat(vm.canRunProperty().get()).isFalse();
        vm.run();
        assertThat(actions.runs).isEmpty();
    }

    @Test
    void fixingTheValueClearsTheFlag() {
        field("verifyStepMicros").valueProperty().set("99");
        field("verifyStepMicros").valueProperty().set("30");

        assertThat(field("verifyStepMicros").errorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void aConstraintBetweenParametersIsReportedToo() {
        field("mediaWriteMicrosMin").valueProperty().set("900");
        field("mediaWriteMicrosMax").valueProperty().set("500");

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.validationMessageProperty().get())
                .contains("mediaWriteMicrosMin")
                .contains("must not exceed");
    }

    @Test
    void aSeedThatIsNotANumberBlocksRunning() {
        vm.seedProperty().set("12abc");

        assertThat(vm.canRunProperty().get()).isFalse();
        assertThat(vm.validationMessageProperty().get()).contains("seed");
        assertThat(vm.seedErrorProperty().get()).contains("'12abc' is not a whole number");
        assertThat(vm.attemptErrorProperty().get()).isEmpty();
    }

    @Test
    void attemptZeroIsRejectedBecauseAttemptsCountFromOne() {
        vm.attemptProperty().set("0");

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.validationMessageProperty().get()).contains("attempt: must be at least 1");
    }

    @Test
    void runSendsTheEditedScenarioSeedAttemptAndPatch() {
        field("ackJitterMicrosMax").valueProperty().set("5000");
        vm.seedProperty().set("0x2a");
        vm.attemptProperty().set("7");
        vm.barrierProperty().set(true);

        vm.run();

        RunRequest r = actions.runs.get(0);
        assertThat(r.scenario().get("ackJitterMicrosMax")).isEqualTo("5000");
        assertThat(r.seed()).isEqualTo(42);
        assertThat(r.attempt()).isEqualTo(7);
        assertThat(r.patch()).isEqualTo(new PatchSwitches(false, true, false));
    }

    @Test
    void findReproducerUsesTheMaxAttemptsField() {
        vm.maxAttemptsProperty().set("27");

        vm.findReproducer();

        assertThat(actions.finds).containsExactly(27);
    }

    @Test
    void nothingRunsWhileOtherWorkIsBusy() {
        actions.busy.set(true);

        vm.run();

        assertThat(vm.canRunProperty().get()).isFalse();
        assertThat(actions.runs).isEmpty();
    }

    @Test
    void allAndNoneSetEveryPatchSwitch() {
        vm.allPatches();
        assertThat(vm.patch()).isEqualTo(PatchSwitches.ALL);

        vm.noPatches();
        assertThat(vm.patch()).isEqualTo(PatchSwitches.NONE);
    }

    @Test
    void openingATraceShowsItsScenarioParametersSeedAttemptAndPatch() throws Exception {
        Scenario tweaked = Scenario.builtIn("file-x").with("ackJitterMicrosMax", "4321");

        session.open(loaded(tweaked, 99, 4, PatchSwitches.parse("reorder,backoff")));

        assertThat(vm.selectedScenarioProperty().get()).isEqualTo("file-x");
        assertThat(field("ackJitterMicrosMax").getValue()).isEqualTo("4321");
        assertThat(field("fileXLoop").getValue()).isEqualTo("true");
        assertThat(vm.seedProperty().get()).isEqualTo("99");
        assertThat(vm.attemptProperty().get()).isEqualTo("4");
        assertThat(vm.patch()).isEqualTo(new PatchSwitches(true, false, true));
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void aTraceOfAnUnknownScenarioAddsItToTheChooser() throws Exception {
        Scenario custom = Scenario.builtIn("quiet").named("my-experiment");

        session.open(loaded(custom, 1, 1, PatchSwitches.NONE));

        assertThat(vm.scenarioNames()).contains("my-experiment");
        assertThat(vm.selectedScenarioProperty().get()).isEqualTo("my-experiment");
        vm.run();
        assertThat(actions.runs.get(0).scenario().name()).isEqualTo("my-experiment");
    }

    private static LoadedTrace loaded(Scenario s, long seed, int attempt, PatchSwitches patch) {
        TraceHeader h = new TraceHeader(
                TraceHeader.FORMAT_NAME,
                TraceHeader.FORMAT_VERSION,
                "test",
                s.name(),
                s.parameters(),
                seed,
                attempt,
                patch,
                new Topology(1, 1, List.of(new Topology.BlockInfo(0, 0, "file-x"))));
        Trace t = new TraceBuilder(h).build();
        return new LoadedTrace(null, t, TraceIndex.build(t, Progress.NONE));
    }

    private static final class RecordingActions implements ScenarioActions {
        final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
        final List<RunRequest> runs = new ArrayList<>();
        final List<Integer> finds = new ArrayList<>();

        @Override
        public ReadOnlyBooleanProperty busyProperty() {
            return busy.getReadOnlyProperty();
        }

        @Override
        public void run(RunRequest request) {
            runs.add(request);
        }

        @Override
        public void findReproducer(RunRequest request, int maxAttempts) {
            finds.add(maxAttempts);
        }
    }
}
