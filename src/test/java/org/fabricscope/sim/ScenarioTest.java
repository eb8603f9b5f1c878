package org.fabricscope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fabricscope.sim.scenario.ParameterSpec;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {
    @TempDir
    Path dir;

    @Test
    void everyBuiltInLoadsWithEveryParameterInCatalogueOrder() throws Exception {
        List<String> names = new ArrayList<>();
        for (ParameterSpec p : Scenario.catalog()) {
            // The workload-operation sets (a shrunk reproducer's) are listed only when not empty.
            if (p.type() != ParameterSpec.Type.ID_SET) {
                names.add(p.name());
            }
        }
        for (String name : Scenario.builtInNames()) {
            Scenario s = Scenario.builtIn(name);
            assertThat(s.name()).isEqualTo(name);
            assertThat(new ArrayList<>(s.parameters().keySet())).isEqualTo(names);
            for (ParameterSpec p : Scenario.catalog()) {
                assertThat(s.get(p.name())).isNotNull();
            }
        }
    }

    @Test
    void reproducerCarriesTheStorysJitterAndBurst() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        assertThat(s.get("ackJitterMicrosMax")).isEqualTo("7300");
        assertThat(s.get("readBurstSize")).isEqualTo("12");
        assertThat(s.get("compactionEnabled")).isEqualTo("true");
    }

    @Test
    void outOfRangeValueNamesParameterAndRange() throws Exception {
        Scenario s = Scenario.builtIn("quiet");
        assertThatThrownBy(() -> s.with("verifyStepMicros", "500"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("verifyStepMicros")
                .hasMessageContaining("[1, 40]");
    }

    @Test
    void unknownParameterSuggestsTheClosestName() throws Exception {
        Scenario s = Scenario.builtIn("quiet");
        assertThatThrownBy(() -> s.with("ackJiterMicrosMax", "5"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("did you mean 'ackJitterMicrosMax'");
    }

    @Test
    void withKeepsTheOriginalUnchangedAndCanonicalisesText() throws Exception {
        Scenario s = Scenario.builtIn("quiet");
        Scenario t = s.with("mediaErrorsPerMillionBlockReads", "2.50").with("fileXLoop", "TRUE");
        assertThat(t.get("mediaErrorsPerMillionBlockReads")).isEqualTo("2.5");
        assertThat(t.get("fileXLoop")).isEqualTo("true");
        assertThat(s.get("fileXLoop")).isEqualTo("false");
    }

    @Test
    void fromParametersRebuildsTheSameScenario() throws Exception {
        Scenario s = Scenario.builtIn("pilot-rack");
        assertThat(Scenario.fromParameters("pilot-rack", s.parameters())).isEqualTo(s);
    }

    @Test
    void scenarioFileOverridesItsBase() throws Exception {
        Path f = dir.resolve("slow-ack.json");
        Files.writeString(
                f,
                "{\"name\": \"slow ack\", \"base\": \"fpre004-repro\",\n"
                        + " \"parameters\": {\"ackJitterMicrosMax\": 5000, \"compactionEnabled\": false}}");
        Scenario s = Scenario.load(f);
        assertThat(s.name()).isEqualTo("slow ack");
        assertThat(s.get("ackJitterMicrosMax")).isEqualTo("5000");
        assertThat(s.get("compactionEnabled")).isEqualTo("false");
        assertThat(s.get("readBurstSize")).isEqualTo("12");
    }

    @Test
    void badValueInFileNamesFileAndLine() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\n  \"parameters\": {\n    \"readBurstSize\": 0\n  }\n}");
        assertThatThrownBy(() -> Scenario.load(f))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("bad.json:3: ")
                .hasMessageContaining("readBurstSize");
    }

    @Test
    void malformedJsonNamesFileAndLine() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\n  \"name\": \"x\",\n  \"parameters\": {\"nodes\": }\n}");
        assertThatThrownBy(() -> Scenario.load(f))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("broken.json:3");
    }

    @Test
    void unknownParameterInFileNamesFileLineAndClosestName() throws Exception {
        Path f = dir.resolve("typo.json");
        Files.writeString(f, "{\"parameters\": {\n  \"readBurstSise\": 12\n}}");
        assertThatThrownBy(() -> Scenario.load(f))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("typo.json:2: ")
                .hasMessageContaining("did you mean 'readBurstSize'");
    }

    @Test
    void duplicateParameterInFileIsRejected() throws Exception {
        Path f = dir.resolve("twice.json");
        Files.writeString(f, "{\"parameters\": {\"nodes\": 3,\n \"nodes\": 4}}");
        assertThatThrownBy(() -> Scenario.load(f))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("twice.json:2");
    }

    @Test
    void minAboveMaxIsRejected() throws Exception {
        Map<String, String> p = Map.of("mediaWriteMicrosMin", "900", "mediaWriteMicrosMax", "400");
        assertThatThrownBy(() -> Scenario.fromParameters("x", p))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("mediaWriteMicrosMin");
    }

    @Test
    void unknownBuiltInListsTheKnownOnes() {
        assertThatThrownBy(() -> Scenario.builtIn("nope"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("fpre004-repro");
    }
}
