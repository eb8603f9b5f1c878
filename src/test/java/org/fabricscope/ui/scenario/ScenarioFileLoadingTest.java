package org.fabricscope.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.testing.FakeDialogs;
import org.fabricscope.ui.testing.Fx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load from file…: the scenario file is read in the background and becomes the chosen scenario. */
class ScenarioFileLoadingTest {
    @TempDir
    Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final ExecutorService workers = BackgroundWork.workers();
    private ScenarioViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        vm = Fx.call(() -> new ScenarioViewModel(new TraceSession(), new IdleActions(), dialogs, workers));
    }

    @AfterEach
    void stop() throws Exception {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void loadAndWait(Path file) throws Exception {
        Task<Scenario> task = Fx.call(() -> vm.loadScenario(file));
        Fx.awaitDone(task);
    }

    @Test
    void aLoadedScenarioIsAddedChosenAndShownInTheFields() throws Exception {
        Path file = Files.writeString(
                dir.resolve("slow-acks.json"),
                "{\"name\": \"slow-acks\", \"base\": \"fpre004-repro\", \"parameters\": {\"ackJitterMicrosMax\": 9000}}");

        loadAndWait(file);

        assertThat(vm.scenarioNames()).contains("slow-acks");
        assertThat(vm.selectedScenarioProperty().get()).isEqualTo("slow-acks");
        assertThat(vm.parameter("ackJitterMicrosMax").orElseThrow().getValue()).isEqualTo("9000");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aBadScenarioFileIsReportedWithItsNameAndTheChoiceStays() throws Exception {
        Path file = Files.writeString(
                dir.resolve("bad.json"), "{\"name\": \"bad\", \"parameters\": {\"verifyStepMicros\": 5000}}");

        loadAndWait(file);

        assertThat(dialogs.errors)
                .singleElement()
                .asString()
                .contains("bad.json")
                .contains("verifyStepMicros");
        assertThat(vm.selectedScenarioProperty().get()).isEqualTo("fpre004-repro");
    }

    private static final class IdleActions implements ScenarioActions {
        private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

        @Override
        public ReadOnlyBooleanProperty busyProperty() {
            return busy.getReadOnlyProperty();
        }

        @Override
        public void run(RunRequest request) {}

        @Override
        public void findReproducer(RunRequest request, int maxAttempts) {}
    }
}
