package org.fabricscope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenario values with units ("7.3ms") and values of the wrong type: durations convert exactly to
 * microseconds, a unit that is not the parameter's is refused naming the parameter and the unit
 * it expects, and the range is always named.
 */
class ScenarioUnitsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "7.3ms, 7300",
        "7300us, 7300",
        "7300 µs, 7300",
        "7300μs, 7300",
        "0.0073s, 7300",
        "7.3 MS, 7300",
        "1e3, 1000",
        "7300, 7300"
    })
    void aDurationWithATimeUnitIsStoredAsWholeMicroseconds(String value, String stored) throws Exception {
        Scenario s = Scenario.builtIn("quiet").with("ackJitterMicrosMax", value);

        assertThat(s.get("ackJitterMicrosMax")).isEqualTo(stored);
    }

    @Test
    void aDurationThatIsNotWholeMicrosecondsIsRefusedNotRounded() throws Exception {
        Scenario s = Scenario.builtIn("quiet");
        assertThatThrownBy(() -> s.with("ackJitterMicrosMax", "7.3005ms"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("ackJitterMicrosMax")
                .hasMessageContaining("7300.5 µs")
                .hasMessageContaining("whole number of microseconds");
    }

    @Test
    void aDurationWithAForeignUnitNamesTheParameterAndTheExpectedUnit() throws Exception {
        Scenario s = Scenario.builtIn("quiet");
        assertThatThrownBy(() -> s.with("ackJitterMicrosMax", "7.3 blocks"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("ackJitterMicrosMax is a duration in µs")
                .hasMessageContaining("'blocks'")
                .hasMessageContaining("7.3ms");
    }

    @Test
    void aDurationInUnitsStillHasToBeInRange() throws Exception {
        Scenario s = Scenario.builtIn("quiet");
        assertThatThrownBy(() -> s.with("verifyStepMicros", "1ms"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("verifyStepMicros = 1000 is out of range [1, 40] µs");
    }

    @Test
    void aCountAcceptsItsOwnUnitWordAndRefusesAnother() throws Exception {
        Scenario s = Scenario.builtIn("quiet");
        assertThat(s.with("readBurstSize", "12 transactions").get("readBurstSize"))
                .isEqualTo("12");
        assertThatThrownBy(() -> s.with("readBurstSize", "12ms"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("readBurstSize is in transactions, not 'ms'")
                .hasMessageContaining("readBurstSize=12");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "readBurstSize, twelve, 'must be a whole number in [1, 1024] transactions'",
        "readBurstSize, 12.5, 'must be a whole number in [1, 1024] transactions'",
        "compactionEnabled, 1, 'must be true or false'",
        "mediaErrorsPerMillionBlockReads, lots, 'must be a number in [0, 1000000] per million'",
        "nodes, 17, 'nodes = 17 is out of range [1, 16] count'",
    })
    void aWrongTypeOrRangeNamesTheParameterAndWhatIsAllowed(String parameter, String value, String message)
            throws Exception {
        Scenario s = Scenario.builtIn("quiet");
        assertThatThrownBy(() -> s.with(parameter, value))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(parameter)
                .hasMessageContaining(message);
    }

    @Test
    void aScenarioFileMayGiveADurationAsAStringWithAUnit() throws Exception {
        Path f = Files.writeString(
                dir.resolve("notes.json"),
                "{\"base\": \"fpre004-repro\", \"parameters\": {\"ackJitterMicrosMax\": \"7.3ms\"}}");

        assertThat(Scenario.load(f).get("ackJitterMicrosMax")).isEqualTo("7300");
    }

    @Test
    void aScenarioFileWithAForeignUnitNamesFileLineParameterAndUnit() throws Exception {
        Path f = Files.writeString(dir.resolve("typo.json"), "{\"parameters\": {\n  \"readBurstSize\": \"12 ms\"\n}}");

        assertThatThrownBy(() -> Scenario.load(f))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("typo.json:2: ")
                .hasMessageContaining("readBurstSize is in transactions, not 'ms'");
    }
}
